using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Reports;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Security;
using StalkingProtection.Web.Pages.Workspace.Cases.OpenCase;

namespace StalkingProtection.Web.Pages.Workspace.Triage.TriageReport;

public class CheckAnswersModel(StalkingProtectionDbContext db, TriageService triage) : TriageJourneyPageModel(db)
{
    public string OfficerName { get; private set; } = "";

    /// <summary>False once the report has been decided by someone else: there is nothing left to confirm.</summary>
    public bool CanConfirm => !Report.IsTriaged;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await StartAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await StartAsync(ct) is { } redirect)
        {
            return redirect;
        }

        // RL4: the report changed since this journey read it, for example someone else triaged it.
        if (Report.Version != State.Version)
        {
            return ConflictPage();
        }

        try
        {
            var actor = User.ToActor();
            switch (State.Outcome)
            {
                case TriageOutcome.CaseOpened:
                    await triage.OpenCaseAsync(new OpenCaseFromReportOptions(Id, State.Version, State.CrimeReferences, OffenceChoices.Combine(State.Offences),
                        State.OfficerInCharge!, State.Team!,
                        State.AddVictim ? new ReporterAsVictim(State.VictimGivenNames ?? "", State.VictimFamilyName ?? "", State.CopyContactDetails) : null), actor, ct);
                    break;
                case TriageOutcome.AddedToCase:
                    await triage.AddToCaseAsync(new AddReportToCaseOptions(Id, State.Version, State.CaseId!.Value), actor, ct);
                    break;
                default:
                    await triage.CloseAsync(new CloseReportOptions(Id, State.Version, State.CloseReason!.Value, State.CloseDetails ?? ""), actor, ct);
                    break;
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            await LoadReportAsync(ct);
            return ConflictPage();
        }
        catch (RuleViolationException e)
        {
            AddRuleViolations(e);
            return Page();
        }

        JourneyState.Clear(TempData, Id);
        return Redirect($"/workspace/triage/triage-report/confirmation/{Id}");
    }

    private IActionResult ConflictPage()
    {
        ShowConflict();
        if (!Report.IsTriaged)
        {
            State.Version = Report.Version;
            SaveState();
        }

        return Page();
    }

    private async Task<IActionResult?> StartAsync(CancellationToken ct)
    {
        if (!await LoadReportAsync(ct))
        {
            return NotFound();
        }

        if (!LoadState() || State.Outcome is null)
        {
            return Redirect(StartHref);
        }

        if (!State.DetailsComplete)
        {
            return Redirect(DetailsHref);
        }

        if (State.OfficerInCharge is { } officer)
        {
            OfficerName = (await OfficerNamesAsync(Db, [officer], ct)).GetValueOrDefault(officer, officer);
        }

        return null;
    }
}
