namespace StalkingProtection.Core.Reports;

/// <summary>
/// What a triage command did to an online report, as <see cref="PublicReport"/> decided: triage started (or already started by
/// someone), a case opened from it with the reporter perhaps added as the victim, the report added to an existing case, or the
/// report closed without a case with its reason (R39). Pages and the API show the same words, from <see cref="Explain"/>.
/// </summary>
public sealed class ReportTriagedOutcome
{
    private ReportTriagedOutcome(PublicReport report)
    {
        ReportId = report.Id;
        Reference = report.Reference;
        Status = report.Status;
        Outcome = report.Outcome;
        CaseId = report.CaseId;
        CloseReason = report.CloseReason;
        CloseDetails = report.CloseDetails;
        TriageStartedByName = report.TriageStartedByName;
    }

    public Guid ReportId { get; }

    public string Reference { get; }

    public PublicReportStatus Status { get; }

    /// <summary>Null while the report is only in triage.</summary>
    public TriageOutcome? Outcome { get; }

    /// <summary>The case the report opened or joined.</summary>
    public Guid? CaseId { get; }

    public TriageCloseReason? CloseReason { get; }

    /// <summary>R39: why the report was closed without a case.</summary>
    public string? CloseDetails { get; }

    public string? TriageStartedByName { get; }

    /// <summary>Starting triage: false when the report was already in triage, so nothing changed.</summary>
    public bool Started { get; private init; }

    /// <summary>A case opened: the reporter added as its victim, and whether their contact details were copied.</summary>
    public Guid? VictimId { get; private init; }

    public bool ContactDetailsCopied { get; private init; }

    internal static ReportTriagedOutcome TriageStarted(PublicReport report, bool started) => new(report) { Started = started };

    internal static ReportTriagedOutcome Decided(PublicReport report, Guid? victimId = null, bool contactDetailsCopied = false) =>
        new(report) { VictimId = victimId, ContactDetailsCopied = contactDetailsCopied };

    /// <summary>The outcome in plain English, citing the rule where one decides.</summary>
    public string Explain()
    {
        switch (Outcome)
        {
            case null:
                return Started
                    ? $"Triage started: report {Reference} is with {TriageStartedByName} until it is decided."
                    : $"Report {Reference} is already in triage with {TriageStartedByName}.";
            case TriageOutcome.CaseOpened:
                var victim = VictimId is null ? ""
                    : ContactDetailsCopied ? " The reporter was added as the victim, with their safe contact details." : " The reporter was added as the victim.";
                return $"Report {Reference} triaged: a new case was opened from it, reported on the day the report was sent, with the report as its "
                    + $"first entries.{victim}";
            case TriageOutcome.AddedToCase:
                return $"Report {Reference} triaged: its answers were added to the existing case.";
            default:
                return $"Report {Reference} closed without a case: {ReportDescriptions.CloseReason(CloseReason!.Value).ToLowerInvariant()}. "
                    + $"The reason is kept: \"{CloseDetails}\" (R39, Malik [2023] EWHC 3213 (Admin)).";
        }
    }
}
