namespace StalkingProtection.Core.Statistics;

/// <summary>
/// How a return for a period is put together: the stored months inside the period, the stored months before it (which count only
/// towards the orders in force on its last day), and the runs of days counted from the records, each marked whether it lies in
/// the period. Together they cover every day up to the period's last exactly once.
/// </summary>
internal sealed record StatisticsPlan(IReadOnlyList<DateOnly> StoredInPeriod, IReadOnlyList<DateOnly> StoredBefore, IReadOnlyList<StatisticsPlan.Range> Counted)
{
    /// <summary>More runs than this (months changed here and there since they were stored) are counted as two runs instead.</summary>
    public const int MaxCountedRanges = 8;

    public sealed record Range(DateOnly From, DateOnly To, bool InPeriod);

    /// <summary>The plan for the period <paramref name="from"/> to <paramref name="to"/>, given the first days of the months stored and unchanged since.</summary>
    public static StatisticsPlan For(DateOnly from, DateOnly to, IEnumerable<DateOnly> storedMonths)
    {
        var inPeriod = new List<DateOnly>();
        var before = new List<DateOnly>();
        var counted = new List<Range>();
        var next = DateOnly.MinValue;

        void Count(DateOnly first, DateOnly last)
        {
            if (first < from)
            {
                Add(first, last < from ? last : from.AddDays(-1), false);
            }

            if (last >= from)
            {
                Add(first < from ? from : first, last, true);
            }
        }

        void Add(DateOnly first, DateOnly last, bool isInPeriod)
        {
            if (first > last)
            {
                return;
            }

            if (counted.Count > 0 && counted[^1] is { } previous && previous.InPeriod == isInPeriod && previous.To.AddDays(1) == first)
            {
                counted[^1] = previous with { To = last };
            }
            else
            {
                counted.Add(new Range(first, last, isInPeriod));
            }
        }

        foreach (var month in storedMonths.Order())
        {
            var last = month.AddMonths(1).AddDays(-1);

            // A month the period starts inside, or that it ends inside, is counted from the records.
            if (last > to || (month < from && last >= from))
            {
                continue;
            }

            if (month > next)
            {
                Count(next, month.AddDays(-1));
            }

            (month >= from ? inPeriod : before).Add(month);
            next = last.AddDays(1);
        }

        if (next <= to)
        {
            Count(next, to);
        }

        if (counted.Count > MaxCountedRanges)
        {
            return new StatisticsPlan([], [],
                from == DateOnly.MinValue ? [new Range(from, to, true)] : [new Range(DateOnly.MinValue, from.AddDays(-1), false), new Range(from, to, true)]);
        }

        return new StatisticsPlan(inPeriod, before, counted);
    }
}
