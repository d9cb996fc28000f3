using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Reports;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Triage.ViewReport;

/// <summary>
/// One online report's answers. Its safe contact details are shown only to the coordinator triaging it or the officer in charge
/// of its case, and only when they give a reason; each showing is audited with that reason (DPA 2018 s.62).
/// </summary>
public class IndexModel(TriageService triage, StalkingProtectionDbContext db) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public long Version { get; set; }

    public PublicReport Report { get; private set; } = null!;

    public SafeContactDetails? Contact { get; private set; }

    /// <summary>DPA 2018 s.62: the reason is written to the audit entry of the read.</summary>
    [BindProperty]
    [System.ComponentModel.DataAnnotations.Display(Name = "Why do you need to see them?")]
    public string? ContactReason { get; set; }

    /// <summary>The viewer is the coordinator triaging the report or the officer in charge of its case.</summary>
    public bool MaySeeContact { get; private set; }

    public bool ContactShown { get; private set; }

    public string? CaseReference { get; private set; }

    public bool CanTriage => User.IsInRole(StaffRoles.Officer) || User.IsInRole(StaffRoles.Coordinator);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostContactAsync(CancellationToken ct)
    {
        if (!CanTriage)
        {
            return Forbid();
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!MaySeeContact || Report.ProtectedContact is null)
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(ContactReason))
        {
            ModelState.AddModelError(nameof(ContactReason), "Give the reason you need to see the safe contact details");
            return Page();
        }

        if (ContactReason.Trim().Length > Core.Auditing.AuditEntry.JustificationMaxLength)
        {
            ModelState.AddModelError(nameof(ContactReason), $"The reason must be {Core.Auditing.AuditEntry.JustificationMaxLength} characters or fewer");
            return Page();
        }

        Contact = await triage.ReadContactDetailsAsync(Id, User.ToActor(), User.IsInRole(StaffRoles.Coordinator), ContactReason, ct);
        ContactShown = true;
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        if (!CanTriage)
        {
            return Forbid();
        }

        try
        {
            var started = await triage.StartTriageAsync(Id, Version, User.ToActor(), ct);
            Flash.Set(TempData, started.Explain());
            return Redirect(TriageLinks.Start(Id));
        }
        catch (DbUpdateConcurrencyException)
        {
            // The refused change is still tracked; the page reads (and audits) the report again from a clean context.
            db.ChangeTracker.Clear();
            ShowConflict();
        }
        catch (RuleViolationException e)
        {
            AddRuleViolations(e);
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await triage.ViewAsync(Id, User.ToActor(), ct) is not { } report)
        {
            return false;
        }

        Report = report;
        Version = report.Version;
        MaySeeContact = CanTriage && await triage.MayReadContactDetailsAsync(report, User.ToActor(), User.IsInRole(StaffRoles.Coordinator), ct);
        if (report.CaseId is { } caseId)
        {
            var linked = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId, ct);
            CaseReference = User.CanSee(linked) ? (linked.CrimeReferences.Length == 0 ? "the case" : linked.CrimeReferences.Replace(",", ", ", StringComparison.Ordinal)) : null;
        }

        return true;
    }
}
