using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Import;

public sealed record TrackerBreach(DateOnly On, string Description);

/// <summary>One tracker row read into the values the services take; cells that cannot be read are problems of kind "Input".</summary>
public sealed record TrackerOrder(
    string Reference,
    string FamilyName,
    string GivenNames,
    DateOnly? DateOfBirth,
    string? PncId,
    IReadOnlyList<(string GivenNames, string FamilyName)> ProtectedPersons,
    PoliceForce ApplicantForce,
    DateOnly ApplicationDate,
    DateOnly? HearingDate,
    string Court,
    OrderKind Kind,
    DateOnly MadeOn,
    DateOnly? ServedOn,
    DateOnly? LastDay,
    IReadOnlyList<string> Conditions,
    IReadOnlyList<DateOnly> NotificationDates,
    IReadOnlyList<TrackerBreach> Breaches,
    IReadOnlyList<string> Variations,
    DateOnly? DischargedOn,
    string OfficerInCharge)
{
    public sealed record Parsed(TrackerOrder? Order, IReadOnlyList<TrackerRowProblem> Problems);

    // Worked out once, not for each row: every row names its force.
    private static readonly Dictionary<string, PoliceForce> _forces = Enum.GetValues<PoliceForce>()
        .DistinctBy(f => TrackerColumns.Normalise(f.ToString())).ToDictionary(f => TrackerColumns.Normalise(f.ToString()), StringComparer.Ordinal);

    public static PoliceForce? ParseForce(string text) =>
        _forces.TryGetValue(TrackerColumns.Normalise(text), out var force) ? force : null;

    public static Parsed Parse(TrackerRow row, DateOnly today)
    {
        var problems = new List<TrackerRowProblem>();
        void Problem(TrackerColumn column, string message, string ruleId = "Input") => problems.Add(new(TrackerColumns.HeaderOf(column), ruleId, message));

        string Required(TrackerColumn column, int max)
        {
            var value = row[column];
            if (value.Length == 0)
            {
                Problem(column, $"Enter the {TrackerColumns.HeaderOf(column).ToLowerInvariant()}");
            }
            else if (value.Length > max)
            {
                Problem(column, $"The {TrackerColumns.HeaderOf(column).ToLowerInvariant()} is at most {max} characters");
            }

            return value;
        }

        DateOnly? Date(TrackerColumn column, bool required, bool happened)
        {
            var text = row[column];
            if (text.Length == 0)
            {
                if (required)
                {
                    Problem(column, $"Enter the {TrackerColumns.HeaderOf(column).ToLowerInvariant()} as day/month/year");
                }

                return null;
            }

            if (TrackerFile.ParseDate(text) is not { } date)
            {
                Problem(column, $"\"{Shorten(text)}\" is not a date: enter it as day/month/year, for example 14/02/2024");
                return null;
            }

            if (happened && date > today)
            {
                Problem(column, RuleCheck.NotYetHappenedMessage);
            }

            return date;
        }

        var reference = Required(TrackerColumn.OrderReference, TrackerImportedRow.RowKeyMaxLength);
        var family = Required(TrackerColumn.RespondentFamilyName, People.PersonName.NameMaxLength);
        var given = Required(TrackerColumn.RespondentGivenNames, People.PersonName.NameMaxLength);
        var dob = Date(TrackerColumn.RespondentDateOfBirth, required: false, happened: true);
        var pnc = row[TrackerColumn.PncId];
        if (pnc.Length > People.Person.PncIdMaxLength)
        {
            Problem(TrackerColumn.PncId, $"A PNC ID is at most {People.Person.PncIdMaxLength} characters");
        }

        var persons = new List<(string, string)>();
        foreach (var name in TrackerColumns.SplitList(row[TrackerColumn.ProtectedPersons]))
        {
            var at = name.LastIndexOf(' ');
            if (at <= 0 || name.Length > People.PersonName.NameMaxLength)
            {
                Problem(TrackerColumn.ProtectedPersons, $"\"{Shorten(name)}\" is not a name: give each protected person's given names then family name", "R4");
                continue;
            }

            persons.Add((name[..at].Trim(), name[(at + 1)..].Trim()));
        }

        if (row[TrackerColumn.ProtectedPersons].Length == 0)
        {
            // SPA 2019 s.1(1)(c), R4.
            Problem(TrackerColumn.ProtectedPersons, "Name at least one person the order is to protect (SPA 2019 s.1(1)(c), R4)", "R4");
        }

        var forceText = row[TrackerColumn.ApplicantForce];
        var force = ParseForce(forceText);
        if (force is null)
        {
            // SPA 2019 s.1(1), s.14, R1.
            Problem(TrackerColumn.ApplicantForce, forceText.Length == 0
                ? "Enter the police force that applied (SPA 2019 s.1(1), R1)"
                : $"\"{Shorten(forceText)}\" is not a police force of England and Wales: only a chief officer of police may apply (SPA 2019 s.1(1), R1)", "R1");
        }

        var applied = Date(TrackerColumn.ApplicationDate, required: true, happened: true);
        var hearing = Date(TrackerColumn.HearingDate, required: false, happened: false);
        var court = Required(TrackerColumn.Court, StalkingProtectionOrder.CourtNameMaxLength);
        var kindText = TrackerColumns.Normalise(row[TrackerColumn.InterimOrFull]);
        OrderKind? kind = kindText switch
        {
            "full" or "fullorder" or "final" => OrderKind.Full,
            "interim" or "interimorder" => OrderKind.Interim,
            _ => null,
        };
        if (kind is null)
        {
            Problem(TrackerColumn.InterimOrFull, "Enter \"Interim\" or \"Full\"");
        }

        var made = Date(TrackerColumn.MadeOn, required: true, happened: true);
        var served = Date(TrackerColumn.ServedOn, required: false, happened: true);
        DateOnly? lastDay = null;
        var lastDayText = row[TrackerColumn.LastDay];
        if (TrackerColumns.Normalise(lastDayText) != TrackerColumns.Normalise(TrackerColumns.UntilFurtherOrder))
        {
            lastDay = Date(TrackerColumn.LastDay, required: true, happened: false);
        }

        var conditions = TrackerColumns.SplitList(row[TrackerColumn.Conditions]);
        if (conditions.Count == 0)
        {
            Problem(TrackerColumn.Conditions, "An order must contain at least one prohibition or requirement (SPA 2019 s.1(2), R12)", "R12");
        }
        else if (conditions.Any(c => c.Length > Condition.WordingMaxLength))
        {
            Problem(TrackerColumn.Conditions, $"Each condition is at most {Condition.WordingMaxLength} characters (R12)", "R12");
        }

        var notified = new List<DateOnly>();
        foreach (var text in TrackerColumns.SplitList(row[TrackerColumn.NotificationDates]))
        {
            if (TrackerFile.ParseDate(text) is { } date && date <= today)
            {
                notified.Add(date);
            }
            else
            {
                Problem(TrackerColumn.NotificationDates, $"\"{Shorten(text)}\" is not a past date: enter each notification date as day/month/year");
            }
        }

        var breaches = new List<TrackerBreach>();
        foreach (var text in TrackerColumns.SplitList(row[TrackerColumn.Breaches]))
        {
            var space = text.IndexOf(' ');
            if (TrackerFile.ParseDate(space < 0 ? text : text[..space]) is { } on && on <= today && space > 0)
            {
                breaches.Add(new TrackerBreach(on, text[(space + 1)..].Trim()));
            }
            else
            {
                Problem(TrackerColumn.Breaches, $"\"{Shorten(text)}\": give each breach as its date then what happened, for example \"14/01/2024 sent a message\"");
            }
        }

        var discharged = Date(TrackerColumn.DischargedOn, required: false, happened: true);
        var officer = Required(TrackerColumn.OfficerInCharge, StalkingProtectionOrder.NameMaxLength);

        if (applied is { } a && made is { } m && m < a)
        {
            Problem(TrackerColumn.MadeOn, "The order cannot be made before the application (SPA 2019 s.1(1), R12)", "R12");
        }

        if (served is { } s && made is { } m2 && s < m2)
        {
            Problem(TrackerColumn.ServedOn, "The order cannot be served before it is made");
        }

        if (problems.Count > 0)
        {
            return new Parsed(null, problems);
        }

        return new Parsed(new TrackerOrder(reference, family, given, dob, pnc.Length == 0 ? null : pnc, persons, force!.Value, applied!.Value, hearing, court,
            kind!.Value, made!.Value, served, lastDay, conditions, notified, breaches, TrackerColumns.SplitList(row[TrackerColumn.Variations]), discharged,
            officer), []);
    }

    /// <summary>The date a variation's text begins with ("01/03/2025 added a no-approach condition"), if it gives one.</summary>
    public static DateOnly? VariationDate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return TrackerFile.ParseDate(space < 0 ? text : text[..space]);
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
