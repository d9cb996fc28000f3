using System.Diagnostics;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Benchmarks;

/// <summary>One operation as a request would run it: a fresh DbContext from the pool of connections, then disposed.</summary>
internal sealed record Operation(string Name, string Target, int Iterations, int Warmup, Func<StalkingProtectionDbContext, int, Task> Run);

internal sealed record Timing(Operation Operation, IReadOnlyList<double> Milliseconds)
{
    public double Median => Percentile(0.50);

    public double P99 => Percentile(0.99);

    public double Percentile(double p)
    {
        var sorted = Milliseconds.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}

internal sealed record Throughput(string Name, int Workers, int Requests, TimeSpan Elapsed, double P99)
{
    public double PerSecond => Requests / Elapsed.TotalSeconds;
}

internal static class Measure
{
    /// <summary>
    /// Runs every operation's warm-up, then interleaves the measured iterations in rounds so that every operation sees the same
    /// background load: noise on a shared machine moves all of them together and the ratios stay meaningful.
    /// </summary>
    public static async Task<IReadOnlyList<Timing>> SideBySideAsync(IReadOnlyList<Operation> operations, Func<StalkingProtectionDbContext> createContext,
        int rounds, Action<string> progress)
    {
        foreach (var operation in operations)
        {
            for (var i = 0; i < operation.Warmup; i++)
            {
                await TimeOnceAsync(operation, createContext, i);
            }
        }

        var samples = operations.ToDictionary(o => o, _ => new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var operation in operations)
            {
                var share = (operation.Iterations * (round + 1) / rounds) - (operation.Iterations * round / rounds);
                for (var i = 0; i < share; i++)
                {
                    samples[operation].Add(await TimeOnceAsync(operation, createContext, samples[operation].Count));
                }
            }

            progress($"  round {round + 1}/{rounds}");
        }

        return operations.Select(o => new Timing(o, samples[o])).ToList();
    }

    /// <summary>Closed-loop load: <paramref name="workers"/> callers each start a new request as soon as the last one ends.</summary>
    public static async Task<Throughput> ThroughputAsync(Operation operation, Func<StalkingProtectionDbContext> createContext, int workers, TimeSpan duration)
    {
        var latencies = new List<double>[workers];
        var stopwatch = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = [];
            var i = w * 1_000_003;
            while (stopwatch.Elapsed < duration)
            {
                mine.Add(await TimeOnceAsync(operation, createContext, i++));
            }
        })).ToList();
        await Task.WhenAll(tasks);
        var elapsed = stopwatch.Elapsed;
        var all = latencies.SelectMany(l => l).ToList();
        return new Throughput(operation.Name, workers, all.Count, elapsed, new Timing(operation, all).P99);
    }

    private static async Task<double> TimeOnceAsync(Operation operation, Func<StalkingProtectionDbContext> createContext, int iteration)
    {
        var started = Stopwatch.GetTimestamp();
        await using (var context = createContext())
        {
            await operation.Run(context, iteration);
        }

        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
