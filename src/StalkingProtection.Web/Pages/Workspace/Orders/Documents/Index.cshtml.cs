using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Documents;
using StalkingProtection.Web.Infrastructure;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;
using StalkingProtection.Web.Pages.Public.ReportBreach;

namespace StalkingProtection.Web.Pages.Workspace.Orders.Documents;

/// <summary>
/// The order's documents, generated from the records as PDF or an editable Word file. Each download asks why it is needed and is
/// audited as a disclosure with that purpose (DPA 2018 s.62); need-to-know as the order's page.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public class IndexModel(StalkingProtectionDbContext db, DocumentService documents, IOptions<WebOptions> web) : DocumentDownloadPageModel
{
    /// <summary>The documents this order has: a statement of service once served, an acknowledgement when a notification is named.</summary>
    public IReadOnlyList<SelectListItem> Documents { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Which document?")]
    public OrderDocument? Document { get; set; }

    /// <summary>The notification whose written acknowledgement is asked for (SPA 2019 s.10(4)).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? NotificationId { get; set; }

    public override string PurposeHint => "For example, briefing the response team before a visit, or posting the victim their copy";

    public string RespondentName { get; private set; } = "";

    public Guid OrderId { get; private set; }

    protected override void ValidateDocument()
    {
        if (Document is null || !Documents.Any(d => d.Value == Document.ToString()))
        {
            ModelState.AddModelError(nameof(Document), "Select which document you need");
        }
    }

    protected override string DocumentField => nameof(Document);

    protected override Task<GeneratedDocument?> GenerateAsync(Guid id, string purpose, Actor actor, CancellationToken ct)
    {
        var reportBreach = BreachSteps.PublicStartUrl(Request, web.Value);
        return Document switch
        {
            OrderDocument.VictimCopy => documents.VictimCopyAsync(id, DocumentLanguage.English, reportBreach, purpose, actor, ct),
            OrderDocument.VictimCopyWelsh => documents.VictimCopyAsync(id, DocumentLanguage.Welsh, reportBreach, purpose, actor, ct),
            OrderDocument.StatementOfService => documents.StatementOfServiceAsync(id, purpose, actor, ct),
            OrderDocument.Acknowledgement => documents.NotificationAcknowledgementAsync(NotificationId!.Value, purpose, actor, ct),
            _ => documents.OrderBriefingAsync(id, purpose, actor, ct),
        };
    }

    protected override async Task<bool> FindAsync(Guid id, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.Id, o.CaseId, o.RespondentId, o.ServedAt }).SingleOrDefaultAsync(ct);
        if (order is null)
        {
            return false;
        }

        var stalkingCase = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == order.CaseId, ct);
        if (!User.CanSee(stalkingCase))
        {
            return false;
        }

        if (NotificationId is { } notificationId
            && !await db.NotificationEvents.AnyAsync(n => n.Id == notificationId && n.RespondentId == order.RespondentId, ct))
        {
            return false;
        }

        OrderId = order.Id;
        var items = new List<SelectListItem>
        {
            new("Order briefing for response officers (one page, no victim's details)", OrderDocument.OrderBriefing.ToString()),
            new("The victim's copy, explained in plain English", OrderDocument.VictimCopy.ToString()),
            new("The victim's copy, in Welsh", OrderDocument.VictimCopyWelsh.ToString()),
        };
        if (order.ServedAt is not null)
        {
            items.Add(new("Statement of service", OrderDocument.StatementOfService.ToString()));
        }

        if (NotificationId is not null)
        {
            items.Add(new("Written acknowledgement of the notification (SPA 2019 s.10(4))", OrderDocument.Acknowledgement.ToString()));
        }

        Documents = items;
        RespondentName = await OrderQueries.RespondentNameAsync(db, order.RespondentId, ct);
        RecordContext.ForCase(HttpContext, stalkingCase, RespondentName);
        return true;
    }
}
