using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Reports;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;
using StalkingProtection.Web.Pages.Workspace.Cases.OpenCase;

namespace StalkingProtection.Web.Pages.Workspace.Triage.TriageReport;

/// <summary>Confirms the triage of a report: a case opened, the report added to a case, or the report closed.</summary>
[Authorize(Policy = Policies.Triage)]
public class CheckAnswersModel(StalkingProtectionDbContext db, TriageService triage) : CheckAnswersPageModel<TriageState>
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public PublicReport Report { get; private set; } = null!;

    public string OfficerName { get; private set; } = "";

    /// <summary>False once the report has been decided by someone else: there is nothing left to confirm.</summary>
    public bool CanConfirm => !Report.IsTriaged;

    public string DetailsHref => TriageLinks.Details(Id);

    public override string QuestionUrl => TriageLinks.Start(Id);

    public override string ChangeHref => DetailsHref;

    public override string ConflictRecord => "report";

    public override string SaveButton => "Confirm";

    protected override Guid JourneyKey => Id;

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await db.PublicReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == Id, ct) is not { } report)
        {
            return false;
        }

        Report = report;
        return true;
    }

    /// <summary>Answers without an outcome, or without its details, start the journey again.</summary>
    protected override async Task<bool> DescribeAsync(TriageState answers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Outcome is null || !answers.DetailsComplete)
        {
            return false;
        }

        if (answers.OfficerInCharge is { } officer)
        {
            OfficerName = (await OfficerNames.OfAsync(db, [officer], ct)).GetValueOrDefault(officer, officer);
        }

        return true;
    }

    protected override async Task<IActionResult> SaveAsync(TriageState answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);

        // RL4: the report changed since this journey read it, for example someone else triaged it.
        if (Report.Version != answers.Version)
        {
            return await ShowConflictAsync(ct);
        }

        var triaged = answers.Outcome switch
        {
            TriageOutcome.CaseOpened => await triage.OpenCaseAsync(new OpenCaseFromReportOptions(Id, answers.Version, answers.CrimeReferences,
                OffenceChoices.Combine(answers.Offences), answers.OfficerInCharge!, answers.Team!,
                answers.AddVictim ? new ReporterAsVictim(answers.VictimGivenNames ?? "", answers.VictimFamilyName ?? "", answers.CopyContactDetails) : null), Actor, ct),
            TriageOutcome.AddedToCase => await triage.AddToCaseAsync(new AddReportToCaseOptions(Id, answers.Version, answers.CaseId!.Value), Actor, ct),
            _ => await triage.CloseAsync(new CloseReportOptions(Id, answers.Version, answers.CloseReason!.Value, answers.CloseDetails ?? ""), Actor, ct),
        };

        Flash.Set(TempData, triaged.Explain());
        return Redirect(TriageLinks.Confirmation(Id));
    }

    /// <summary>A report still in triage can be confirmed again against its current version; a decided one cannot.</summary>
    protected override void OnConflict(TriageState answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (!Report.IsTriaged)
        {
            answers.Version = Report.Version;
        }
    }
}
