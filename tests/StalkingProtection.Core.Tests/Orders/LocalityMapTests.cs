using StalkingProtection.Core.Orders;

namespace StalkingProtection.Core.Tests.Orders;

public class LocalityMapTests
{
    private const string Square = """{"type":"Polygon","coordinates":[[[-1.55,53.80],[-1.54,53.80],[-1.54,53.81],[-1.55,53.81],[-1.55,53.80]]]}""";

    [Fact]
    public void R10_ClosedRingOfFourOrMorePositionsInRange_IsAValidPolygon()
    {
        // Act
        var error = LocalityMap.PolygonError(Square);

        // Assert
        Assert.Null(error);
    }

    [Fact]
    public void R10_PolygonWithAHole_IsValid()
    {
        // Arrange
        var withHole = """{"type":"Polygon","coordinates":[[[-1.55,53.80],[-1.54,53.80],[-1.54,53.81],[-1.55,53.81],[-1.55,53.80]],[[-1.548,53.802],[-1.546,53.802],[-1.546,53.804],[-1.548,53.802]]]}""";

        // Act
        var error = LocalityMap.PolygonError(withHole);

        // Assert
        Assert.Null(error);
    }

    [Theory]
    [InlineData("not json", "it is not JSON")]
    [InlineData("[1,2]", "it must be a JSON object")]
    [InlineData("""{"type":"Point","coordinates":[-1.55,53.8]}""", "its \"type\" must be \"Polygon\"")]
    [InlineData("""{"type":"Polygon"}""", "\"coordinates\" must be a list of rings")]
    [InlineData("""{"type":"Polygon","coordinates":[]}""", "\"coordinates\" must be a list of rings")]
    [InlineData("""{"type":"Polygon","coordinates":[[[-1.55,53.80],[-1.54,53.80],[-1.55,53.80]]]}""", "ring 1 has 3 positions, and a ring needs at least 4")]
    [InlineData("""{"type":"Polygon","coordinates":[[[-1.55,53.80],[-1.54,53.80],[-1.54,53.81],[-1.55,53.81]]]}""", "ring 1 is not closed: its last position must repeat its first")]
    [InlineData("""{"type":"Polygon","coordinates":[[[-1.55,53.80],[-1.54,53.80],[-1.54,53.80],[-1.55,53.80]]]}""", "ring 1 needs at least 3 different positions")]
    [InlineData("""{"type":"Polygon","coordinates":[[[-1.55,53.80],[-181,53.80],[-1.54,53.81],[-1.55,53.80]]]}""", "position 2 of ring 1 (-181, 53.8) is out of range: longitude is -180 to 180 and latitude -90 to 90")]
    [InlineData("""{"type":"Polygon","coordinates":[[[-1.55,53.80],[-1.54,91],[-1.54,53.81],[-1.55,53.80]]]}""", "position 2 of ring 1 (-1.54, 91) is out of range: longitude is -180 to 180 and latitude -90 to 90")]
    [InlineData("""{"type":"Polygon","coordinates":[[[-1.55,53.80],["-1.54",53.80],[-1.54,53.81],[-1.55,53.80]]]}""", "position 2 of ring 1 must be [longitude, latitude] in decimal degrees")]
    [InlineData("""{"type":"Polygon","coordinates":[[[-1.55],[-1.54,53.80],[-1.54,53.81],[-1.55],[-1.55]]]}""", "position 1 of ring 1 must be [longitude, latitude] in decimal degrees")]
    [InlineData("""{"type":"Polygon","coordinates":[5]}""", "ring 1 must be a list of positions")]
    public void R10_InvalidPolygon_SaysWhy(string polygon, string expected)
    {
        // Act
        var error = LocalityMap.PolygonError(polygon);

        // Assert
        Assert.Equal(expected, error);
    }

    [Fact]
    public void R10_PolygonTooLong_IsRejectedBeforeParsing()
    {
        // Act
        var error = LocalityMap.PolygonError(new string(' ', LocalityMap.PolygonMaxLength + 1));

        // Assert
        Assert.Equal($"it is longer than {LocalityMap.PolygonMaxLength} characters", error);
    }

    [Fact]
    public void R10_Check_InvalidPolygonIsBrokenRuleR10UnderItsField()
    {
        // Act
        var check = LocalityMap.Check("exhibit AB/1", """{"type":"Polygon","coordinates":[]}""", "conditions[0].");

        // Assert
        var violation = Assert.Single(check.Violations);
        Assert.Equal("R10", violation.RuleId);
        Assert.Equal("conditions[0].localityPolygon", violation.Field);
        Assert.Contains("SPA 2019 s.2(4)", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalise_RemovesWhitespace()
    {
        // Act
        var normal = LocalityMap.Normalise(Square.Replace(",", ", ", StringComparison.Ordinal));

        // Assert
        Assert.Equal(Square, normal);
    }
}
