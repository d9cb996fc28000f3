using StalkingProtection.Core.Hearings;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Hearings;

/// <summary>Recording the standard of proof answers with the standards argued and found, in one <c>Explain</c> (R38).</summary>
public class StandardOfProofRecordedOutcomeTests
{
    [Fact]
    public async Task R38_CriminalStandardArguedAndCivilFound_OutcomeGivesBothAndTheGuidance()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var application = await testData.CreateApplicationAsync();
        var day = new DateOnly(2026, 2, 1);
        var listed = await testData.WithServicesAsync(day, s => s.Hearings.ListHearingAsync(new ListHearingOptions(application.ApplicationId,
            TestData.NoonOn(day.AddDays(14)), "Leeds Magistrates' Court"), TestData.Officer));

        // Act
        var recorded = await testData.WithServicesAsync(day.AddDays(14), s => s.Hearings.RecordStandardOfProofAsync(
            new RecordStandardOfProofOptions(listed.HearingId, StandardOfProof.Criminal, StandardOfProof.Civil), TestData.Officer));

        // Assert
        Assert.Equal((StandardOfProof.Criminal, StandardOfProof.Civil), (recorded.Argued, recorded.Found));
        Assert.Equal(
            "Standard of proof recorded: the criminal standard (beyond reasonable doubt) was argued and the court applied the civil standard (the balance of probabilities) (R38). "
            + "The April 2024 statutory guidance says the civil standard is likely to apply (R38).",
            recorded.Explain());
    }
}
