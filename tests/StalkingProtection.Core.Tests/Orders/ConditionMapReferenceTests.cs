using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Orders;

public class ConditionMapReferenceTests
{
    private static readonly DateOnly _made = new(2026, 3, 10);

    private const string Polygon = """{"type":"Polygon","coordinates":[[[-1.55,53.80],[-1.54,53.80],[-1.54,53.81],[-1.55,53.80]]]}""";

    [Fact]
    public void R10_LocalityConditionWithMapReferenceAndPolygon_IsKeptOnTheOrder()
    {
        // Arrange
        var parts = TestData.NewOrderParts();
        var draft = TestData.NoContact([parts.Victim.Id]) with
        {
            Scope = ConditionScope.Locality, LocalityText = "Park Road, Leeds", MapReference = " exhibit AB/1 ", LocalityPolygon = Polygon,
        };

        // Act
        var order = StalkingProtectionOrder.Make(parts.Victim.CaseId, parts.Respondent.Id, parts.Application,
            TestData.Terms(OrderKind.Full, _made, null, [draft], DurationType.UntilFurtherOrder), TestData.NoOtherOrders, parts.ProtectedPersonIds, null,
            TestData.NoonOn(_made), out _);

        // Assert
        var condition = Assert.Single(order.CurrentConditionSet.Conditions);
        Assert.Equal("exhibit AB/1", condition.MapReference);
        Assert.Equal(Polygon, condition.LocalityPolygon);
    }

    [Fact]
    public void R10_OrderConditionWithInvalidPolygon_IsRejectedUnderItsField()
    {
        // Arrange
        var parts = TestData.NewOrderParts();
        var draft = TestData.NoContact([parts.Victim.Id]) with
        {
            Scope = ConditionScope.Locality, LocalityText = "Park Road, Leeds", LocalityPolygon = """{"type":"Polygon","coordinates":[[[-1.55,53.80],[200,53.80],[-1.54,53.81],[-1.55,53.80]]]}""",
        };

        // Act
        var ex = Record.Exception(() => StalkingProtectionOrder.Make(parts.Victim.CaseId, parts.Respondent.Id, parts.Application,
            TestData.Terms(OrderKind.Full, _made, null, [draft], DurationType.UntilFurtherOrder), TestData.NoOtherOrders, parts.ProtectedPersonIds, null,
            TestData.NoonOn(_made), out _));

        // Assert
        var violation = Assert.Single(Assert.IsType<RuleViolationException>(ex).Violations);
        Assert.Equal(("R10", "conditions[0].localityPolygon"), (violation.RuleId, violation.Field));
    }
}
