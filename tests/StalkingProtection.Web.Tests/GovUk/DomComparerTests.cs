using System.Text.Json;
using System.Text.Json.Nodes;
using StalkingProtection.Web.Infrastructure.GovUk.Components;

namespace StalkingProtection.Web.Tests.GovUk;

public sealed class DomComparerTests
{
    [Fact]
    public void Compare_ClassesAndAttributesInAnotherOrderAndIndentation_ReturnsNull()
    {
        // Arrange
        const string expected = "<div class=\"a b\" id=\"x\">\n  <p>Some   text</p>\n</div>";
        const string actual = "<div id=\"x\" class=\"b a\"><p>Some text</p></div>";

        // Act
        var difference = DomComparer.Compare(expected, actual);

        // Assert
        Assert.Null(difference);
    }

    [Fact]
    public void Compare_MissingAttribute_ReturnsDifference()
    {
        // Arrange
        const string expected = "<input class=\"govuk-input\" aria-describedby=\"x-hint\">";
        const string actual = "<input class=\"govuk-input\">";

        // Act
        var difference = DomComparer.Compare(expected, actual);

        // Assert
        Assert.Contains("attributes differ", difference, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_MissingSpaceAfterVisuallyHiddenPrefix_ReturnsDifference()
    {
        // Arrange
        const string expected = "<p><span class=\"govuk-visually-hidden\">Error:</span> Enter a name</p>";
        const string actual = "<p><span class=\"govuk-visually-hidden\">Error:</span>Enter a name</p>";

        // Act
        var difference = DomComparer.Compare(expected, actual);

        // Assert
        Assert.Contains("expected text", difference, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ExtraElement_ReturnsDifference()
    {
        // Arrange
        const string expected = "<ul><li>One</li></ul>";
        const string actual = "<ul><li>One</li><li>Two</li></ul>";

        // Act
        var difference = DomComparer.Compare(expected, actual);

        // Assert
        Assert.Contains("unexpected extra node", difference, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_ParamTheRecordDoesNotModel_ThrowsJsonException()
    {
        // Arrange
        var options = JsonNode.Parse("""{ "text": "Alpha", "notAParam": true }""")!;

        // Act
        var exception = Record.Exception(() => FixtureJson.Deserialize(options, typeof(TagOptions)));

        // Assert
        Assert.IsType<JsonException>(exception);
    }
}
