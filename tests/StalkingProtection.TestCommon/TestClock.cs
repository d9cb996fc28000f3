using Microsoft.Extensions.Time.Testing;
using StalkingProtection.Core.Time;

namespace StalkingProtection.TestCommon;

public static class TestClock
{
    /// <summary>A fake clock at noon London time on <paramref name="today"/>.</summary>
    public static FakeTimeProvider At(DateOnly today, TimeOnly? londonTime = null) =>
        new(LondonTime.ToUtc(today, londonTime ?? new TimeOnly(12, 0)));
}
