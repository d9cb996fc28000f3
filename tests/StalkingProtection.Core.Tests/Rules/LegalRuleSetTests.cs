using CsCheck;
using Microsoft.Extensions.Configuration;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Tests.Time;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Tests.Rules;

public class LegalRuleSetTests
{
    [Theory]
    [InlineData("2022-05-01", "2025-06-01", 6)]  // s.8(3): committed before 2 May 2022, whenever convicted
    [InlineData("2020-01-20", "2020-06-01", 6)]
    [InlineData("2022-05-02", "2022-05-02", 12)] // default table: 12 months from 2 May 2022
    [InlineData("2022-06-01", "2023-03-29", 12)]
    [InlineData("2022-06-01", "2023-03-30", 6)]  // default table: 6 months from 30 March 2023
    [InlineData("2023-06-01", "2024-11-17", 6)]
    [InlineData("2023-06-01", "2024-11-18", 12)] // 12 months for convictions from 18 November 2024
    [InlineData("2026-01-01", "2026-11-28", 12)]
    public void R37_SummaryMaximumMonths_DefaultRules_FollowTheDatedLimits(string offence, string conviction, int expected)
    {
        // Arrange
        var rules = LegalRuleSet.Default;

        // Act
        var months = rules.SummaryMaximumMonths(DateOnly.Parse(offence), DateOnly.Parse(conviction));

        // Assert
        Assert.Equal(expected, months);
    }

    [Fact]
    public void R37_SummaryMaximumMonths_ConfiguredTable_ReplacesTheUnverifiedPeriodOnly()
    {
        // Arrange
        var rules = new LegalRuleSet
        {
            MagistratesGeneralLimit = [new(new DateOnly(2022, 5, 2), 12), new(new DateOnly(2023, 6, 1), 6)],
        };

        // Act
        var beforeChange = rules.SummaryMaximumMonths(new DateOnly(2022, 6, 1), new DateOnly(2023, 5, 31));
        var afterChange = rules.SummaryMaximumMonths(new DateOnly(2022, 6, 1), new DateOnly(2023, 6, 1));
        var verifiedOld = rules.SummaryMaximumMonths(new DateOnly(2022, 4, 30), new DateOnly(2022, 6, 1));
        var verifiedNew = rules.SummaryMaximumMonths(new DateOnly(2022, 6, 1), new DateOnly(2024, 11, 18));

        // Assert
        Assert.Equal(12, beforeChange);
        Assert.Equal(6, afterChange);
        Assert.Equal(6, verifiedOld);
        Assert.Equal(12, verifiedNew);
    }

    [Fact]
    public void R37_SummaryMaximumMonths_ConvictionBeforeOffence_Throws()
    {
        // Arrange
        var rules = LegalRuleSet.Default;

        // Act
        Action act = () => rules.SummaryMaximumMonths(new DateOnly(2025, 1, 2), new DateOnly(2025, 1, 1));

        // Assert
        Assert.Throws<ArgumentException>(act);
    }

    [Fact]
    public void R37_IndictmentMaximum_IsFiveYears()
    {
        // Arrange and Act
        var years = LegalRuleSet.IndictmentMaximumYears;

        // Assert
        Assert.Equal(5, years);
    }

    [Fact]
    public void R37_SummaryMaximumMonths_GeneratedDates_MatchesTheRulebookOrder()
    {
        // Arrange
        var rules = LegalRuleSet.Default;
        var dates = Gen.Frequency(
            (3, Gen.DateOnly[new DateOnly(2020, 1, 20), new DateOnly(2030, 12, 31)]),
            (1, Gen.OneOf(
                new DateOnly(2022, 5, 1), new DateOnly(2022, 5, 2), new DateOnly(2023, 3, 29), new DateOnly(2023, 3, 30),
                new DateOnly(2024, 11, 17), new DateOnly(2024, 11, 18))));
        var gen = Gen.Select(dates, dates).Select((a, b) => a <= b ? (Offence: a, Conviction: b) : (Offence: b, Conviction: a));

        // Act and Assert
        gen.Sample(c =>
        {
            var expected = c.Offence < new DateOnly(2022, 5, 2) ? 6
                : c.Conviction >= new DateOnly(2024, 11, 18) ? 12
                : c.Conviction >= new DateOnly(2023, 3, 30) ? 6
                : 12;
            Assert.Equal(expected, rules.SummaryMaximumMonths(c.Offence, c.Conviction));
        }, iter: SpecialDays.Iterations);
    }

    [Theory]
    [InlineData(OrderOrigin.CourtOnConviction)]
    [InlineData(OrderOrigin.CourtOnAcquittal)]
    public void R43_CourtMadeOrigin_NoCommencementConfigured_IsUnavailable(OrderOrigin origin)
    {
        // Arrange
        var rules = LegalRuleSet.Default;

        // Act
        var available = rules.IsOrderOriginAvailable(origin, new DateOnly(2030, 1, 1));

        // Assert
        Assert.Null(rules.CourtMadeOrdersCommencement);
        Assert.False(available);
    }

    [Theory]
    [InlineData(OrderOrigin.CourtOnConviction)]
    [InlineData(OrderOrigin.CourtOnAcquittal)]
    public void R43_CourtMadeOrigin_CommencementConfigured_AvailableFromThatDay(OrderOrigin origin)
    {
        // Arrange
        var rules = new LegalRuleSet { CourtMadeOrdersCommencement = new DateOnly(2027, 1, 1) };

        // Act
        var dayBefore = rules.IsOrderOriginAvailable(origin, new DateOnly(2026, 12, 31));
        var onTheDay = rules.IsOrderOriginAvailable(origin, new DateOnly(2027, 1, 1));

        // Assert
        Assert.False(dayBefore);
        Assert.True(onTheDay);
    }

    [Theory]
    [InlineData(OrderOrigin.PoliceApplicationMagistrates)]
    [InlineData(OrderOrigin.PoliceApplicationYouthCourt)]
    [InlineData(OrderOrigin.CrownCourtOnAppeal)]
    public void R43_SpaOrigin_AvailableFromCommencementOfTheAct(OrderOrigin origin)
    {
        // Arrange
        var rules = LegalRuleSet.Default;

        // Act
        var dayBefore = rules.IsOrderOriginAvailable(origin, new DateOnly(2020, 1, 19));
        var onTheDay = rules.IsOrderOriginAvailable(origin, new DateOnly(2020, 1, 20));

        // Assert
        Assert.False(dayBefore);
        Assert.True(onTheDay);
    }

    [Fact]
    public void R43_AvailableOrderOrigins_Default_OffersOnlyTheSpaOrigins()
    {
        // Arrange
        var rules = LegalRuleSet.Default;

        // Act
        var origins = rules.AvailableOrderOrigins(new DateOnly(2026, 11, 28));

        // Assert
        Assert.Equal(
            [OrderOrigin.PoliceApplicationMagistrates, OrderOrigin.PoliceApplicationYouthCourt, OrderOrigin.CrownCourtOnAppeal],
            origins);
    }

    [Fact]
    public void R43_UnknownOrigin_Throws()
    {
        // Arrange
        var rules = LegalRuleSet.Default;

        // Act
        Action act = () => rules.IsOrderOriginAvailable((OrderOrigin)99, new DateOnly(2026, 1, 1));

        // Assert
        Assert.Throws<ArgumentOutOfRangeException>(act);
    }

    [Fact]
    public void R15_ConditionShorterThanTwoYears_NeedsAnOverrideByDefault()
    {
        // Arrange
        var rules = LegalRuleSet.Default;
        var made = new DateOnly(2024, 2, 29);

        // Act
        var tooShort = rules.ConditionNeedsLegalOverride(made, new DateOnly(2026, 2, 27));
        var longEnough = rules.ConditionNeedsLegalOverride(made, new DateOnly(2026, 2, 28));

        // Assert
        Assert.True(rules.PerConditionMinimumDurationApplies);
        Assert.True(tooShort);
        Assert.False(longEnough);
    }

    [Fact]
    public void R15_PerConditionMinimumSwitchedOff_ShortConditionNeedsNoOverride()
    {
        // Arrange
        var rules = new LegalRuleSet { PerConditionMinimumDurationApplies = false };

        // Act
        var needsOverride = rules.ConditionNeedsLegalOverride(new DateOnly(2025, 3, 10), new DateOnly(2025, 9, 9));

        // Assert
        Assert.False(needsOverride);
    }

    [Fact]
    public void R23_RenewalReminderDue_Default_Is90DaysBeforeTheLastDay()
    {
        // Arrange
        var rules = LegalRuleSet.Default;

        // Act
        var due = rules.RenewalReminderDue(new DateOnly(2027, 3, 9));

        // Assert
        Assert.Equal(90, rules.RenewalLeadDays);
        Assert.Equal(new DateOnly(2026, 12, 9), due);
    }

    [Fact]
    public void R42_NextReviewDue_Default_Is90DaysOn()
    {
        // Arrange
        var rules = LegalRuleSet.Default;

        // Act
        var due = rules.NextReviewDue(new DateOnly(2026, 11, 28));

        // Assert
        Assert.Equal(new DateOnly(2027, 2, 26), due);
    }

    [Fact]
    public void R24_AppealLodgingDeadline_ConfiguredBusinessDays_AreUsed()
    {
        // Arrange
        var rules = new LegalRuleSet { AppealBusinessDays = 21 };
        var decided = new DateOnly(2025, 12, 15);

        // Act
        var configured = rules.AppealLodgingDeadline(decided, BankHolidayCalendar.EnglandAndWales);
        var byDefault = LegalRuleSet.Default.AppealLodgingDeadline(decided, BankHolidayCalendar.EnglandAndWales);

        // Assert
        Assert.Equal(new DateOnly(2026, 1, 16), configured);
        Assert.Equal(new DateOnly(2026, 1, 8), byDefault);
    }

    [Theory]
    [InlineData("2020-12-31", null)]
    [InlineData("2021-01-01", "January 2021")]
    [InlineData("2024-04-21", "January 2021")]
    [InlineData("2024-04-22", "April 2024")]
    public void GuidanceInForce_Default_IsTheLatestVersionFromOnOrBeforeTheDate(string on, string? expected)
    {
        // Arrange
        var rules = LegalRuleSet.Default;

        // Act
        var guidance = rules.GuidanceInForce(DateOnly.Parse(on));

        // Assert
        if (expected is null)
        {
            Assert.Null(guidance);
        }
        else
        {
            Assert.NotNull(guidance);
            Assert.Contains(expected, guidance.Title);
        }
    }

    [Fact]
    public void Validate_Defaults_HasNoErrors()
    {
        // Arrange
        var rules = LegalRuleSet.Default;

        // Act
        var errors = rules.Validate();

        // Assert
        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_TableDatesOutOfOrder_ReportsIt()
    {
        // Arrange
        var rules = new LegalRuleSet
        {
            MagistratesGeneralLimit = [new(new DateOnly(2022, 5, 2), 12), new(new DateOnly(2024, 1, 1), 6), new(new DateOnly(2023, 3, 30), 6)],
        };

        // Act
        var errors = rules.Validate();

        // Assert
        Assert.Contains(errors, e => e.Contains("ascending", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("MagistratesGeneralLimit")]
    [InlineData("CourtMadeOrdersCommencement")]
    [InlineData("RenewalLeadDays")]
    [InlineData("ReviewCadenceDays")]
    [InlineData("AppealBusinessDays")]
    [InlineData("StatutoryGuidance")]
    public void Validate_UnusableValue_NamesTheSetting(string setting)
    {
        // Arrange
        var rules = new LegalRuleSet();
        switch (setting)
        {
            case "MagistratesGeneralLimit": rules.MagistratesGeneralLimit = [new(new DateOnly(2022, 6, 1), 12)]; break;
            case "CourtMadeOrdersCommencement": rules.CourtMadeOrdersCommencement = new DateOnly(2026, 4, 28); break;
            case "RenewalLeadDays": rules.RenewalLeadDays = -1; break;
            case "ReviewCadenceDays": rules.ReviewCadenceDays = 0; break;
            case "AppealBusinessDays": rules.AppealBusinessDays = 0; break;
            case "StatutoryGuidance": rules.StatutoryGuidance = [new(new DateOnly(2024, 4, 22), " ")]; break;
        }

        // Act
        var errors = rules.Validate();

        // Assert
        Assert.Single(errors);
        Assert.StartsWith(setting, errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_InvalidRules_FailsWithTheMessages()
    {
        // Arrange
        var validator = new LegalRuleSetValidator();
        var rules = new LegalRuleSet { ReviewCadenceDays = 0 };

        // Act
        var result = validator.Validate(null, rules);

        // Assert
        Assert.True(result.Failed);
        Assert.Contains("ReviewCadenceDays", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_ConfigurationSection_ReplacesDefaultsWithTheConfiguredValues()
    {
        // Arrange
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["StalkingProtection:LegalRules:MagistratesGeneralLimit:0:From"] = "2022-05-02",
                ["StalkingProtection:LegalRules:MagistratesGeneralLimit:0:Months"] = "12",
                ["StalkingProtection:LegalRules:MagistratesGeneralLimit:1:From"] = "2023-05-01",
                ["StalkingProtection:LegalRules:MagistratesGeneralLimit:1:Months"] = "6",
                ["StalkingProtection:LegalRules:CourtMadeOrdersCommencement"] = "2027-01-01",
                ["StalkingProtection:LegalRules:PerConditionMinimumDurationApplies"] = "false",
                ["StalkingProtection:LegalRules:RenewalLeadDays"] = "120",
                ["StalkingProtection:LegalRules:ReviewCadenceDays"] = "28",
                ["StalkingProtection:LegalRules:AppealBusinessDays"] = "21",
                ["StalkingProtection:LegalRules:StatutoryGuidance:0:From"] = "2024-04-22",
                ["StalkingProtection:LegalRules:StatutoryGuidance:0:Title"] = "April 2024",
            })
            .Build();
        var rules = new LegalRuleSet();

        // Act
        configuration.GetSection(LegalRuleSet.SectionName).Bind(rules);

        // Assert
        Assert.Equal([new GeneralLimitPeriod(new DateOnly(2022, 5, 2), 12), new GeneralLimitPeriod(new DateOnly(2023, 5, 1), 6)], rules.MagistratesGeneralLimitInUse);
        Assert.Equal(new DateOnly(2027, 1, 1), rules.CourtMadeOrdersCommencement);
        Assert.False(rules.PerConditionMinimumDurationApplies);
        Assert.Equal(120, rules.RenewalLeadDays);
        Assert.Equal(28, rules.ReviewCadenceDays);
        Assert.Equal(21, rules.AppealBusinessDays);
        Assert.Equal([new GuidanceVersion(new DateOnly(2024, 4, 22), "April 2024")], rules.StatutoryGuidanceInUse);
        Assert.Empty(rules.Validate());
    }

    [Fact]
    public void Bind_EmptySection_KeepsTheDefaults()
    {
        // Arrange
        var configuration = new ConfigurationBuilder().Build();
        var rules = new LegalRuleSet();

        // Act
        configuration.GetSection(LegalRuleSet.SectionName).Bind(rules);

        // Assert
        Assert.Equal(LegalRuleSet.DefaultMagistratesGeneralLimit, rules.MagistratesGeneralLimitInUse);
        Assert.Equal(LegalRuleSet.DefaultStatutoryGuidance, rules.StatutoryGuidanceInUse);
        Assert.Null(rules.CourtMadeOrdersCommencement);
        Assert.True(rules.PerConditionMinimumDurationApplies);
        Assert.Equal((90, 90, 15), (rules.RenewalLeadDays, rules.ReviewCadenceDays, rules.AppealBusinessDays));
    }
}
