using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Reports;

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
