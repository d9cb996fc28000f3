using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Applications.AwaitingAuthorisation;

public sealed record AwaitingRow(Guid Id, ApplicationType Type, string RespondentName, string CrimeReferences, DateTimeOffset Since, bool AuthorisedBefore);

/// <summary>
/// The coordinators' queue: draft applications an officer asked them to authorise, or whose authorisation a later change withdrew,
/// oldest first, so what is lodged is what a coordinator authorised.
/// </summary>
[Authorize(Policy = Policies.Coordinator)]
public class IndexModel(StalkingProtectionDbContext db, AuditLog audit) : PageModel
{
    public const int Limit = 200;

    public IReadOnlyList<AwaitingRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var visibleCases = db.Cases.AsNoTracking().VisibleTo(User);
        var names = db.Set<PersonName>().AsNoTracking().Where(n => !n.IsAlias);
        var waiting = await (
                from a in db.Applications.IgnoreAutoIncludes().AsNoTracking()
                where a.Status == ApplicationStatus.Draft && a.AwaitingAuthorisationSince != null && a.AuthorisedAt == null
                join c in visibleCases on a.CaseId equals c.Id
                let name = names.Where(n => n.PersonId == db.Respondents.Where(r => r.Id == c.RespondentId).Select(r => r.PersonId).FirstOrDefault())
                    .OrderBy(n => n.Id).FirstOrDefault()
                orderby a.AwaitingAuthorisationSince, a.Id
                select new
                {
                    a.Id,
                    a.Type,
                    Respondent = name == null ? "" : name.GivenNames + " " + name.FamilyName,
                    c.CrimeReferences,
                    Since = a.AwaitingAuthorisationSince!.Value,
                })
            .Take(Limit)
            .ToListAsync(ct);
        var ids = waiting.Select(w => w.Id.ToString()).ToList();
        var withdrawn = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == "Application.AuthorisationWithdrawn" && e.RecordId != null && ids.Contains(e.RecordId))
            .Select(e => e.RecordId!).Distinct().ToListAsync(ct);
        Rows = waiting
            .Select(w => new AwaitingRow(w.Id, w.Type, w.Respondent.Trim(), w.CrimeReferences, w.Since, withdrawn.Contains(w.Id.ToString())))
            .ToList();

        // DPA 2018 s.62: the queue names respondents and shows case references.
        await audit.RecordConsultationAsync(User.ToActor(), AuditEvents.Applications.AwaitingAuthorisationListed.For(null, $"rows={Rows.Count}"), ct);
    }

    public static string TypeText(ApplicationType type) => type switch
    {
        ApplicationType.Full => "Full order",
        ApplicationType.Interim => "Interim order",
        ApplicationType.Variation => "Variation",
        ApplicationType.Renewal => "Renewal",
        ApplicationType.Discharge => "Discharge",
        _ => type.ToString(),
    };
}
