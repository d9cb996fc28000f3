using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Tasks;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Tasks;

public class StaffTaskTests
{
    private static readonly DateTimeOffset _now = TestData.NoonOn(new DateOnly(2026, 3, 1));

    [Fact]
    public void Complete_TaskTwice_IsRejected()
    {
        // Arrange
        var task = StaffTask.Raise(StaffTaskType.ReviewDue, "Review:x", "Review", new DateOnly(2026, 3, 1), null, null, null, "Team", null, _now);
        task.Complete(_now);

        // Act
        var ex = Record.Exception(() => task.Complete(_now));

        // Assert
        Assert.IsType<RuleViolationException>(ex);
        Assert.Equal(StaffTaskStatus.Done, task.Status);
    }
}
