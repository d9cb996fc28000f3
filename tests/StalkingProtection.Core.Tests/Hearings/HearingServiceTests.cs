using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Hearings;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Hearings;

public class HearingServiceTests
{
    [Fact]
    public async Task ListHearingAsyncThenAdjourn_MovesApplicationThroughListedAndAdjourned()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var application = await testData.CreateApplicationAsync();
        var day = new DateOnly(2026, 2, 1);

        // Act
        var hearingId = await testData.WithServicesAsync(day, async s => (await s.Hearings.ListHearingAsync(new ListHearingOptions(application.ApplicationId,
            TestData.NoonOn(day.AddDays(14)), "Leeds Magistrates' Court"), TestData.Officer)).HearingId);
        await testData.WithServicesAsync(day.AddDays(14), s => s.Hearings.AdjournHearingAsync(new AdjournHearingOptions(hearingId, "Respondent's solicitor unwell",
            TestData.NoonOn(day.AddDays(28))), TestData.Officer));

        // Assert
        await using var ctx = db.CreateContext();
        Assert.Equal(ApplicationStatus.Adjourned, (await ctx.Applications.SingleAsync(a => a.Id == application.ApplicationId)).Status);
        Assert.Equal(HearingOutcome.Adjourned, (await ctx.Hearings.SingleAsync(h => h.Id == hearingId)).Outcome);
    }
}
