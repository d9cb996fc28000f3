using StalkingProtection.Core.Hearings;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Hearings;

public class HearingTests
{
    [Fact]
    public void R38_Hearing_PresentsCivilStandardAsLikelyAndRecordsTheStandardFound()
    {
        // Arrange
        var respondent = TestData.NewRespondent();
        var victim = TestData.NewVictim(Guid.NewGuid());
        var application = TestData.NewCompleteApplication(respondent, victim);
        application.Authorise(TestData.Coordinator, TestData.NoonOn(new DateOnly(2026, 1, 5)));
        application.Submit(respondent, null, new DateOnly(2026, 1, 5), TestData.NoonOn(new DateOnly(2026, 1, 5)));
        var hearing = Hearing.List(application, TestData.NoonOn(new DateOnly(2026, 1, 20)), "Leeds Magistrates' Court", TestData.NoonOn(new DateOnly(2026, 1, 6)));

        // Act
        hearing.RecordStandardOfProof(StandardOfProof.Civil, StandardOfProof.Civil);

        // Assert
        Assert.Contains("likely", Hearing.StandardOfProofGuidance, StringComparison.Ordinal);
        Assert.Contains("civil standard", Hearing.StandardOfProofGuidance, StringComparison.Ordinal);
        Assert.Equal(StandardOfProof.Civil, hearing.StandardFound);
        Assert.Equal(Core.Applications.ApplicationStatus.Listed, application.Status);
    }

    [Fact]
    public void Adjourn_WithoutReason_IsRejected()
    {
        // Arrange
        var respondent = TestData.NewRespondent();
        var application = TestData.NewCompleteApplication(respondent, TestData.NewVictim(Guid.NewGuid()));
        application.Authorise(TestData.Coordinator, TestData.NoonOn(new DateOnly(2026, 1, 5)));
        application.Submit(respondent, null, new DateOnly(2026, 1, 5), TestData.NoonOn(new DateOnly(2026, 1, 5)));
        var hearing = Hearing.List(application, TestData.NoonOn(new DateOnly(2026, 1, 20)), "Leeds Magistrates' Court", TestData.NoonOn(new DateOnly(2026, 1, 6)));

        // Act
        var ex = Record.Exception(() => hearing.Adjourn(application, "", null));

        // Assert
        Assert.IsType<Core.Rules.RuleViolationException>(ex);
    }
}
