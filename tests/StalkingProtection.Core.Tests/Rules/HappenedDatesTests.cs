using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Rules;

/// <summary>Dates of things that happened cannot be in the future: one rule and one message, in Core, so the API and the pages both get it.</summary>
public class HappenedDatesTests
{
    private static readonly DateOnly _made = new(2026, 3, 2);

    [Fact]
    public void R12_OrderMadeTomorrow_IsRefusedWithTheOneRuleForDatesOfThingsThatHappened()
    {
        // Arrange
        var parts = TestData.NewOrderParts();
        var terms = TestData.Terms(OrderKind.Full, _made, null, [TestData.NoContact([parts.Victim.Id])], DurationType.UntilFurtherOrder);

        // Act
        var ex = Record.Exception(() => StalkingProtectionOrder.Make(parts.Victim.CaseId, parts.Respondent.Id, parts.Application, terms, TestData.NoOtherOrders,
            parts.ProtectedPersonIds, null, TestData.NoonOn(_made.AddDays(-1)), out _));

        // Assert
        var violation = Assert.Single(Assert.IsType<RuleViolationException>(ex).Violations);
        Assert.Equal(("Input", "madeOn", RuleCheck.NotYetHappenedMessage), (violation.RuleId, violation.Field, violation.Message));
    }

    [Fact]
    public void R12_OrderWithALastDayInTheFuture_IsAccepted_ScheduledThingsMayBeInTheFuture()
    {
        // Act
        var (order, _) = TestData.NewOrder(OrderKind.Full, _made);

        // Assert
        Assert.True(order.LastInForceDay > _made.AddYears(1));
    }

    [Fact]
    public async Task SPA2019_s4_R22_DischargeDecidedTomorrow_IsRefusedWithTheSameRuleAndMessage()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2024, 2, 2)).UntilFurtherOrder());
        var options = new DischargeOrderOptions(created.OrderId, ApplicantParty.Defendant, null, new DateOnly(2026, 6, 2), new DateOnly(2026, 6, 2),
            [new DischargeConsent(ConsentParty.Defendant, new DateOnly(2026, 5, 1), ConsentMethod.InWriting),
                new DischargeConsent(ConsentParty.RelevantChiefOfficer, new DateOnly(2026, 5, 1), ConsentMethod.InWriting)]);

        // Act
        var ex = await Record.ExceptionAsync(() => testData.WithServicesAsync(new DateOnly(2026, 6, 1), s => s.Orders.DischargeAsync(options, TestData.Officer)));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations,
            v => v.RuleId == "Input" && v.Field == "decidedOn" && v.Message == RuleCheck.NotYetHappenedMessage);
    }
}
