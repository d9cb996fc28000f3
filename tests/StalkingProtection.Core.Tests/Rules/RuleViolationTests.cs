using StalkingProtection.Core.Rules;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Rules;

public class RuleViolationTests
{
    [Fact]
    public void ThrowIfBroken_SeveralMustsBroken_ReportsEveryViolation()
    {
        // Arrange
        var check = new RuleCheck()
            .Must(false, "R1", "applicantForce", "first", "s.1")
            .Must(true, "R2", "jurisdictionBasis", "fine", "s.1(3)")
            .Must(false, "R3", "evidence.limbA", "second", "s.1(1)");

        // Act
        var ex = Record.Exception(() => check.ThrowIfBroken());

        // Assert
        var violation = Assert.IsType<RuleViolationException>(ex);
        Assert.Equal(["R1", "R3"], violation.Violations.Select(v => v.RuleId));
        Assert.False(violation.CanBeOverridden);
    }

    [Fact]
    public void ThrowIfBroken_ShouldNotMetWithoutOverride_BlocksAsOverridableWarning()
    {
        // Arrange
        var check = new RuleCheck().Should(false, "R9", "conditions[0].conflictConsidered", "check religion", "s.2(3)");

        // Act
        var ex = Record.Exception(() => check.ThrowIfBroken());

        // Assert
        var violation = Assert.IsType<RuleViolationException>(ex);
        Assert.True(violation.CanBeOverridden);
        Assert.Equal("R9", Assert.Single(violation.Warnings).RuleId);
    }

    [Fact]
    public void ThrowIfBroken_ShouldNotMetWithOverride_ReturnsTheOverriddenWarnings()
    {
        // Arrange
        var check = new RuleCheck().Should(false, "R9", "conditions[0].conflictConsidered", "check religion", "s.2(3)");

        // Act
        var overridden = check.ThrowIfBroken(TestData.OfficerOverride());

        // Assert
        Assert.Equal("R9", Assert.Single(overridden).RuleId);
    }

    [Fact]
    public void ThrowIfBroken_OverrideWithBlankReason_IsRejected()
    {
        // Arrange
        var check = new RuleCheck().Should(false, "R9", "conditions[0].conflictConsidered", "check religion", "s.2(3)");

        // Act
        var ex = Record.Exception(() => check.ThrowIfBroken(new Override("  ", TestData.Officer)));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.Field == "overrideReason");
    }

    [Fact]
    public void ThrowIfBroken_MustBrokenEvenWithOverride_StillThrows()
    {
        // Arrange
        var check = new RuleCheck().Must(false, "R14", "lastInForceDay", "too short", "s.3(2)");

        // Act
        var ex = Record.Exception(() => check.ThrowIfBroken(TestData.LegalOverride()));

        // Assert
        Assert.Equal("R14", Assert.Single(Assert.IsType<RuleViolationException>(ex).Violations).RuleId);
    }
}
