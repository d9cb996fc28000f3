using StalkingProtection.Core.Hearings;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Hearings;

/// <summary>Listing and adjourning a hearing answer with what the hearing decided, in one <c>Explain</c>.</summary>
public class HearingRecordedOutcomeTests
{
    [Fact]
    public async Task ListHearingThenAdjourn_OutcomesGiveTheCourtTheDayTheTaskRaisedAndTheNextHearing()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var application = await testData.CreateApplicationAsync();
        var day = new DateOnly(2026, 2, 1);

        // Act
        var listed = await testData.WithServicesAsync(day, s => s.Hearings.ListHearingAsync(new ListHearingOptions(application.ApplicationId,
            TestData.NoonOn(day.AddDays(14)), "Leeds Magistrates' Court"), TestData.Officer));
        var adjourned = await testData.WithServicesAsync(day.AddDays(14), s => s.Hearings.AdjournHearingAsync(new AdjournHearingOptions(listed.HearingId,
            "Respondent's solicitor unwell", TestData.NoonOn(day.AddDays(28))), TestData.Officer));

        // Assert
        Assert.Equal((HearingOutcome.Pending, TestData.Officer.Name), (listed.Outcome, listed.PreparationTaskFor));
        Assert.Equal(
            "Hearing added: the application is listed at Leeds Magistrates' Court on 15 February 2026 at 12:00pm. A task to prepare for it was raised for PC Alex Test.",
            listed.Explain());
        Assert.Equal(HearingOutcome.Adjourned, adjourned.Outcome);
        Assert.Equal(
            "Hearing adjourned: the hearing at Leeds Magistrates' Court on 15 February 2026 at 12:00pm was adjourned (Respondent's solicitor unwell). "
            + "The application is not yet determined. The next hearing is on 1 March 2026 at 12:00pm: add it when the court lists it.",
            adjourned.Explain());
    }
}
