using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Orders;

public class AppealTests
{
    private static readonly DateTimeOffset _now = TestData.NoonOn(new DateOnly(2026, 3, 1));

    private static Appeal Lodge(AppellantType appellant, AppealableDecision decision, DateOnly? served = null, Override? @override = null) =>
        Appeal.Lodge(Guid.NewGuid(), null, appellant, decision, new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 23), served ?? new DateOnly(2026, 2, 10),
            "Conditions disproportionate", @override, _now, out _);

    [Theory]
    [InlineData(AppellantType.Defendant, AppealableDecision.MakingOfOrder)]
    [InlineData(AppellantType.Defendant, AppealableDecision.MakingOfInterimOrder)]
    [InlineData(AppellantType.Defendant, AppealableDecision.MakingOfS4OrderOnChiefOfficerApplication)]
    [InlineData(AppellantType.Defendant, AppealableDecision.RefusalOfS4OrderOnDefendantApplication)]
    [InlineData(AppellantType.ApplicantChiefOfficer, AppealableDecision.RefusalOfOrder)]
    [InlineData(AppellantType.ApplicantChiefOfficer, AppealableDecision.RefusalOfInterimOrder)]
    [InlineData(AppellantType.ApplicantChiefOfficer, AppealableDecision.RefusalOfS4OrderOnChiefOfficerApplication)]
    [InlineData(AppellantType.RelevantChiefOfficer, AppealableDecision.MakingOfS4OrderOnDefendantApplication)]
    public void R24_PairsInTheSection7Matrix_AreAccepted(AppellantType appellant, AppealableDecision decision)
    {
        // Act
        var appeal = Lodge(appellant, decision);

        // Assert
        Assert.Equal(AppealOutcome.Pending, appeal.Outcome);
    }

    [Theory]
    [InlineData(AppellantType.Defendant, AppealableDecision.RefusalOfOrder)]
    [InlineData(AppellantType.ApplicantChiefOfficer, AppealableDecision.MakingOfOrder)]
    [InlineData(AppellantType.RelevantChiefOfficer, AppealableDecision.RefusalOfInterimOrder)]
    public void R24_PairsOutsideTheSection7Matrix_AreRejected(AppellantType appellant, AppealableDecision decision)
    {
        // Act
        var ex = Record.Exception(() => Lodge(appellant, decision));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R24" && v.Field == "decision");
    }

    [Fact]
    public void R24_NoticeAfterTheProvisionalDeadline_WarnsAndGoesAheadWithOverride()
    {
        // Act
        var ex = Record.Exception(() => Lodge(AppellantType.Defendant, AppealableDecision.MakingOfOrder, new DateOnly(2026, 2, 24)));
        var appeal = Lodge(AppellantType.Defendant, AppealableDecision.MakingOfOrder, new DateOnly(2026, 2, 24), TestData.LegalOverride("Part 34 may not apply to s.7 appeals"));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Warnings, w => w.RuleId == "R24" && w.Field == "noticeServedOn");
        Assert.True(appeal.LodgedLate);
        Assert.Equal(new DateOnly(2026, 2, 23), appeal.LodgingDeadline);
    }
}
