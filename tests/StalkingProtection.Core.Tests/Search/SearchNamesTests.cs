using StalkingProtection.Core.Search;

namespace StalkingProtection.Core.Tests.Search;

public class SearchNamesTests
{
    [Theory]
    [InlineData("zoe obrien", "Zoë", "O'Brien")]
    [InlineData("ZOË O’BRIEN", "Zoe", "O'Brien")]
    [InlineData("Zoe O Brien", "Zoë", "O'Brien")]
    [InlineData("Zoë OBrien", "Zoe", "O Brien")]
    [InlineData("Ana Smith-Jones", "Ana", "Smith Jones")]
    [InlineData("Ana Smith Jones", "Ana", "Smith-Jones")]
    [InlineData("Ana SmithJones", "Ana", "Smith-Jones")]
    [InlineData("A Smith-Jones", "Ana", "Smith-Jones")]
    [InlineData("Ana Smith-Jones", "A.", "Smith-Jones")]
    [InlineData("smith-jones", "Ana Maria", "Smith-Jones")]
    [InlineData("José Núñez", "Jose", "Nunez")]
    [InlineData("Maria Ana", "Ana Maria", "Nunez")]
    [InlineData("O Brien", "Zoë", "O'Brien-Smith")]
    [InlineData("zoe obrien smith", "Zoë", "O'Brien-Smith")]
    [InlineData("Z O Brien Smith", "Zoë", "O'Brien-Smith")]
    public void Matches_NameWrittenAnotherWay_Matches(string query, string givenNames, string familyName)
    {
        // Arrange
        var tokens = SearchNames.Tokens(query);

        // Act
        var matches = SearchNames.Matches(tokens, givenNames, familyName);

        // Assert
        Assert.True(matches, $"\"{query}\" should find {givenNames} {familyName}");
    }

    [Theory]
    [InlineData("Zoe Brien", "Zoë", "O'Brien")]
    [InlineData("B Smith", "Ana", "Smith")]
    [InlineData("Ana Smith Smith", "Ana", "Smith")]
    [InlineData("Smit", "Ana", "Smith")]
    [InlineData("Ana Jones", "Ana", "Smith")]
    public void Matches_AnotherName_DoesNotMatch(string query, string givenNames, string familyName)
    {
        // Arrange
        var tokens = SearchNames.Tokens(query);

        // Act
        var matches = SearchNames.Matches(tokens, givenNames, familyName);

        // Assert
        Assert.False(matches, $"\"{query}\" should not find {givenNames} {familyName}");
    }

    [Fact]
    public void Parse_NameWithDateOfBirth_SeparatesTheDate()
    {
        // Act
        var query = SearchQuery.Parse("Jane Smith 27/3/1985");

        // Assert
        Assert.Equal(new[] { "jane", "smith" }, query.NameTokens);
        Assert.Equal(new DateOnly(1985, 3, 27), query.DateOfBirth);
        Assert.False(query.IsReference);
    }

    [Theory]
    [InlineData("CR/12345/26")]
    [InlineData("26/123456A")]
    [InlineData("SPA-ACK-20261128-0197")]
    public void Parse_Reference_IsAReferenceAndNotAName(string text)
    {
        // Act
        var query = SearchQuery.Parse(text);

        // Assert
        Assert.True(query.IsReference);
        Assert.Empty(query.NameTokens);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Jane\u0000Smith")]
    [InlineData("Jane\nSmith")]
    public void Parse_EmptyOrControlCharacters_RefusedWithMessageForTheBox(string text)
    {
        // Act
        var ex = Assert.Throws<StalkingProtection.Core.Rules.RuleViolationException>(() => SearchQuery.Parse(text));

        // Assert
        Assert.Equal("q", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public void Parse_TooLong_Refused()
    {
        // Act
        var ex = Assert.Throws<StalkingProtection.Core.Rules.RuleViolationException>(() => SearchQuery.Parse(new string('a', RecordSearchService.MaxLength + 1)));

        // Assert
        Assert.Contains("at most", Assert.Single(ex.Violations).Message, StringComparison.Ordinal);
    }
}
