using StalkingProtection.Core.Applications;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Applications;

/// <summary>A drafting task answers with what it did and what is still to do, and one <c>Explain</c> gives the words (SPA 2019 s.1, R2–R4).</summary>
public class ApplicationTaskOutcomeTests
{
    private static readonly DateOnly _today = new(2026, 1, 10);

    private static Task<ApplicationStepOutcome> DraftAsync(TestData testData, CreatedCase created, bool complete) =>
        testData.WithServicesAsync(_today, s => s.Applications.CreateAsync(new CreateApplicationOptions(created.CaseId, ApplicationType.Full, PoliceForce.WestYorkshire,
            CourtVenue.MagistratesCourt, "Leeds Magistrates' Court", ProtectedPersonIds: complete ? created.ProtectedPersonIds : null, Evidence: complete
                ?
                [
                    new EvidenceLink(Limb.ActsAssociatedWithStalking, EvidenceKind.Act, created.ActId, "Loitering outside the victim's home"),
                    new EvidenceLink(Limb.RiskAssociatedWithStalking, EvidenceKind.RiskAssessment, created.RiskAssessmentId, "S-DASH high risk"),
                    new EvidenceLink(Limb.NecessaryToProtect, EvidenceKind.NecessityRationale, null, "Escalating behaviour; no other order protects her"),
                ]
                : null), TestData.Officer));

    [Fact]
    public async Task R4_AddProtectedPersonToAnEmptyDraft_OutcomeListsTheTasksStillToDoWithTheirRules()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();
        var draft = await DraftAsync(testData, created, complete: false);

        // Act
        var added = await testData.WithServicesAsync(_today, s => s.Applications.AddProtectedPersonAsync(
            new AddProtectedPersonOptions(draft.ApplicationId, created.VictimId), TestData.Officer));

        // Assert
        Assert.Equal((DraftingTask.ProtectedPersonAdded, 2, false), (added.Task, added.TasksOutstanding.Count, added.ReadyToAskForAuthorisation));
        Assert.Equal(
            "Protected person added: the order is to protect them (SPA 2019 s.1(1)(c), R4). Still to do before it can be lodged: "
            + "why the force may apply (SPA 2019 s.1(3), R2); evidence for limb (a), (b), (c) of the test (SPA 2019 s.1(1), R3).",
            added.Explain());
    }

    [Fact]
    public async Task R2_SetJurisdictionAsTheLastTask_OutcomeSaysToAskACoordinator()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();
        var draft = await DraftAsync(testData, created, complete: true);

        // Act
        var set = await testData.WithServicesAsync(_today, s => s.Applications.SetJurisdictionAsync(
            new SetJurisdictionOptions(draft.ApplicationId, JurisdictionBasis.ResidesInArea, "Lives at his home address in the force area"), TestData.Officer));

        // Assert
        Assert.True(set.ReadyToAskForAuthorisation);
        Assert.Equal(
            "Jurisdiction recorded: why the force may apply against the respondent (SPA 2019 s.1(3), R2). Every drafting task is done: ask a coordinator to authorise the application.",
            set.Explain());
    }

    [Fact]
    public async Task R7_ChooseCourtAfterAuthorisation_OutcomeSaysTheAuthorisationWasWithdrawn()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();
        var draft = await DraftAsync(testData, created, complete: true);
        await testData.WithServicesAsync(_today, async s =>
        {
            await s.Applications.SetJurisdictionAsync(new SetJurisdictionOptions(draft.ApplicationId, JurisdictionBasis.ResidesInArea, "Lives in the force area"), TestData.Officer);
            await s.Applications.AuthoriseAsync(new AuthoriseApplicationOptions(draft.ApplicationId), TestData.Coordinator);
        });

        // Act
        var chosen = await testData.WithServicesAsync(_today, s => s.Applications.ChooseCourtAsync(
            new ChooseCourtOptions(draft.ApplicationId, CourtVenue.MagistratesCourt, "Bradford Magistrates' Court"), TestData.Officer));

        // Assert
        Assert.Equal((TestData.Coordinator.Name, true, false), (chosen.AuthorisationWithdrawnBy, chosen.AwaitingAuthorisation, chosen.ReadyToAskForAuthorisation));
        Assert.Equal(
            "Court chosen; the respondent's age decides between the youth and magistrates' courts when the application is lodged (R7). "
            + "The change withdrew DS Sam Coordinator's authorisation: what was authorised is what is lodged, so the application is back with the coordinators to authorise again.",
            chosen.Explain());
    }
}
