using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Rules;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Cases;

public class CaseRuleTests
{
    private static readonly DateTimeOffset _now = TestData.NoonOn(new DateOnly(2026, 3, 1));

    private static StalkingAct RecordAct(DateTimeOffset from, string country, ActCategory categories, string? other = null) =>
        StalkingAct.Record(Guid.NewGuid(), from, null, country, null, categories, other, ActChannel.Online, null, "Sent messages", _now);

    [Fact]
    public void R5_ActBeforeCommencementAndOutsideUk_IsAccepted()
    {
        // Arrange
        var before = TestData.NoonOn(new DateOnly(2019, 6, 1));

        // Act
        var act = RecordAct(before, "Spain", ActCategory.Following);

        // Assert
        Assert.Equal("Spain", act.LocationCountry);
        Assert.Equal(before, act.OccurredFrom);
    }

    [Fact]
    public void R5_ActWithoutCountry_IsRejected()
    {
        // Act
        var ex = Record.Exception(() => RecordAct(_now.AddDays(-1), "", ActCategory.Following));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R5" && v.Field == "locationCountry");
    }

    [Fact]
    public void R6_ActWithNoCategory_IsRejected()
    {
        // Act
        var ex = Record.Exception(() => RecordAct(_now.AddDays(-1), "United Kingdom", ActCategory.None));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R6" && v.Field == "categories");
    }

    [Fact]
    public void R6_OtherCategoryWithoutDescription_IsRejected()
    {
        // Act
        var ex = Record.Exception(() => RecordAct(_now.AddDays(-1), "United Kingdom", ActCategory.Other));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R6" && v.Field == "otherCategoryDescription");
    }

    [Fact]
    public void R6_SeveralStatutoryCategoriesAndOther_AreKept()
    {
        // Act
        var act = RecordAct(_now.AddDays(-1), "United Kingdom", ActCategory.Contacting | ActCategory.MonitoringElectronicCommunications | ActCategory.Other, "Sent gifts");

        // Assert
        Assert.True(act.Categories.HasFlag(ActCategory.MonitoringElectronicCommunications));
        Assert.Equal("Sent gifts", act.OtherCategoryDescription);
    }

    [Fact]
    public void R39_SpoDecisionWithoutRationale_IsRejected()
    {
        // Act
        var ex = Record.Exception(() => SpoDecision.Record(Guid.NewGuid(), SpoDecisionOutcome.DoNotApply, "no", "DS Smith", null, null,
            new DateOnly(2026, 3, 1), _now));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R39" && v.Field == "rationale");
    }

    [Fact]
    public void R39_DecisionNotToApply_KeepsRationaleAndWhoDecided()
    {
        // Act
        var decision = SpoDecision.Record(Guid.NewGuid(), SpoDecisionOutcome.DoNotApply, "Threshold not met: a single contact, no fixation shown.", "DS Smith",
            "DI Jones", "LS/2026/1", new DateOnly(2026, 3, 1), _now);

        // Assert
        Assert.Equal("DS Smith", decision.DecidedBy);
        Assert.Equal("DI Jones", decision.AuthorisingOfficer);
        Assert.StartsWith("Threshold not met", decision.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void R4_ProtectedPersonRole_IsProtectedWithoutBeingADirectVictim()
    {
        // Act
        var proxy = TestData.NewVictim(Guid.NewGuid(), VictimRole.ProtectedPerson);
        var direct = TestData.NewVictim(Guid.NewGuid(), VictimRole.DirectVictim);

        // Assert
        Assert.True(proxy.IsProtectedPerson);
        Assert.False(direct.IsProtectedPerson);
    }

    [Fact]
    public void Record_SDashWithTenAnswers_IsRejected()
    {
        // Act
        var ex = Record.Exception(() => RiskAssessment.Record(Guid.NewGuid(), RiskTool.SDash, "2009", "YYYYYNNNNN", RiskLevel.High, "PC A",
            new DateOnly(2026, 4, 1), null, _now));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.Field == "answers");
    }

    [Fact]
    public void Record_SashWithExIntimateQuestions_KeepsAllSixteenAnswers()
    {
        // Act
        var assessment = RiskAssessment.Record(Guid.NewGuid(), RiskTool.Sash, "2015", "yynnyynnyynnynyn", RiskLevel.Medium, "PC A", new DateOnly(2026, 4, 1), null, _now);

        // Assert
        Assert.Equal("YYNNYYNNYYNNYNYN", assessment.Answers);
    }
}
