using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.VictimUpdates;
using StalkingProtection.Web.Infrastructure.Journeys;

namespace StalkingProtection.Web.Pages.Workspace.Cases.VictimUpdates;

/// <summary>R41: the words for what a victim can ask to be told, by which channel and on which days.</summary>
public static class VictimUpdateChoices
{
    public static IReadOnlyList<SelectListItem> Events { get; } =
    [
        new("An application is made to the court", nameof(VictimUpdateEvent.ApplicationMade)),
        new("A hearing date is set", nameof(VictimUpdateEvent.HearingListed)),
        new("The court makes the order", nameof(VictimUpdateEvent.OrderGranted)),
        new("The court refuses the order", nameof(VictimUpdateEvent.OrderRefused)),
        new("The order is served", nameof(VictimUpdateEvent.OrderServed)),
        new("A breach is reported", nameof(VictimUpdateEvent.BreachReported)),
        new("The outcome of a breach", nameof(VictimUpdateEvent.BreachOutcome)),
        new("The order is varied", nameof(VictimUpdateEvent.OrderVaried)),
        new("The order is renewed", nameof(VictimUpdateEvent.OrderRenewed)),
        new("The order is discharged", nameof(VictimUpdateEvent.OrderDischarged)),
        new("The order ends within 28 days", nameof(VictimUpdateEvent.OrderEnding)),
    ];

    public static IReadOnlyList<SelectListItem> Days { get; } =
        [.. new[] { SafeDays.Monday, SafeDays.Tuesday, SafeDays.Wednesday, SafeDays.Thursday, SafeDays.Friday, SafeDays.Saturday, SafeDays.Sunday }
            .Select(d => new SelectListItem(d.ToString(), d.ToString()))];

    public static IReadOnlyList<SelectListItem> Contact { get; } =
    [
        new("Yes, send the updates they choose", "Yes"),
        new("No, do not contact them", "No"),
    ];

    public static IReadOnlyList<SelectListItem> Channels { get; } =
    [
        new("Text message", nameof(VictimUpdateChannel.Sms)),
        new("Email", nameof(VictimUpdateChannel.Email)),
    ];

    public static string EventText(VictimUpdateEvent update) => Events.First(i => i.Value == update.ToString()).Text;

    public static string ChannelText(VictimUpdateChannel channel) => Channels.First(i => i.Value == channel.ToString()).Text;

    /// <summary>The chosen events, each on its own, in the order they are offered.</summary>
    public static IEnumerable<VictimUpdateEvent> EventsIn(VictimUpdateEvent events) =>
        Events.Select(i => Enum.Parse<VictimUpdateEvent>(i.Value)).Where(e => events.HasFlag(e));

    /// <summary>The chosen days, each on its own, Monday first.</summary>
    public static IEnumerable<SafeDays> DaysIn(SafeDays days) =>
        Days.Select(i => Enum.Parse<SafeDays>(i.Value)).Where(d => days.HasFlag(d));

    /// <summary>"Monday, Friday from 9:00am to 5:30pm".</summary>
    public static string SafeTimesText(SafeDays days, TimeOnly from, TimeOnly to) =>
        $"{string.Join(", ", DaysIn(days))} from {Display.Time(from)} to {Display.Time(to)}";

    /// <summary>The values posted for a set of checkboxes, combined; a value that is not offered counts as none.</summary>
    public static VictimUpdateEvent CombineEvents(IEnumerable<string> values) =>
        values.Select(e => Enum.TryParse<VictimUpdateEvent>(e, out var v) && Events.Any(i => i.Value == e) ? v : VictimUpdateEvent.None)
            .Aggregate(VictimUpdateEvent.None, (all, e) => all | e);

    public static SafeDays CombineDays(IEnumerable<string> values) =>
        values.Select(d => Enum.TryParse<SafeDays>(d, out var v) && Days.Any(i => i.Value == d) ? v : SafeDays.None)
            .Aggregate(SafeDays.None, (all, d) => all | d);
}
