using StalkingProtection.Core.Cases;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Cases;

/// <summary>Recording the "consider an SPO" decision answers with what the decision made, and one <c>Explain</c> gives the words (R39).</summary>
public class SpoDecisionRecordedOutcomeTests
{
    private static readonly DateOnly _today = new(2026, 1, 12);

    [Fact]
    public async Task R39_DecisionToApply_OutcomeKeepsTheReasonsAndSaysToDraftTheApplication_R1_R3()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();
        const string rationale = "Fixated and escalating; the victim supports an order and no other order protects her.";

        // Act
        var decided = await testData.WithServicesAsync(_today, s => s.Cases.RecordSpoDecisionAsync(
            new RecordSpoDecisionOptions(created.CaseId, SpoDecisionOutcome.Apply, rationale, "DI Patel", "LS-42"), TestData.Officer));

        // Assert
        Assert.Equal((created.CaseId, SpoDecisionOutcome.Apply, rationale, TestData.Officer.Name, _today, _today),
            (decided.CaseId, decided.Decision, decided.Rationale, decided.DecidedBy, decided.DecidedOn, decided.CaseLatestDecisionOn));
        Assert.Equal(
            "SPO decision recorded: apply for a stalking protection order, decided by PC Alex Test, authorised by DI Patel on 12 January 2026 "
            + "(legal services reference LS-42). The reasons are kept (R39, Malik [2023] EWHC 3213 (Admin)). Next, draft the application: it names the "
            + "chief officer applying (R1) and links the evidence to each of the three limbs of SPA 2019 s.1(1) before it is submitted (R3).",
            decided.Explain());
    }

    [Fact]
    public async Task R39_DecisionNotToApply_OutcomeSaysToConsiderAnOrderAgainAtTheNextDecisionPoint()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();

        // Act
        var decided = await testData.WithServicesAsync(_today, s => s.Cases.RecordSpoDecisionAsync(new RecordSpoDecisionOptions(created.CaseId,
            SpoDecisionOutcome.DoNotApply, "The behaviour stopped after words of advice; the victim does not want an order.", null, null), TestData.Officer));

        // Assert
        Assert.Equal(SpoDecisionOutcome.DoNotApply, decided.Decision);
        Assert.Equal(
            "SPO decision recorded: do not apply for a stalking protection order, decided by PC Alex Test on 12 January 2026. The reasons are kept "
            + "(R39, Malik [2023] EWHC 3213 (Admin)). Consider an order again, and record that decision with its reasons, at the next decision point, "
            + "such as a new act, a charge or a change in risk (R39).",
            decided.Explain());
    }
}
