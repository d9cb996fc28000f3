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

    [Theory]
    [InlineData(ApplicationType.Variation, true)]
    [InlineData(ApplicationType.Variation, null)]
    [InlineData(ApplicationType.Renewal, null)]
    public void R21_RenewalOrTighteningVariationWithoutRationale_IsRefusedWhenDrafted(ApplicationType type, bool? addsOrTightens)
    {
        // Arrange
        var (order, _) = TestData.NewOrder(OrderKind.Full, _made);

        // Act
        var ex = Record.Exception(() => Create(order, type, new DateOnly(2025, 6, 2), addsOrTightens: addsOrTightens, rationale: " "));

        // Assert
        var violation = Assert.Single(Assert.IsType<RuleViolationException>(ex).Violations);
        Assert.Equal(("R21", "necessityRationale", "SPA 2019 s.4"), (violation.RuleId, violation.Field, violation.LegalSource));
    }

    [Fact]
    public void AmendChangeSought_OnADraft_ReplacesWhatItAsksForAndWhy()
    {
        // Arrange
        var (order, _) = TestData.NewOrder(OrderKind.Full, _made);
        var application = Create(order, ApplicationType.Variation, new DateOnly(2025, 6, 2), addsOrTightens: true);

        // Act
        application.AmendChangeSought("  Remove the curfew.  ", false, " ");

        // Assert
        Assert.Equal(("Remove the curfew.", (bool?)false, (string?)null), (application.ChangeSought, application.AddsOrTightens, application.NecessityRationale));
        Assert.False(application.NeedsNecessityRationale);
    }

    [Fact]
    public void R21_AmendChangeSought_TighteningVariationWithoutRationale_IsRefused()
    {
        // Arrange
        var (order, _) = TestData.NewOrder(OrderKind.Full, _made);
        var application = Create(order, ApplicationType.Variation, new DateOnly(2025, 6, 2), addsOrTightens: false, rationale: null);

        // Act
        var ex = Record.Exception(() => application.AmendChangeSought("Add an exclusion zone.", true, null));

        // Assert
        var violation = Assert.Single(Assert.IsType<RuleViolationException>(ex).Violations);
        Assert.Equal(("R21", "necessityRationale"), (violation.RuleId, violation.Field));
        Assert.Equal((bool?)false, application.AddsOrTightens);
    }

    [Fact]
    public void AmendChangeSought_NothingAskedForAndVariationNotSaid_IsRefused()
    {
        // Arrange
        var (order, _) = TestData.NewOrder(OrderKind.Full, _made);
        var application = Create(order, ApplicationType.Variation, new DateOnly(2025, 6, 2), addsOrTightens: true);

        // Act
        var ex = Record.Exception(() => application.AmendChangeSought(" ", null, "Risk continues"));

        // Assert
        Assert.Equal(["changeSought", "addsOrTightens"], Assert.IsType<RuleViolationException>(ex).Violations.Select(v => v.Field));
    }

    [Fact]
    public void AmendChangeSought_AfterAuthorisation_WithdrawsTheAuthorisation()
    {
        // Arrange
        var (order, _) = TestData.NewOrder(OrderKind.Full, _made);
        var today = new DateOnly(2025, 6, 2);
        var application = Create(order, ApplicationType.Renewal, today);
        application.Authorise(TestData.Coordinator, TestData.NoonOn(today));

        // Act: what was authorised is what is lodged, so a change after authorisation withdraws it rather than being refused.
        application.AmendChangeSought("Renew until further order.", null, "Risk continues");

        // Assert
        Assert.Equal("Renew until further order.", application.ChangeSought);
        Assert.Null(application.AuthorisedAt);
        Assert.Null(application.AuthorisedBy);
        Assert.Equal(TestData.Coordinator.Name, application.WithdrawnAuthorisation?.By);
        Assert.Equal("Draft", application.StageText);
    }

    [Fact]
    public void AmendChangeSought_AfterLodging_IsRefused()
    {
        // Arrange
        var (order, parts) = TestData.NewOrder(OrderKind.Full, _made);
        var today = new DateOnly(2025, 6, 2);
        var application = Create(order, ApplicationType.Discharge, today, ApplicantParty.Defendant, null, rationale: null);
        application.Submit(parts.Respondent, null, today, TestData.NoonOn(today));

        // Act
        var ex = Record.Exception(() => application.AmendChangeSought("The risk has ended.", null, null));

        // Assert
        var violation = Assert.Single(Assert.IsType<RuleViolationException>(ex).Violations);
        Assert.Equal(("Status", "status"), (violation.RuleId, violation.Field));
        Assert.Contains("submitted", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AmendChangeSought_OnAFullOrderApplication_IsRefused()
    {
        // Arrange
        var (order, parts) = TestData.NewOrder(OrderKind.Full, _made);
        var application = Application.CreateForOrder(order.CaseId, parts.Respondent.Id, ApplicationType.Full, PoliceForce.WestYorkshire, null,
            "Leeds Magistrates' Court", TestData.NoonOn(new DateOnly(2025, 6, 2)));

        // Act
        var ex = Record.Exception(() => application.AmendChangeSought("Vary it.", null, null));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => (v.RuleId, v.Field) == ("Status", "type"));
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
