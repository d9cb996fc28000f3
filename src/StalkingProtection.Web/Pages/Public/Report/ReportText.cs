using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Web.Pages.Public.Report;

/// <summary>The words shown for each answer, shared by the question pages and check your answers.</summary>
public static partial class ReportText
{
    public static IReadOnlyList<(StalkingBehaviours Value, string Text, string? Hint)> Behaviours { get; } =
    [
        (StalkingBehaviours.Following, "Following you", null),
        (StalkingBehaviours.Contacting, "Contacting you, or trying to", "For example calls, messages, letters, gifts, or through other people"),
        (StalkingBehaviours.Publishing, "Posting or publishing things about you, or pretending to be you", null),
        (StalkingBehaviours.Monitoring, "Checking your phone, email or what you do online", null),
        (StalkingBehaviours.Loitering, "Hanging around places you go", "For example your home, work or school"),
        (StalkingBehaviours.InterferingWithProperty, "Damaging, moving or taking your things", null),
        (StalkingBehaviours.WatchingOrSpying, "Watching or spying on you", "Including with cameras, trackers or apps"),
        (StalkingBehaviours.SomethingElse, "Something else", null),
    ];

    public static IReadOnlyList<(HowOften Value, string Text)> Frequencies { get; } =
    [
        (HowOften.EveryDay, "Every day"),
        (HowOften.SeveralTimesAWeek, "A few times a week"),
        (HowOften.AboutOnceAWeek, "About once a week"),
        (HowOften.LessThanOnceAWeek, "Less than once a week"),
        (HowOften.NotSure, "I'm not sure"),
    ];

    public static IReadOnlyList<(SafeContactMethods Value, string Text)> ContactMethods { get; } =
    [
        (SafeContactMethods.Phone, "Phone call"),
        (SafeContactMethods.Text, "Text message"),
        (SafeContactMethods.Email, "Email"),
    ];

    public static IReadOnlyList<SelectListItem> YesNo { get; } = [new("Yes", "yes"), new("No", "no")];

    public static IReadOnlyList<SelectListItem> ReportingForItems { get; } = [new("Myself", nameof(ReportingFor.Myself)), new("Someone else", nameof(ReportingFor.SomeoneElse))];

    public static IReadOnlyList<SelectListItem> FrequencyItems { get; } = [.. Frequencies.Select(f => new SelectListItem(f.Text, f.Value.ToString()))];

    public static string Describe(StalkingBehaviours behaviour) => Behaviours.Single(b => b.Value == behaviour).Text;

    /// <summary>
    /// A question's words about the person being stalked: "you" for the person reporting, "them" for someone else ("they"
    /// where "you" does something: "places they go").
    /// </summary>
    public static string ForPerson(string text, bool someoneElse) =>
        someoneElse ? YourPattern().Replace(YouPattern().Replace(YouDoPattern().Replace(text, "they $1"), "them"), "their") : text;

    public static IReadOnlyList<SelectListItem> PersonKnowsItems { get; } = [new("Yes", "yes"), new("No", "no")];

    public static IReadOnlyList<SelectListItem> PersonContactItems { get; } =
    [
        new("Only through me", nameof(PersonContactRoute.ThroughReporter)),
        new("You can contact them directly", nameof(PersonContactRoute.Directly)),
        new("Do not contact them", nameof(PersonContactRoute.NotAtAll)),
    ];

    public static string Describe(PersonContactRoute route) => PersonContactItems.Single(i => i.Value == route.ToString()).Text;

    [GeneratedRegex(@"\byou\b")]
    private static partial Regex YouPattern();

    [GeneratedRegex(@"\byou (go|are|have|feel|live|work|cannot|can)\b")]
    private static partial Regex YouDoPattern();

    [GeneratedRegex(@"\byour\b")]
    private static partial Regex YourPattern();

    public static string Describe(HowOften howOften) => Frequencies.Single(f => f.Value == howOften).Text;

    public static string Describe(SafeContactMethods methods) =>
        methods == SafeContactMethods.None
            ? "Do not contact me"
            : string.Join(", ", ContactMethods.Where(m => methods.HasFlag(m.Value)).Select(m => m.Text));

    public static string Describe(ReportingFor reportingFor) => reportingFor == ReportingFor.Myself ? "Myself" : "Someone else";
}
