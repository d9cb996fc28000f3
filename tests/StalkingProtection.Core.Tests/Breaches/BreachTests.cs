using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Breaches;

public class BreachTests
{
    private static readonly DateOnly _made = new(2026, 2, 2);

    private static (StalkingProtectionOrder Order, Guid ConditionId) ServedOrder(OrderKind kind = OrderKind.Full)
    {
        var (order, parts) = TestData.NewOrder(kind, _made, duration: kind == OrderKind.Full ? DurationType.UntilFurtherOrder : DurationType.FixedPeriod);
        order.RecordService(LondonTime.ToUtc(_made, new TimeOnly(15, 0)), ServiceMethod.Personal, "PC Server", parts.Respondent, TestData.NoonOn(_made.AddDays(1)));
        return (order, order.CurrentConditionSet.Conditions[0].Id);
    }

    private static RuleViolationException Fails(StalkingProtectionOrder order, Guid conditionId, DateTimeOffset incidentAt, Override? @override = null) =>
        Assert.IsType<RuleViolationException>(Record.Exception(() =>
            Breach.Record(order, conditionId, incidentAt, null, "Sent 14 messages", incidentAt, @override, TestData.NoonOn(new DateOnly(2027, 1, 1)), out _)));

    [Fact]
    public void R35_ConditionOfAnotherOrder_IsRejected()
    {
        // Arrange
        var (order, _) = ServedOrder();

        // Act
        var ex = Fails(order, Guid.NewGuid(), TestData.NoonOn(_made.AddDays(5)));

        // Assert
        Assert.Contains(ex.Violations, v => v.RuleId == "R35" && v.Field == "conditionId");
    }

    [Fact]
    public void R35_IncidentAfterTheConditionWasVariedAway_IsRejected()
    {
        // Arrange
        var (order, conditionId) = ServedOrder();
        var victims = order.CurrentConditionSet.Conditions[0].ProtectedPersons.Select(p => p.VictimId).ToHashSet();
        order.Vary([TestData.NoContact([.. victims]) with { Wording = "New wording" }], _made.AddDays(30), false, null, victims, null, TestData.NoonOn(_made.AddDays(30)), out _);

        // Act
        var ex = Fails(order, conditionId, TestData.NoonOn(_made.AddDays(31)));

        // Assert
        Assert.Contains(ex.Violations, v => v.RuleId == "R35" && v.Field == "incidentAt");
    }

    [Fact]
    public void R35_IncidentBeforeService_WarnsAndNeedsLegalReview()
    {
        // Arrange
        var (order, conditionId) = ServedOrder();
        var beforeService = LondonTime.ToUtc(_made, new TimeOnly(13, 0));

        // Act
        var blocked = Fails(order, conditionId, beforeService);
        var breach = Breach.Record(order, conditionId, beforeService, null, "Turned up at her work", beforeService, TestData.OfficerOverride("He was in court when it was made"),
            TestData.NoonOn(_made.AddDays(2)), out var overridden);

        // Assert
        Assert.Contains(blocked.Warnings, w => w.RuleId == "R35");
        Assert.True(breach.NeedsLegalReview);
        Assert.Equal("He was in court when it was made", breach.LegalReviewReason);
        Assert.Equal("R35", Assert.Single(overridden).RuleId);
        Assert.Equal(order.ServedAt, breach.OrderServedAt);
    }

    [Fact]
    public void R35_IncidentAfterServiceInsideWindow_IsRecorded()
    {
        // Arrange
        var (order, conditionId) = ServedOrder();

        // Act
        var breach = Breach.Record(order, conditionId, TestData.NoonOn(_made.AddDays(3)), "Outside her house", "Knocked on her door", TestData.NoonOn(_made.AddDays(3)),
            null, TestData.NoonOn(_made.AddDays(4)), out _);

        // Assert
        Assert.False(breach.NeedsLegalReview);
        Assert.Equal(_made.AddDays(3), breach.IncidentOn);
        Assert.Equal(BreachOutcome.UnderInvestigation, breach.Outcome);
    }

    [Fact]
    public void R36_AfterDischarge_OnlyIncidentsBeforeTheDischargeDateCanBeRecorded()
    {
        // Arrange
        var (order, conditionId) = ServedOrder();
        var discharged = _made.AddDays(100);
        order.Discharge(discharged, [new(ConsentParty.Defendant, discharged, ConsentMethod.InCourt), new(ConsentParty.RelevantChiefOfficer, discharged, ConsentMethod.InCourt)],
            TestData.NoonOn(discharged));

        // Act
        var after = Fails(order, conditionId, TestData.NoonOn(discharged.AddDays(1)));
        var before = Breach.Record(order, conditionId, TestData.NoonOn(discharged.AddDays(-1)), null, "Called her", TestData.NoonOn(discharged.AddDays(2)), null,
            TestData.NoonOn(discharged.AddDays(2)), out _);

        // Assert
        Assert.Contains(after.Violations, v => v.RuleId == "R36" && v.Field == "incidentAt");
        Assert.Equal(order.Id, before.OrderId);
    }

    [Fact]
    public void R36_InterimOrderAfterExpiry_OnlyEarlierIncidents()
    {
        // Arrange
        var (order, conditionId) = ServedOrder(OrderKind.Interim);

        // Act
        var afterExpiry = Fails(order, conditionId, TestData.NoonOn(order.LastInForceDay!.Value.AddDays(1)));
        var lastDay = Breach.Record(order, conditionId, TestData.NoonOn(order.LastInForceDay!.Value), null, "Followed her", TestData.NoonOn(order.LastInForceDay!.Value),
            null, TestData.NoonOn(new DateOnly(2027, 1, 1)), out _);

        // Assert
        Assert.Contains(afterExpiry.Violations, v => v.RuleId == "R36");
        Assert.Equal(order.LastInForceDay, lastDay.IncidentOn);
    }

    [Theory]
    [InlineData("2022-05-01", null, 6)]
    [InlineData("2022-05-01", "2025-01-10", 6)]
    [InlineData("2023-06-01", "2024-11-18", 12)]
    [InlineData("2023-06-01", "2024-11-17", 9)]
    [InlineData("2023-06-01", null, 9)]
    public void R37_SummaryMaximum_FollowsOffenceAndConvictionDates(string offence, string? conviction, int expectedMonths)
    {
        // Act
        var months = BreachPenalty.SummaryMaximumMonths(DateOnly.Parse(offence, System.Globalization.CultureInfo.InvariantCulture),
            conviction is null ? null : DateOnly.Parse(conviction, System.Globalization.CultureInfo.InvariantCulture), interimLimitMonths: 9);

        // Assert
        Assert.Equal(expectedMonths, months);
        Assert.Equal(60, BreachPenalty.IndictmentMaximumMonths);
    }

    [Fact]
    public void R37_ConvictedOutcomeWithoutDate_IsRejected()
    {
        // Arrange
        var (order, conditionId) = ServedOrder();
        var breach = Breach.Record(order, conditionId, TestData.NoonOn(_made.AddDays(3)), null, "Knocked on her door", TestData.NoonOn(_made.AddDays(3)), null,
            TestData.NoonOn(_made.AddDays(4)), out _);

        // Act
        var ex = Record.Exception(() => breach.RecordOutcome(BreachOutcome.Convicted, null, "12 weeks"));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R37");
    }
}
