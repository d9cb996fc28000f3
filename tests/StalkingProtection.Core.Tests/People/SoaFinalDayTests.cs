using StalkingProtection.Core.Rules;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.People;

public class SoaFinalDayTests
{
    [Fact]
    public void R26_FinalDayWithoutAnOpenPart2Period_IsRefusedNamingTheRule()
    {
        // Arrange
        var respondent = TestData.NewRespondent();

        // Act
        var exception = Record.Exception(() => respondent.EndSoaPart2(new DateOnly(2026, 6, 30)));

        // Assert
        var violation = Assert.Single(Assert.IsType<RuleViolationException>(exception).Violations);
        Assert.Equal("R26", violation.RuleId);
        Assert.Equal("finalDay", violation.Field);
    }
}
