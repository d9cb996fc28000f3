using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Tests.Orders;

public class ConditionLibraryTests
{
    private static Dictionary<string, string> V(params (string Key, string Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    private static ConditionTemplate T(string key) => ConditionLibrary.Find(key)!;

    public static TheoryData<string, Dictionary<string, string>, string> Wordings() => new()
    {
        { "no-contact", V(("person", "Jane Smith")), "Not to contact Jane Smith directly or indirectly by any means, including through social media or a third party." },
        { "exclusion-zone", V(("area", "Park Road, Leeds"), ("mapReference", "annexed as exhibit AB/1")), "Not to enter the area of Park Road, Leeds as shown on the map annexed as exhibit AB/1." },
        { "exclusion-zone", V(("area", "Park Road, Leeds")), "Not to enter the area of Park Road, Leeds." },
        { "no-approach-distance", V(("distance", "100"), ("person", "Jane Smith")), "Not to come within 100 metres of Jane Smith." },
        { "no-online-reference", V(("person", "Jane Smith")), "Not to refer to Jane Smith online, including on social media." },
        { "device-access", V(("devices", "any mobile phone he uses")), "To give police access to any mobile phone he uses with their passwords on request." },
        { "attend-assessment", V(("assessment", "a mental-health assessment")), "To attend a mental-health assessment at the time and place notified to him by the police." },
        { "attend-programme", V(("programme", "a perpetrator intervention programme")), "To attend and take part in a perpetrator intervention programme as arranged by the police, until it is completed." },
        { "sign-on", V(("station", "Elland Road"), ("frequency", "every Monday between 9am and 5pm")), "To sign on at Elland Road police station every Monday between 9am and 5pm." },
        { "sign-on", V(("station", "Elland Road Police Station"), ("frequency", "every Friday")), "To sign on at Elland Road police station every Friday." },
        { "other", V(("wording", "  Not to keep any image of Jane Smith.  ")), "Not to keep any image of Jane Smith." },
    };

    [Theory]
    [MemberData(nameof(Wordings))]
    public void Wording_EachTemplate_FillsItsBlanks(string key, Dictionary<string, string> values, string expected)
    {
        // Act
        var check = T(key).Check(values);
        var wording = T(key).Wording(values);

        // Assert
        Assert.Empty(check.Violations);
        Assert.Equal(expected, wording);
    }

    [Fact]
    public void Templates_CoverTheTypicalConditionsOfSection2_1WithUniqueKeys()
    {
        // Act
        var keys = ConditionLibrary.Templates.Select(t => t.Key).ToList();

        // Assert
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(["no-contact", "exclusion-zone", "no-approach-distance", "no-online-reference", "device-access", "attend-assessment", "attend-programme", "sign-on", "other"], keys);
        Assert.All(ConditionLibrary.Templates.Where(t => t.Key != ConditionLibrary.OtherKey), t => Assert.NotNull(t.Type));
        Assert.Null(T("other").Type);
    }

    [Theory]
    [MemberData(nameof(TemplateKeys))]
    public void Check_RequiredParametersMissing_NamesEachOne(string key)
    {
        // Act
        var check = T(key).Check(new Dictionary<string, string>());

        // Assert
        var required = T(key).Parameters.Where(p => p.Required).Select(p => "parameters." + p.Key).ToList();
        Assert.NotEmpty(required);
        Assert.Equal(required, check.Violations.Select(v => v.Field).ToList());
        Assert.All(check.Violations, v => Assert.StartsWith("Enter ", v.Message, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TemplateKeys))]
    public void Check_ParameterTooLong_IsRejected(string key)
    {
        // Arrange
        var values = T(key).Parameters.ToDictionary(p => p.Key, p => p.IsWholeNumber ? "1" : new string('a', p.MaxLength + 1));

        // Act
        var check = T(key).Check(values);

        // Assert
        Assert.Equal(T(key).Parameters.Where(p => !p.IsWholeNumber).Select(p => "parameters." + p.Key), check.Violations.Select(v => v.Field));
        Assert.All(check.Violations, v => Assert.Contains("characters or fewer", v.Message, StringComparison.Ordinal));
    }

    public static TheoryData<string> TemplateKeys() => new(ConditionLibrary.Templates.Select(t => t.Key));

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("12.5")]
    [InlineData("a hundred")]
    [InlineData("100001")]
    public void Check_DistanceNotAWholeNumberOfMetresUpTo100Km_IsRejected(string distance)
    {
        // Act
        var check = T("no-approach-distance").Check(V(("distance", distance), ("person", "Jane Smith")));

        // Assert
        var violation = Assert.Single(check.Violations);
        Assert.Equal("parameters.distance", violation.Field);
        Assert.Equal("Distance in metres must be a whole number of metres from 1 to 100,000", violation.Message);
    }

    [Fact]
    public void R10_ExclusionZone_IsLimitedToTheLocalityWithItsMapReference()
    {
        // Act
        var draft = T("exclusion-zone").Apply(V(("area", "Park Road, Leeds"), ("mapReference", "SE 29 33")), TestDataDraft());

        // Assert
        Assert.Equal(ConditionScope.Locality, draft.Scope);
        Assert.Equal("Park Road, Leeds", draft.LocalityText);
        Assert.Equal("SE 29 33", draft.MapReference);
        Assert.Equal(ConditionType.Prohibition, draft.Type);
        Assert.Equal(ConditionCategory.ExclusionZone, draft.Category);
    }

    [Fact]
    public void R10_TemplateWithoutLocality_AppliesInAllTheUkWhateverWasAnswered()
    {
        // Act
        var draft = T("no-contact").Apply(V(("person", "Jane Smith")), TestDataDraft() with { Scope = ConditionScope.Locality, LocalityText = "Leeds" });

        // Assert
        Assert.Equal(ConditionScope.AllUk, draft.Scope);
        Assert.Null(draft.LocalityText);
    }

    [Fact]
    public void Other_KeepsTheTypeCategoryAndScopeChosen()
    {
        // Act
        var draft = T("other").Apply(V(("wording", "To live at an address approved by the police.")),
            TestDataDraft() with { Type = ConditionType.Requirement, Category = ConditionCategory.Other, Scope = ConditionScope.Locality, LocalityText = "Leeds" });

        // Assert
        Assert.Equal(ConditionType.Requirement, draft.Type);
        Assert.Equal(ConditionCategory.Other, draft.Category);
        Assert.Equal(ConditionScope.Locality, draft.Scope);
        Assert.Equal("To live at an address approved by the police.", draft.Wording);
    }

    [Fact]
    public void Compose_UnknownTemplateOrParameter_IsRejected()
    {
        // Arrange
        var unknownTemplate = new RuleCheck();
        var unknownParameter = new RuleCheck();

        // Act
        ConditionLibrary.Compose("no-such-template", null, TestDataDraft(), unknownTemplate);
        ConditionLibrary.Compose("no-contact", V(("person", "Jane"), ("colour", "red")), TestDataDraft(), unknownParameter);

        // Assert
        Assert.Equal("templateKey", Assert.Single(unknownTemplate.Violations).Field);
        Assert.Equal("parameters", Assert.Single(unknownParameter.Violations).Field);
    }

    private static ConditionDraft TestDataDraft() => new(ConditionType.Prohibition, ConditionCategory.Other, "", ConditionScope.AllUk, null, [Guid.NewGuid()],
        "He contacts her daily", true, false, null);
}
