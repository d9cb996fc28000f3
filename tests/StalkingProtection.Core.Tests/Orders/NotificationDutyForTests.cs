using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Orders;

/// <summary>SPA 2019 s.9: <see cref="StalkingProtectionOrder.NotificationDutyFor"/> is the one owner of whether a duty to notify arises.</summary>
public class NotificationDutyForTests
{
    private static readonly DateOnly _made = new(2026, 3, 2);

    private static (StalkingProtectionOrder Order, TestData.OrderParts Parts) ServedOrder(OrderKind kind = OrderKind.Full, DateOnly? served = null)
    {
        var (order, parts) = TestData.NewOrder(kind, _made);
        var on = served ?? _made;
        order.RecordService(TestData.NoonOn(on), ServiceMethod.Personal, "PC Server", parts.Respondent, TestData.NoonOn(on));
        return (order, parts);
    }

    [Fact]
    public void SPA2019_s9_1_R25_ServiceOfAnInterimOrder_CreatesTheDutyDueByTheNamedStatutoryDate()
    {
        // Arrange
        var (order, parts) = TestData.NewOrder(OrderKind.Interim, _made);
        var served = _made.AddDays(1);

        // Act
        var duty = order.RecordService(TestData.NoonOn(served), ServiceMethod.Personal, "PC Server", parts.Respondent, TestData.NoonOn(served));

        // Assert
        Assert.NotNull(duty.Obligation);
        Assert.Null(duty.NoneBecause);
        Assert.Equal(NotificationTrigger.InitialService, duty.Obligation.Trigger);
        Assert.Equal(order.Id, duty.Obligation.OrderId);
        Assert.Equal(StatutoryDates.InitialNotificationDue(served), duty.Obligation.DueBy);
        Assert.Equal(("R25", "SPA 2019 s.9(1)"), (duty.RuleId, duty.LegalSource));
        Assert.Equal(
            "The respondent must notify the police by the end of 5 March 2026 (SPA 2019 s.9(1), R25): their name, any other names they use and their home address. The 3 days begin with the day of service, 3 March 2026.",
            duty.Explain());
    }

    [Fact]
    public void SPA2019_s9_1_R19_ServiceOfAFullOrderReplacingAnInterimOrder_NoDutyAndTheReasonCitesR19()
    {
        // Arrange
        var (interim, _) = TestData.NewOrder(OrderKind.Interim, _made);
        var (full, parts) = TestData.NewOrder(OrderKind.Full, _made.AddDays(10), duration: DurationType.UntilFurtherOrder,
            context: new OrderContext(interim, [], false, null));

        // Act
        var duty = full.RecordService(TestData.NoonOn(_made.AddDays(10)), ServiceMethod.PresentInCourt, "PC Server", parts.Respondent, TestData.NoonOn(_made.AddDays(10)));

        // Assert
        Assert.Null(duty.Obligation);
        Assert.Equal(NoNotificationDutyReason.ReplacesInterimOrder, duty.NoneBecause);
        Assert.Equal("R19", duty.RuleId);
        Assert.Equal(
            "No new initial notification duty: this full order replaces an interim order, whose service already started the duty (SPA 2019 s.9(1), R19).",
            duty.Explain());
    }

    [Fact]
    public void SPA2019_s9_5_R25_ServiceWhileSubjectToSoaPart2_NoDutyAndTheReasonCitesS9_5()
    {
        // Arrange
        var (order, parts) = TestData.NewOrder(OrderKind.Full, _made);
        parts.Respondent.StartSoaPart2(new DateOnly(2020, 1, 1), TestData.NoonOn(new DateOnly(2020, 1, 1)));

        // Act
        var duty = order.RecordService(TestData.NoonOn(_made), ServiceMethod.Personal, "PC Server", parts.Respondent, TestData.NoonOn(_made));

        // Assert
        Assert.Null(duty.Obligation);
        Assert.Equal(NoNotificationDutyReason.SubjectToSoaPart2, duty.NoneBecause);
        Assert.Equal(("R25", "SPA 2019 s.9(5)"), (duty.RuleId, duty.LegalSource));
        Assert.Contains("Sexual Offences Act 2003 Part 2 (SPA 2019 s.9(5), R25)", duty.Explain(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NotificationTrigger.NewName, "R27", "SPA 2019 s.9(3)")]
    [InlineData(NotificationTrigger.NewAddress, "R28", "SPA 2019 s.9(4)")]
    public void SPA2019_s9_3_4_R27_R28_NewNameOrAddress_DueByTheNamedStatutoryDate(NotificationTrigger trigger, string rule, string source)
    {
        // Arrange
        var (order, parts) = ServedOrder();
        var on = _made.AddDays(40);
        var subjectId = Guid.NewGuid();

        // Act
        var duty = StalkingProtectionOrder.NotificationDutyFor(trigger, on, subjectId, parts.Respondent, [order], TestData.NoonOn(on));

        // Assert
        Assert.NotNull(duty.Obligation);
        Assert.Equal(trigger, duty.Obligation.Trigger);
        Assert.Equal(subjectId, duty.Obligation.SubjectId);
        Assert.Equal(order.Id, duty.Obligation.OrderId);
        var expected = trigger == NotificationTrigger.NewName ? StatutoryDates.NewNameNotificationDue(on) : StatutoryDates.NewAddressNotificationDue(on);
        Assert.Equal(expected, duty.Obligation.DueBy);
        Assert.Equal((rule, source), (duty.RuleId, duty.LegalSource));
        Assert.Contains($"by the end of 13 April 2026 ({source}, {rule})", duty.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPA2019_s9_3_R27_NewNameBeforeTheOrderIsServed_NoServedOrderInForce()
    {
        // Arrange
        var (order, parts) = TestData.NewOrder(OrderKind.Full, _made);

        // Act
        var duty = StalkingProtectionOrder.NotificationDutyFor(NotificationTrigger.NewName, _made.AddDays(1), Guid.NewGuid(), parts.Respondent, [order],
            TestData.NoonOn(_made.AddDays(1)));

        // Assert
        Assert.Null(duty.Obligation);
        Assert.Equal(NoNotificationDutyReason.NoServedOrderInForce, duty.NoneBecause);
        Assert.Equal(
            "No notification duty: no stalking protection order against the respondent that has been served was in force on 3 March 2026 (SPA 2019 s.9(3), R27).",
            duty.Explain());
    }

    [Fact]
    public void SPA2019_s9_4_R28_MoveAfterTheOrderExpired_NoServedOrderInForce()
    {
        // Arrange
        var (order, parts) = ServedOrder();
        var after = order.LastInForceDay!.Value.AddDays(1);

        // Act
        var duty = StalkingProtectionOrder.NotificationDutyFor(NotificationTrigger.NewAddress, after, Guid.NewGuid(), parts.Respondent, [order], TestData.NoonOn(after));

        // Assert
        Assert.Null(duty.Obligation);
        Assert.Equal(NoNotificationDutyReason.NoServedOrderInForce, duty.NoneBecause);
        Assert.Equal("R28", duty.RuleId);
    }

    [Fact]
    public void SPA2019_s9_5_R25_NewNameWhileSubjectToSoaPart2_NoDuty()
    {
        // Arrange
        var (order, parts) = ServedOrder();
        parts.Respondent.StartSoaPart2(_made.AddDays(5), TestData.NoonOn(_made.AddDays(5)));

        // Act
        var duty = StalkingProtectionOrder.NotificationDutyFor(NotificationTrigger.NewName, _made.AddDays(6), Guid.NewGuid(), parts.Respondent, [order],
            TestData.NoonOn(_made.AddDays(6)));

        // Assert
        Assert.Null(duty.Obligation);
        Assert.Equal(NoNotificationDutyReason.SubjectToSoaPart2, duty.NoneBecause);
    }

    [Fact]
    public void SPA2019_s9_3_R19_R27_NewNameUnderAFullOrderReplacingAnInterimOrder_StillCreatesTheDuty()
    {
        // Arrange
        var (interim, _) = TestData.NewOrder(OrderKind.Interim, _made);
        var (full, parts) = TestData.NewOrder(OrderKind.Full, _made.AddDays(10), duration: DurationType.UntilFurtherOrder,
            context: new OrderContext(interim, [], false, null));
        full.RecordService(TestData.NoonOn(_made.AddDays(10)), ServiceMethod.PresentInCourt, "PC Server", parts.Respondent, TestData.NoonOn(_made.AddDays(10)));

        // Act
        var duty = StalkingProtectionOrder.NotificationDutyFor(NotificationTrigger.NewName, _made.AddDays(20), Guid.NewGuid(), parts.Respondent, [full],
            TestData.NoonOn(_made.AddDays(20)));

        // Assert
        Assert.NotNull(duty.Obligation);
        Assert.Equal(StatutoryDates.NewNameNotificationDue(_made.AddDays(20)), duty.Obligation.DueBy);
    }

    [Fact]
    public void SPA2019_s9_6_7_R26_FinalDayOfSoaPart2_StartsTheInitialDutyFromThatDay()
    {
        // Arrange
        var (order, parts) = TestData.NewOrder(OrderKind.Full, _made);
        parts.Respondent.StartSoaPart2(new DateOnly(2020, 1, 1), TestData.NoonOn(new DateOnly(2020, 1, 1)));
        var atService = order.RecordService(TestData.NoonOn(_made), ServiceMethod.Personal, "PC Server", parts.Respondent, TestData.NoonOn(_made));
        var finalDay = _made.AddDays(30);
        parts.Respondent.EndSoaPart2(finalDay);

        // Act: on the final day itself the respondent is still subject to Part 2, yet s.9 starts to apply from it.
        var duty = StalkingProtectionOrder.NotificationDutyFor(NotificationTrigger.FinalDaySoa, finalDay, null, parts.Respondent, [order], TestData.NoonOn(finalDay));

        // Assert
        Assert.Null(atService.Obligation);
        Assert.True(parts.Respondent.IsSubjectToSoaPart2On(finalDay));
        Assert.NotNull(duty.Obligation);
        Assert.Equal(NotificationTrigger.FinalDaySoa, duty.Obligation.Trigger);
        Assert.Equal(StatutoryDates.FinalDayNotificationDue(finalDay), duty.Obligation.DueBy);
        Assert.Equal(("R26", "SPA 2019 s.9(6)–(7)"), (duty.RuleId, duty.LegalSource));
        Assert.StartsWith("Section 9 now applies: the respondent must notify the police by the end of 3 April 2026 (SPA 2019 s.9(6)–(7), R26).", duty.Explain(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void SPA2019_s9_R27_TwoServedOrdersInForce_TheDutyHangsOnTheEarlierOrder()
    {
        // Arrange
        var (first, parts) = ServedOrder();
        var madeLater = _made.AddDays(5);
        var second = StalkingProtectionOrder.Make(parts.Victim.CaseId, parts.Respondent.Id, parts.Application,
            TestData.Terms(OrderKind.Full, madeLater, StatutoryDates.MinimumLastDay(madeLater), [TestData.NoContact([parts.Victim.Id])]), TestData.NoOtherOrders,
            parts.ProtectedPersonIds, null, TestData.NoonOn(madeLater), out _);
        second.RecordService(TestData.NoonOn(_made.AddDays(5)), ServiceMethod.Personal, "PC Server", parts.Respondent, TestData.NoonOn(_made.AddDays(5)));

        // Act
        var duty = StalkingProtectionOrder.NotificationDutyFor(NotificationTrigger.NewName, _made.AddDays(9), Guid.NewGuid(), parts.Respondent, [second, first],
            TestData.NoonOn(_made.AddDays(9)));

        // Assert
        Assert.Equal(first.Id, duty.Obligation?.OrderId);
    }
}
