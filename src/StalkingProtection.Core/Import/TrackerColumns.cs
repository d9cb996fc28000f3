namespace StalkingProtection.Core.Import;

/// <summary>The columns of a force's SPO tracker, one row per order (docs/import-tracker.md).</summary>
public enum TrackerColumn
{
    OrderReference,
    RespondentFamilyName,
    RespondentGivenNames,
    RespondentDateOfBirth,
    PncId,
    ProtectedPersons,
    ApplicantForce,
    ApplicationDate,
    HearingDate,
    Court,
    InterimOrFull,
    MadeOn,
    ServedOn,
    LastDay,
    Conditions,
    NotificationDates,
    Breaches,
    Variations,
    DischargedOn,
    OfficerInCharge,
}

public static class TrackerColumns
{
    public const string UntilFurtherOrder = "until further order";

    public static IReadOnlyList<(TrackerColumn Column, string Header, bool Required)> All { get; } =
    [
        (TrackerColumn.OrderReference, "Order reference", true),
        (TrackerColumn.RespondentFamilyName, "Respondent family name", true),
        (TrackerColumn.RespondentGivenNames, "Respondent given names", true),
        (TrackerColumn.RespondentDateOfBirth, "Respondent date of birth", false),
        (TrackerColumn.PncId, "PNC ID", false),
        (TrackerColumn.ProtectedPersons, "Protected persons", true),
        (TrackerColumn.ApplicantForce, "Applicant force", true),
        (TrackerColumn.ApplicationDate, "Application date", true),
        (TrackerColumn.HearingDate, "Hearing date", false),
        (TrackerColumn.Court, "Court", true),
        (TrackerColumn.InterimOrFull, "Interim or full", true),
        (TrackerColumn.MadeOn, "Made on", true),
        (TrackerColumn.ServedOn, "Served on", false),
        (TrackerColumn.LastDay, "Last day", true),
        (TrackerColumn.Conditions, "Conditions", true),
        (TrackerColumn.NotificationDates, "Notification dates", false),
        (TrackerColumn.Breaches, "Breaches", false),
        (TrackerColumn.Variations, "Variations", false),
        (TrackerColumn.DischargedOn, "Discharged on", false),
        (TrackerColumn.OfficerInCharge, "Officer in charge", true),
    ];

    public static string HeaderOf(TrackerColumn column) => All[(int)column].Header;

    /// <summary>Header names match ignoring case, spaces and punctuation: "PNC ID", "pnc id" and "PNCID" are one column.</summary>
    public static string Normalise(string header) =>
        new(header.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    public static TrackerColumn? Find(string header)
    {
        var key = Normalise(header);
        foreach (var (column, name, _) in All)
        {
            if (Normalise(name) == key)
            {
                return column;
            }
        }

        return null;
    }

    /// <summary>A list cell: one item per line or separated by ";".</summary>
    public static IReadOnlyList<string> SplitList(string cell) =>
        cell.Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
