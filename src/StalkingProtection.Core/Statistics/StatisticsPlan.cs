namespace StalkingProtection.Core.Statistics;

/// <summary>Which of a tally's counts a run of days adds to a return.</summary>
internal enum StatisticsPart
{
    Everything,

    /// <summary>Only the orders started and ended: a day before the period counts towards the orders in force at its end, nothing else.</summary>
    StartsAndEnds,

    /// <summary>Everything but the orders started and ended.</summary>
    AllButStartsAndEnds,
}

/// <summary>
/// How a return for a period is put together: stored months added whole, stored months before the period (which count only towards
/// the orders in force on its last day), and runs of days counted from the records, each adding or taking away a part of its
/// tally. A stored month the period starts or ends inside is used less the days outside the period when those are fewer than
/// the days inside it. Together they count every day up to the period's last once, for the orders in force, and every day of
/// the period once, for everything else.
/// </summary>
internal sealed record StatisticsPlan(IReadOnlyList<DateOnly> StoredWhole, IReadOnlyList<DateOnly> StoredBefore, IReadOnlyList<StatisticsPlan.Range> Counted)
{
    /// <summary>More runs than this (months changed here and there since they were stored) are counted as two runs instead.</summary>
    public const int MaxCountedRanges = 8;

    public sealed record Range(DateOnly From, DateOnly To, StatisticsPart Part, int Sign = 1);

    /// <summary>The plan for the period <paramref name="from"/> to <paramref name="to"/>, given the first days of the months stored and unchanged since.</summary>
    public static StatisticsPlan For(DateOnly from, DateOnly to, IEnumerable<DateOnly> storedMonths)
    {
        var whole = new List<DateOnly>();
        var before = new List<DateOnly>();
        var counted = new List<Range>();
        var next = DateOnly.MinValue;

        void Count(DateOnly first, DateOnly last)
        {
            if (first < from)
            {
                Add(new Range(first, last < from ? last : from.AddDays(-1), StatisticsPart.StartsAndEnds));
            }

            if (last >= from)
            {
                Add(new Range(first < from ? from : first, last, StatisticsPart.Everything));
            }
        }

        void Add(Range range)
        {
            if (range.From > range.To)
            {
                return;
            }

            if (counted.Count > 0 && counted[^1] is { } previous && previous.Part == range.Part && previous.Sign == range.Sign
                && previous.To.AddDays(1) == range.From)
            {
                counted[^1] = previous with { To = range.To };
            }
            else
            {
                counted.Add(range);
            }
        }

        foreach (var month in storedMonths.Order())
        {
            if (month > to)
            {
                break;
            }

            var last = month.AddMonths(1).AddDays(-1);
            if (month > next)
            {
                Count(next, month.AddDays(-1));
            }

            if (last < from)
            {
                before.Add(month);
            }
            else if (month >= from && last <= to)
            {
                whole.Add(month);
            }
            else
            {
                var inside = (last < to ? last : to).DayNumber - (month > from ? month : from).DayNumber + 1;
                var outside = (from > month ? from.DayNumber - month.DayNumber : 0) + (to < last ? last.DayNumber - to.DayNumber : 0);
                if (outside < inside)
                {
                    whole.Add(month);
                    Add(new Range(month, from.AddDays(-1), StatisticsPart.AllButStartsAndEnds, -1));
                    Add(new Range(to.AddDays(1), last, StatisticsPart.Everything, -1));
                }
                else
                {
                    Count(month, last < to ? last : to);
                }
            }

            next = last.AddDays(1);
        }

        if (next <= to)
        {
            Count(next, to);
        }

        if (counted.Count > MaxCountedRanges)
        {
            return new StatisticsPlan([], [], from == DateOnly.MinValue
                ? [new Range(from, to, StatisticsPart.Everything)]
                : [new Range(DateOnly.MinValue, from.AddDays(-1), StatisticsPart.StartsAndEnds), new Range(from, to, StatisticsPart.Everything)]);
        }

        return new StatisticsPlan(whole, before, counted);
    }
}
