using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Applications;

/// <summary>Applications to vary, renew or discharge an order (SPA 2019 s.4, s.5(7)).</summary>
public class ChangeApplicationRuleTests
{
    private static readonly DateOnly _made = new(2024, 1, 10);

    private static Application Create(StalkingProtectionOrder order, ApplicationType type, DateOnly today, ApplicantParty party = ApplicantParty.ChiefOfficer,
        PoliceForce? force = PoliceForce.WestYorkshire, bool? addsOrTightens = null, string? rationale = "Risk continues") =>
        Application.CreateForChange(order, type, party, force, [PoliceForce.WestYorkshire], "Leeds Magistrates' Court", "Extend it", addsOrTightens, rationale,
            today, TestData.NoonOn(today));

    [Fact]
    public void R23_RenewalOfAnOrderThatHasExpired_IsRefused()
    {
        // Arrange
        var (order, _) = TestData.NewOrder(OrderKind.Full, _made);

        // Act
        var ex = Record.Exception(() => Create(order, ApplicationType.Renewal, new DateOnly(2026, 11, 28)));

        // Assert
        var violation = Assert.Single(Assert.IsType<RuleViolationException>(ex).Violations);
        Assert.Equal(("R23", "type"), (violation.RuleId, violation.Field));
        Assert.Contains("while the order is in force", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R23_RenewalWhileTheOrderIsInForce_IsDrafted()
    {
        // Arrange
        var (order, _) = TestData.NewOrder(OrderKind.Full, _made);

        // Act
        var application = Create(order, ApplicationType.Renewal, new DateOnly(2025, 12, 1));

        // Assert
        Assert.Equal((ApplicationType.Renewal, ApplicationStatus.Draft, (Guid?)order.Id, "Extend it"), (application.Type, application.Status, application.OrderId, application.ChangeSought));
    }

    [Fact]
    public void R20_VariationOfADischargedOrder_IsRefused()
    {
        // Arrange
        var (order, _) = TestData.NewOrder(OrderKind.Full, _made, new DateOnly(2028, 1, 9));
        order.Discharge(new DateOnly(2026, 2, 1), [], TestData.NoonOn(new DateOnly(2026, 2, 1)));

        // Act
        var ex = Record.Exception(() => Create(order, ApplicationType.Variation, new DateOnly(2026, 3, 1), addsOrTightens: true));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R20" && v.Message.Contains("discharged", StringComparison.Ordinal));
    }

    [Fact]
    public void R20_InterimOrderByAnotherForce_IsRefusedCitingSection5_7()
    {
        // Arrange
        var (order, _) = TestData.NewOrder(OrderKind.Interim, new DateOnly(2026, 11, 1));

        // Act
        var ex = Record.Exception(() => Create(order, ApplicationType.Variation, new DateOnly(2026, 11, 10), force: PoliceForce.GreaterManchester, addsOrTightens: false));

        // Assert
        var violation = Assert.Single(Assert.IsType<RuleViolationException>(ex).Violations);
        Assert.Equal(("R20", "SPA 2019 s.5(7)"), (violation.RuleId, violation.LegalSource));
    }

    [Fact]
    public void R21_VariationThatRelaxesConditionsWithoutRationale_CanBeLodged()
    {
        // Arrange
        var (order, parts) = TestData.NewOrder(OrderKind.Full, _made);
        var today = new DateOnly(2025, 6, 2);
        var application = Create(order, ApplicationType.Variation, today, addsOrTightens: false, rationale: null);
        application.Authorise(TestData.Coordinator, TestData.NoonOn(today));

        // Act
        application.Submit(parts.Respondent, null, today, TestData.NoonOn(today));

        // Assert
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.False(application.NeedsNecessityRationale);
    }

    [Fact]
    public void R21_VariationThatTightensConditionsWithoutRationale_IsBlockedOnSubmit()
    {
        // Arrange
        var (order, parts) = TestData.NewOrder(OrderKind.Full, _made);
        var today = new DateOnly(2025, 6, 2);
        var application = Create(order, ApplicationType.Variation, today, addsOrTightens: true, rationale: " ");
        application.Authorise(TestData.Coordinator, TestData.NoonOn(today));

        // Act
        var ex = Record.Exception(() => application.Submit(parts.Respondent, null, today, TestData.NoonOn(today)));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R21" && v.Field == "necessityRationale");
    }

    [Fact]
    public void DefendantsOwnDischargeApplication_IsLodgedWithoutForceAuthorisation()
    {
        // Arrange
        var (order, parts) = TestData.NewOrder(OrderKind.Full, _made);
        var today = new DateOnly(2025, 6, 2);
        var application = Create(order, ApplicationType.Discharge, today, ApplicantParty.Defendant, null, rationale: null);

        // Act
        application.Submit(parts.Respondent, null, today, TestData.NoonOn(today));

        // Assert
        Assert.Equal((ApplicationStatus.Submitted, (DateOnly?)today), (application.Status, application.LodgedOn));
    }

    [Fact]
    public void PoliceChangeApplication_WithoutAuthorisation_IsBlockedOnSubmit()
    {
        // Arrange
        var (order, parts) = TestData.NewOrder(OrderKind.Full, _made);
        var today = new DateOnly(2025, 6, 2);
        var application = Create(order, ApplicationType.Discharge, today, rationale: null);

        // Act
        var ex = Record.Exception(() => application.Submit(parts.Respondent, null, today, TestData.NoonOn(today)));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.Field == "authorisedBy");
    }
}
