using StalkingProtection.Core.Search;

namespace StalkingProtection.Core.Tests.Search;

public class ReferenceKeysTests
{
    [Theory]
    [InlineData("12/34567A")]
    [InlineData("12/0034567A")]
    [InlineData("12/034567a")]
    [InlineData("2012/0034567A")]
    [InlineData("1234567A")]
    [InlineData("120034567A")]
    [InlineData("20120034567A")]
    [InlineData(" 12 / 34567 A ")]
    public void PncId_TheSameIdWrittenAnotherWay_HasTheSameKey(string written)
    {
        // Act
        var key = ReferenceKeys.PncId(written);

        // Assert
        Assert.Equal("12/34567A", key);
    }

    [Theory]
    [InlineData("12/34567A", "12/34568A")]
    [InlineData("12/34567A", "13/34567A")]
    [InlineData("12/34567A", "12/34567B")]
    [InlineData("12/34567A", "12/345670A")]
    public void PncId_AnotherId_HasAnotherKey(string one, string other) =>
        Assert.NotEqual(ReferenceKeys.PncId(one), ReferenceKeys.PncId(other));

    [Theory]
    [InlineData("PNC-ENTRY-77", "PNC-ENTRY-77")]
    [InlineData("abc 123", "ABC123")]
    [InlineData("12/ABC/34Z", "12/ABC/34Z")]
    public void PncId_NotShapedLikeAPncId_KeepsItsCharactersInCapitalsWithoutSpaces(string written, string expected) =>
        Assert.Equal(expected, ReferenceKeys.PncId(written));

    [Theory]
    [InlineData("13/000123/24", "13/000123/24")]
    [InlineData("wy-2026-55", "WY-2026-55")]
    [InlineData(" WY 2026 55 ", "WY202655")]
    public void Of_AnyReference_IsInCapitalsWithoutSpacesAndKeepsItsZeros(string written, string expected) =>
        Assert.Equal(expected, ReferenceKeys.Of(written));
}
