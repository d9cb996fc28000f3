using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Reports;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Security;
using StalkingProtection.Web.Pages.Workspace.Cases;

namespace StalkingProtection.Web.Pages.Workspace.Triage.TriageReport;

/// <summary>The answers of one report's triage until it is confirmed, with the report's version when the journey began.</summary>
public sealed class TriageState
{
    public TriageOutcome? Outcome { get; set; }

    public long Version { get; set; }

    public List<string> CrimeReferences { get; set; } = [];

    public List<OffencesConsidered> Offences { get; set; } = [];

    public string? OfficerInCharge { get; set; }

    public string? Team { get; set; }

    public bool AddVictim { get; set; }

    public string? VictimGivenNames { get; set; }

    public string? VictimFamilyName { get; set; }

    public bool CopyContactDetails { get; set; }

    public Guid? CaseId { get; set; }

    public string? CaseLabel { get; set; }

    public TriageCloseReason? CloseReason { get; set; }

    public string? CloseDetails { get; set; }

    public bool DetailsComplete => Outcome switch
    {
        TriageOutcome.CaseOpened => Offences.Count > 0 && OfficerInCharge is not null && Team is not null,
        TriageOutcome.AddedToCase => CaseId is not null,
        TriageOutcome.Closed => CloseReason is not null && !string.IsNullOrWhiteSpace(CloseDetails),
        _ => false,
    };
}

public static class TriageChoices
{
    public static IReadOnlyList<SelectListItem> Outcomes { get; } =
    [
        new("Open a new case", nameof(TriageOutcome.CaseOpened)),
        new("Add to an existing case", nameof(TriageOutcome.AddedToCase)),
        new("Close the report without a case", nameof(TriageOutcome.Closed)),
    ];

    public static IReadOnlyList<SelectListItem> CloseReasons { get; } =
    [
        new(ReportDescriptions.CloseReason(TriageCloseReason.NoFurtherAction), nameof(TriageCloseReason.NoFurtherAction)),
        new(ReportDescriptions.CloseReason(TriageCloseReason.Duplicate), nameof(TriageCloseReason.Duplicate)),
        new(ReportDescriptions.CloseReason(TriageCloseReason.NotStalking), nameof(TriageCloseReason.NotStalking)),
    ];

    public static IReadOnlyList<SelectListItem> YesNo { get; } = [new("Yes", "true"), new("No", "false")];
}

/// <summary>The pages of the triage journey: officers and coordinators only; legal services may read the report but not decide it.</summary>
[Authorize(Policy = Policies.Triage)]
public abstract class TriageJourneyPageModel(StalkingProtectionDbContext db) : CaseWorkPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public PublicReport Report { get; private set; } = null!;

    public TriageState State { get; protected set; } = new();

    protected StalkingProtectionDbContext Db => db;

    public string StartHref => $"/workspace/triage/triage-report/{Id}";

    public string DetailsHref => $"/workspace/triage/triage-report/details/{Id}";

    public string CheckHref => $"/workspace/triage/triage-report/check-answers/{Id}";

    protected async Task<bool> LoadReportAsync(CancellationToken ct)
    {
        if (await db.PublicReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == Id, ct) is not { } report)
        {
            return false;
        }

        Report = report;
        return true;
    }

    protected bool LoadState()
    {
        if (JourneyState.Load<TriageState>(TempData, Id) is not { } state)
        {
            return false;
        }

        State = state;
        return true;
    }

    protected void SaveState() => JourneyState.Save(TempData, Id, State);

    protected Task<IReadOnlyList<SelectListItem>> OfficersAsync(CancellationToken ct) => OfficerChoices.ListAsync(db, User, ct);
}
