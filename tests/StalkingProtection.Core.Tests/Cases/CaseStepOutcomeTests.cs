using StalkingProtection.Core.Cases;
using StalkingProtection.Core.People;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Cases;

/// <summary>A command on a case's record answers with what the entity decided, and one <c>Explain</c> gives the words.</summary>
public class CaseStepOutcomeTests
{
    private static readonly DateOnly _today = new(2026, 1, 12);

    [Fact]
    public async Task OpenCase_OutcomeGivesTheDayReportedAndAsksForTheSpoDecision_R39()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);

        // Act
        var opened = await testData.WithServicesAsync(_today, s => s.Cases.OpenCaseAsync(
            new OpenCaseOptions(["CR/1/26"], OffencesConsidered.StalkingPha2A, new DateOnly(2026, 1, 5), TestData.Officer.Name, "Stalking Team"), TestData.Officer));

        // Assert
        Assert.Equal((opened.RecordId, (DateOnly?)new DateOnly(2026, 1, 5)), (opened.CaseId!.Value, opened.On));
        Assert.Equal(
            "Case opened: reported on 5 January 2026, held by Stalking Team. Consider a stalking protection order from the start of the investigation, "
            + "and record the decision with its reasons (R39).",
            opened.Explain());
    }

    [Fact]
    public async Task R4_AddProtectedPerson_OutcomeSaysAProtectedPersonNeedNotBeAVictimOfAnyAct()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();

        // Act
        var added = await testData.WithServicesAsync(_today, s => s.Cases.AddVictimAsync(new AddVictimOptions(created.CaseId,
            new PersonDetails("Zoë", "Hartley", null), VictimRole.ProtectedPerson, RelationshipToRespondent.Family), TestData.Officer));

        // Assert
        Assert.Equal(VictimRole.ProtectedPerson, added.VictimRole);
        Assert.Equal("Person added: Zoë Hartley, a protected person. A protected person need not be the victim of any act (SPA 2019 s.1(1)(c), R4).",
            added.Explain());
    }

    [Fact]
    public async Task R5_R6_RecordActAbroad_OutcomeGivesTheCountryAndTheCategories()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();
        var occurred = TestData.NoonOn(new DateOnly(2019, 8, 1));

        // Act
        var recorded = await testData.WithServicesAsync(_today, s => s.Cases.RecordActAsync(new RecordActOptions(created.CaseId, occurred, null, "France", "Paris",
            ActCategory.Following | ActCategory.Loitering, null, ActChannel.InPerson, created.VictimId, "Followed her on holiday"), TestData.Officer));

        // Assert
        Assert.Equal(("France", (int?)2), (recorded.Country, recorded.CategoryCount));
        Assert.Equal("Act recorded: from 1 August 2019, in France, with 2 categories of act associated with stalking (SPA 2019 s.1(6), R5, R6).",
            recorded.Explain());
    }

    [Fact]
    public async Task FourCheckNotAllFound_OutcomeNamesWhatWasNotFoundAndStillAsksForTheDecision_R39()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();

        // Act
        var assessed = await testData.WithServicesAsync(_today, s => s.Cases.RecordFourAssessmentAsync(
            new RecordFourAssessmentOptions(created.CaseId, true, true, true, false), TestData.Officer));

        // Assert
        Assert.False(assessed.Four!.IndicatesStalking);
        Assert.Equal("FOUR check recorded: not all four were found (not repeated). Record the decision on an order with its reasons all the same (R39).",
            assessed.Explain());
    }

    [Fact]
    public async Task RecordRiskAssessment_OutcomeGivesTheLevelAndTheNextReview()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();

        // Act
        var assessed = await testData.WithServicesAsync(_today, s => s.Cases.RecordRiskAssessmentAsync(new RecordRiskAssessmentOptions(created.CaseId, RiskTool.SDash,
            "2009", "YYNYYNNYNNY", RiskLevel.High, TestData.Officer.Name, new DateOnly(2026, 2, 9), null), TestData.Officer));

        // Assert
        Assert.Equal((RiskLevel.High, new DateOnly(2026, 2, 9), 0), (assessed.RiskLevel!.Value, assessed.NextReviewOn!.Value, assessed.RiskReviewsCompleted));
        Assert.Equal("Risk assessment recorded: S-DASH found the risk high. The next review is due by 9 February 2026.", assessed.Explain());
    }

    [Fact]
    public async Task R39_RightToKnowDisclose_OutcomeSaysTheReasonsAreKeptAndTheDisclosureLogged()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();

        // Act
        var decided = await testData.WithServicesAsync(_today, s => s.Cases.RecordRightToKnowAsync(new RecordRightToKnowOptions(created.CaseId, created.VictimId,
            DisclosureDecision.Disclose, null, _today, "DI Morgan Lead", "The victim needs to know who is behind the accounts to keep safe.", _today),
            TestData.Officer));

        // Assert
        Assert.Equal(DisclosureDecision.Disclose, decided.Disclosure);
        Assert.Equal("Right to Know decision recorded on 12 January 2026: disclose to the victim. The reasons are kept (R39) and the disclosure of the "
            + "respondent's personal data is logged (DPA 2018 s.62(1)).", decided.Explain());
    }

    [Fact]
    public async Task RecordOtherOrderUntilFurtherOrder_OutcomeNamesTheOrderAndHowLongItLasts()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();

        // Act
        var recorded = await testData.WithServicesAsync(_today, s => s.Cases.RecordOtherOrderAsync(new RecordOtherOrderOptions(created.RespondentId,
            OtherOrderType.NonMolestationOrder, null, "Leeds Family Court", new DateOnly(2025, 6, 1), true, null, "FL401/25/123", null), TestData.Officer));

        // Assert
        Assert.Null(recorded.EndsOn);
        Assert.Equal("Other order recorded: a non-molestation order made on 1 June 2025, until further order.", recorded.Explain());
    }
}
