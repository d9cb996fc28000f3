using StalkingProtection.Core.Orders;

namespace StalkingProtection.Core.Tests.Orders;

public class OrderVictimReferenceTests
{
    [Theory]
    [InlineData("SPO-7KQ2-M9XD", "SPO-7KQ2-M9XD")]
    [InlineData("spo 7kq2 m9xd", "SPO-7KQ2-M9XD")]
    [InlineData("7KQ2M9XD", "SPO-7KQ2-M9XD")]
    [InlineData(" SPO7KQ2-M9XD ", "SPO-7KQ2-M9XD")]
    public void Normalise_AnyCaseSpacingOrPrefix_GivesTheStoredForm(string typed, string expected) =>
        Assert.Equal(expected, OrderVictimReference.Normalise(typed));

    [Theory]
    [InlineData("")]
    [InlineData("SPO-7KQ2-M9X")]
    [InlineData("SPO-7KQ2-M9XD1")]
    [InlineData("SPO-0KQ2-M9XD")]
    [InlineData("SPO-7KQ2/M9XD")]
    [InlineData("' OR 1=1 --")]
    public void Normalise_NotAReference_IsNull(string typed) => Assert.Null(OrderVictimReference.Normalise(typed));

    [Fact]
    public void New_IsInTheStoredForm()
    {
        // Act
        var reference = OrderVictimReference.New();

        // Assert
        Assert.Equal(OrderVictimReference.Length, reference.Length);
        Assert.Equal(reference, OrderVictimReference.Normalise(reference));
    }
}
