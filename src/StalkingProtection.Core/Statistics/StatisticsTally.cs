using System.Text.Json;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Statistics;

/// <summary>
/// The counts behind a statistics return for a run of days, in a form that adds up: two runs' tallies added give the tally of
/// both (the medians are kept as how many records took each number of days, so they add up too). A whole past month's tally is
/// stored (<see cref="StatisticsMonth"/>); a return adds the stored months of its period to tallies counted from the records for
/// the days no stored month covers.
/// </summary>
public sealed class StatisticsTally
{
    private static readonly JsonSerializerOptions _json = new() { WriteIndented = false };

    /// <summary>Applications lodged, by "type/outcome".</summary>
    public Dictionary<string, int> Applications { get; init; } = [];

    public Dictionary<OrderKind, int> OrdersByKind { get; init; } = [];

    public Dictionary<OrderOrigin, int> OrdersByOrigin { get; init; } = [];

    public Dictionary<DurationBand, int> FullOrdersByDuration { get; init; } = [];

    public Dictionary<BreachOutcome, int> Breaches { get; init; } = [];

    public Dictionary<ObligationState, int> Obligations { get; init; } = [];

    public Dictionary<AppealOutcome, int> Appeals { get; init; } = [];

    public Dictionary<SpoDecisionOutcome, int> Decisions { get; init; } = [];

    public Dictionary<OrderChangeType, int> OrderChanges { get; init; } = [];

    public Dictionary<NotificationOffenceOutcome, int> NotificationOffences { get; init; } = [];

    /// <summary>How many records took each number of days, for the three medians.</summary>
    public Dictionary<int, int> ReportToDecision { get; init; } = [];

    public Dictionary<int, int> DecisionToApplication { get; init; } = [];

    public Dictionary<int, int> ApplicationToOrder { get; init; } = [];

    /// <summary>By month, "yyyy-MM".</summary>
    public Dictionary<string, MonthCounts> Months { get; init; } = [];

    public Dictionary<string, TeamCounts> Teams { get; init; } = [];

    /// <summary>
    /// Orders whose first day in force fell in the days, and orders whose first day no longer in force fell in them, by "kind/team".
    /// An order is in force on a day when it started on or before it and had not ended by it, so the orders in force on any day
    /// are the starts up to that day less the ends up to that day: a sum over the months before it and the days of its own month.
    /// </summary>
    public Dictionary<string, int> Starts { get; init; } = [];

    public Dictionary<string, int> Ends { get; init; } = [];

    public sealed record MonthCounts(int CasesOpened, int ApplicationsMade, int OrdersMade, int Breaches)
    {
        public MonthCounts Plus(MonthCounts other) =>
            new(CasesOpened + other.CasesOpened, ApplicationsMade + other.ApplicationsMade, OrdersMade + other.OrdersMade, Breaches + other.Breaches);
    }

    public sealed record TeamCounts(int CasesOpened, int ApplicationsMade, int OrdersMade)
    {
        public TeamCounts Plus(TeamCounts other) =>
            new(CasesOpened + other.CasesOpened, ApplicationsMade + other.ApplicationsMade, OrdersMade + other.OrdersMade);
    }

    public static string MonthKey(DateOnly day) => $"{day.Year:D4}-{day.Month:D2}";

    public static string Key<T1, T2>(T1 first, T2 second) => $"{first}/{second}";

    /// <summary>Adds (or, with a <paramref name="sign"/> of -1, takes away) the given part of another tally.</summary>
    internal void Add(StatisticsTally other, StatisticsPart part, int sign = 1)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (part != StatisticsPart.AllButStartsAndEnds)
        {
            AddAll(Starts, other.Starts, sign);
            AddAll(Ends, other.Ends, sign);
        }

        if (part == StatisticsPart.StartsAndEnds)
        {
            return;
        }

        AddAll(Applications, other.Applications, sign);
        AddAll(OrdersByKind, other.OrdersByKind, sign);
        AddAll(OrdersByOrigin, other.OrdersByOrigin, sign);
        AddAll(FullOrdersByDuration, other.FullOrdersByDuration, sign);
        AddAll(Breaches, other.Breaches, sign);
        AddAll(Obligations, other.Obligations, sign);
        AddAll(Appeals, other.Appeals, sign);
        AddAll(Decisions, other.Decisions, sign);
        AddAll(OrderChanges, other.OrderChanges, sign);
        AddAll(NotificationOffences, other.NotificationOffences, sign);
        AddAll(ReportToDecision, other.ReportToDecision, sign);
        AddAll(DecisionToApplication, other.DecisionToApplication, sign);
        AddAll(ApplicationToOrder, other.ApplicationToOrder, sign);
        foreach (var (month, counts) in other.Months)
        {
            var signed = new MonthCounts(sign * counts.CasesOpened, sign * counts.ApplicationsMade, sign * counts.OrdersMade, sign * counts.Breaches);
            Months[month] = Months.TryGetValue(month, out var mine) ? mine.Plus(signed) : signed;
        }

        foreach (var (team, counts) in other.Teams)
        {
            var signed = new TeamCounts(sign * counts.CasesOpened, sign * counts.ApplicationsMade, sign * counts.OrdersMade);
            Teams[team] = Teams.TryGetValue(team, out var mine) ? mine.Plus(signed) : signed;
        }
    }

    public static void Count<TKey>(Dictionary<TKey, int> counts, TKey key, int count)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (count != 0)
        {
            counts[key] = counts.GetValueOrDefault(key) + count;
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, _json);

    public static StatisticsTally FromJson(string json) =>
        JsonSerializer.Deserialize<StatisticsTally>(json, _json) ?? throw new InvalidOperationException("A stored statistics month is empty.");

    private static void AddAll<TKey>(Dictionary<TKey, int> counts, Dictionary<TKey, int> more, int sign)
        where TKey : notnull
    {
        foreach (var (key, count) in more)
        {
            Count(counts, key, sign * count);
        }
    }
}
