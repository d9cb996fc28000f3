using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Core.Rules;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Reviews;

public class ReviewRuleTests
{
    private static readonly DateTimeOffset _now = TestData.NoonOn(new DateOnly(2026, 3, 1));

    [Fact]
    public void R41_VictimContactWithoutSummary_IsRejected()
    {
        // Act
        var ex = Record.Exception(() => VictimContactEvent.Record(Guid.NewGuid(), null, VictimContactEventType.Service, _now, ContactChannel.Phone, "PC A", "", _now));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R41" && v.Field == "summary");
    }

    [Fact]
    public void R41_VictimContact_KeepsTimestampAndLondonDate()
    {
        // Arrange
        var lateEvening = new DateTimeOffset(2026, 7, 1, 23, 15, 0, TimeSpan.Zero);

        // Act
        var contact = VictimContactEvent.Record(Guid.NewGuid(), Guid.NewGuid(), VictimContactEventType.Breach, lateEvening, ContactChannel.Phone, "PC A",
            "Told her he was arrested for breach", lateEvening.AddHours(1));

        // Assert
        Assert.Equal(lateEvening, contact.OccurredAt);
        Assert.Equal(new DateOnly(2026, 7, 2), contact.OccurredOn);
    }

    [Fact]
    public void R42_ReviewWithNextReviewInThePast_IsRejected()
    {
        // Arrange
        var (order, _) = TestData.NewOrder(OrderKind.Full, new DateOnly(2026, 1, 5), duration: DurationType.UntilFurtherOrder);

        // Act
        var ex = Record.Exception(() => ManagementReview.Record(order, "DS A", "PC B", "Compliant; no contact reported", true, new DateOnly(2026, 2, 1),
            new DateOnly(2026, 3, 1), _now));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R42" && v.Field == "nextReviewDue");
    }
}
