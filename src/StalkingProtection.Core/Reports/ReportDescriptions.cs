using System.Globalization;

namespace StalkingProtection.Core.Reports;

/// <summary>A report's answers in plain words for staff: the triage pages and the notes carried into a case.</summary>
public static class ReportDescriptions
{
    private static readonly (StalkingBehaviours Behaviour, string Text)[] _behaviours =
    [
        (StalkingBehaviours.Following, "Following"),
        (StalkingBehaviours.Contacting, "Contacting, or trying to"),
        (StalkingBehaviours.Publishing, "Posting or publishing things about them, or pretending to be them"),
        (StalkingBehaviours.Monitoring, "Checking their phone, email or what they do online"),
        (StalkingBehaviours.Loitering, "Hanging around places they go"),
        (StalkingBehaviours.InterferingWithProperty, "Damaging, moving or taking their things"),
        (StalkingBehaviours.WatchingOrSpying, "Watching or spying on them"),
        (StalkingBehaviours.SomethingElse, "Something else"),
    ];

    public static string ReportingFor(ReportingFor reportingFor) =>
        reportingFor == Reports.ReportingFor.Myself ? "Themselves (the person reporting is the victim)" : "Someone else";

    public static string PersonContact(PersonContactRoute? route) => route switch
    {
        PersonContactRoute.ThroughReporter => "Only through the person who reported",
        PersonContactRoute.Directly => "Directly, in the safe way the reporter gave",
        PersonContactRoute.NotAtAll => "Do not contact the person",
        _ => "Not asked",
    };

    public static string Behaviours(StalkingBehaviours behaviours, string? other)
    {
        var parts = _behaviours.Where(b => behaviours.HasFlag(b.Behaviour)).Select(b =>
            b.Behaviour == StalkingBehaviours.SomethingElse && !string.IsNullOrWhiteSpace(other) ? $"Something else: {other}" : b.Text);
        return string.Join("; ", parts);
    }

    public static string HowOften(HowOften howOften) => howOften switch
    {
        Reports.HowOften.EveryDay => "Every day",
        Reports.HowOften.SeveralTimesAWeek => "A few times a week",
        Reports.HowOften.AboutOnceAWeek => "About once a week",
        Reports.HowOften.LessThanOnceAWeek => "Less than once a week",
        _ => "Not sure",
    };

    public static string Suspect(PublicReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!report.SuspectKnown)
        {
            return "Not known";
        }

        return string.Join(". ", new[] { report.SuspectName, report.SuspectDetails }.Where(s => !string.IsNullOrWhiteSpace(s)));
    }

    public static string ContactMethods(SafeContactMethods methods)
    {
        if (methods == SafeContactMethods.None)
        {
            return "Does not want to be contacted";
        }

        var parts = new List<string>();
        if (methods.HasFlag(SafeContactMethods.Phone))
        {
            parts.Add("Phone call");
        }

        if (methods.HasFlag(SafeContactMethods.Text))
        {
            parts.Add("Text message");
        }

        if (methods.HasFlag(SafeContactMethods.Email))
        {
            parts.Add("Email");
        }

        return string.Join(", ", parts);
    }

    public static string CloseReason(TriageCloseReason reason) => reason switch
    {
        TriageCloseReason.NoFurtherAction => "No further action",
        TriageCloseReason.Duplicate => "Duplicate of another report",
        _ => "Not stalking",
    };

    public static string Outcome(TriageOutcome outcome) => outcome switch
    {
        TriageOutcome.CaseOpened => "New case opened",
        TriageOutcome.AddedToCase => "Added to an existing case",
        _ => "Closed without a case",
    };

    /// <summary>The report's answers as the first note of the case it becomes part of (no contact details).</summary>
    public static string AsCaseNote(PublicReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sent = Time.LondonTime.LocalDateTimeOf(report.SubmittedAt).ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.GetCultureInfo("en-GB"));
        var lines = new[]
        {
            $"Online report {report.Reference}, sent {sent}.",
            $"Reporting for: {ReportingFor(report.ReportingFor)}.",
            $"In immediate danger when reporting: {(report.InImmediateDanger ? "yes" : "no")}.",
            $"What has been happening: {Behaviours(report.Behaviours, report.OtherBehaviour)}.",
            $"When it started: {report.StartedWhen}",
            $"How often: {HowOften(report.HowOften)}.",
            $"Who is doing it: {Suspect(report)}",
            $"The effect on them: {report.Effect}",
        };
        return string.Join(Environment.NewLine, lines);
    }
}
