using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Documents;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Security;
using StalkingProtection.Web.Pages.Public.ReportBreach;

namespace StalkingProtection.Web.Pages.Workspace.Orders.Documents;

/// <summary>
/// The order's documents, generated from the records as PDF or an editable Word file. Each download asks why it is needed and is
/// audited as a disclosure with that purpose (DPA 2018 s.62); need-to-know as the order's page.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public class IndexModel(StalkingProtectionDbContext db, DocumentService documents) : PageModel
{
    /// <summary>The documents this order has: a statement of service once served, an acknowledgement when a notification is named.</summary>
    public IReadOnlyList<SelectListItem> Documents { get; private set; } = [];

    public static IReadOnlyList<SelectListItem> Formats { get; } =
    [
        new("PDF", DocumentFileFormat.Pdf.ToString()),
        new("Word document (.docx), to edit", DocumentFileFormat.Docx.ToString()),
    ];

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Which document?")]
    public OrderDocument? Document { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Which format?")]
    public DocumentFileFormat? Format { get; set; }

    /// <summary>The notification whose written acknowledgement is asked for (SPA 2019 s.10(4)).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? NotificationId { get; set; }

    [BindProperty]
    [Display(Name = "Why do you need it?")]
    public string? Purpose { get; set; }

    public string RespondentName { get; private set; } = "";

    public Guid OrderId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        return await FindAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        if (Document is null || !Documents.Any(d => d.Value == Document.ToString()))
        {
            ModelState.AddModelError(nameof(Document), "Select which document you need");
        }

        if (Format is null)
        {
            ModelState.AddModelError(nameof(Format), "Select PDF or Word document");
        }

        if (string.IsNullOrWhiteSpace(Purpose))
        {
            ModelState.AddModelError(nameof(Purpose), "Enter why you need the document");
        }
        else if (Purpose.Trim().Length > DocumentService.PurposeMaxLength)
        {
            ModelState.AddModelError(nameof(Purpose), $"Why you need it must be {DocumentService.PurposeMaxLength} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var actor = User.ToActor();
        var reportBreach = $"{Request.Scheme}://{Request.Host}{BreachSteps.StartUrl}";
        GeneratedDocument? document;
        try
        {
            document = Document switch
            {
                OrderDocument.VictimCopy => await documents.VictimCopyAsync(id, DocumentLanguage.English, reportBreach, Purpose!, actor, ct),
                OrderDocument.VictimCopyWelsh => await documents.VictimCopyAsync(id, DocumentLanguage.Welsh, reportBreach, Purpose!, actor, ct),
                OrderDocument.StatementOfService => await documents.StatementOfServiceAsync(id, Purpose!, actor, ct),
                OrderDocument.Acknowledgement => await documents.NotificationAcknowledgementAsync(NotificationId!.Value, Purpose!, actor, ct),
                _ => await documents.OrderBriefingAsync(id, Purpose!, actor, ct),
            };
        }
        catch (RuleViolationException ex)
        {
            foreach (var v in ex.Violations)
            {
                ModelState.AddModelError(v.Field == "purpose" ? nameof(Purpose) : nameof(Document), v.Message);
            }

            return Page();
        }

        if (document is null)
        {
            return NotFound();
        }

        var file = DocumentRenderer.Render(document, Format!.Value);
        Response.Headers.CacheControl = "no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<bool> FindAsync(Guid id, CancellationToken ct)
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

public enum OrderDocument
{
    OrderBriefing,
    VictimCopy,
    VictimCopyWelsh,
    StatementOfService,
    Acknowledgement,
}
