using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.VictimUpdates;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

/// <summary>R41: a victim's update preferences and the updates written for them, on the case.</summary>
public class VictimUpdatesPageTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    private const string Phone = "07700 900789";

    private async Task<(CreatedCase Case, HttpClient Officer, string Url)> CaseWithContactAsync()
    {
        var created = await TestData.CreateCaseAsync();
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<VictimContactService>()
                .SetAsync(new SetVictimContactOptions(created.VictimId, new VictimContact(Phone, null, "CANARY 4 Quiet Close", null, false)), TestData.Officer);
        }

        var officer = await Factory.CreateUserAsync(StaffRoles.Officer, CaseTeam);
        await Factory.WithDbAsync(async db =>
        {
            var stalkingCase = await db.Cases.SingleAsync(c => c.Id == created.CaseId);
            stalkingCase.Assign(officer.Id.ToString(), CaseTeam, officer.Id);
            return await db.SaveChangesAsync();
        });
        return (created, Factory.CreateBrowser(officer), $"/workspace/cases/{created.CaseId}/victim-updates/{created.VictimId}");
    }

    private static IEnumerable<KeyValuePair<string, string>> Wants(string channel, string[] events, string[] days) =>
        [new("WantsUpdates", "Yes"), new("Channel", channel), new("SafeFrom", "09:00"), new("SafeTo", "17:30"), .. Many("Events", events), .. Many("Days", days)];

    private static IEnumerable<KeyValuePair<string, string>> Many(string name, params string[] values) => values.Select(v => new KeyValuePair<string, string>(name, v));

    private static string ChooseUrl(CreatedCase created) => $"/workspace/cases/choose-victim-updates/{created.CaseId}/{created.VictimId}";

    [Fact]
    public async Task R41_CaseOfficer_SetsPreferences_TheyAreSavedAndAnUpdateWaitsForTheSafeTime()
    {
        // Arrange
        var (created, client, url) = await CaseWithContactAsync();

        // Act
        var (check, saved) = await client.AnswerCheckAndSaveAsync(ChooseUrl(created), Wants("Sms", ["ApplicationMade", "OrderGranted"], ["Monday", "Friday"]));
        await TestData.CreateApplicationAsync(a => a.ForCase(created));
        var page = await client.GetDocumentAsync(url);

        // Assert
        Assert.Contains("An application is made to the court; The court makes the order", check.QuerySelector("[data-choices]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Monday, Friday from 9:00am to 5:30pm", check.QuerySelector("[data-choices]")!.TextContent, StringComparison.Ordinal);
        saved.AssertRedirectTo(url);
        var preferences = await Factory.WithDbAsync(db => db.Set<VictimUpdatePreferences>().SingleAsync(p => p.VictimId == created.VictimId));
        Assert.Equal((VictimUpdateEvent.ApplicationMade | VictimUpdateEvent.OrderGranted, VictimUpdateChannel.Sms, SafeDays.Monday | SafeDays.Friday),
            (preferences.Events, preferences.Channel, preferences.SafeDays));
        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(17, 30)), (preferences.SafeFrom, preferences.SafeTo));
        Assert.Contains("An application is made to the court", page.QuerySelector("[data-outstanding]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("900789", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-local-sink]"));
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "VictimUpdates.MessagesRead" && e.RecordId == created.VictimId.ToString()
            && e.Kind == AuditKind.Consultation)));
    }

    [Fact]
    public async Task R41_WantsUpdatesWithNothingChosen_ShowsEachErrorAndSavesNothing()
    {
        // Arrange
        var (created, client, _) = await CaseWithContactAsync();

        // Act
        var page = await client.AnswerAsync(ChooseUrl(created), [new("WantsUpdates", "Yes"), new("SafeFrom", "18:00"), new("SafeTo", "09:00")]);

        // Assert
        Assert.Equal(
            ["Select the updates the victim wants", "Select the way that is safe", "Select the days when it is safe to send updates",
                "The time until which it is safe must be after the time from which it is safe"],
            AllErrors(page));
        Assert.False(await Factory.WithDbAsync(db => db.Set<VictimUpdatePreferences>().AnyAsync(p => p.VictimId == created.VictimId)));
    }

    [Fact]
    public async Task R41_AChannelTheContactDetailsDoNotHold_IsRefusedWithTheRule()
    {
        // Arrange
        var (created, client, _) = await CaseWithContactAsync();

        // Act: the question page cannot know what the contact details hold, so the rule is refused on saving.
        var question = await client.GetDocumentAsync(ChooseUrl(created));
        var continued = await client.PostFormAsync(question, ChooseUrl(created), Wants("Email", ["OrderServed"], ["Tuesday"]));
        var checkUrl = continued.Headers.Location!.OriginalString;
        var check = await client.GetDocumentAsync(checkUrl);
        var page = await (await client.PostFormAsync(check, checkUrl)).GetDocumentAsync();

        // Assert
        Assert.Contains(AllErrors(page), e => e.StartsWith("Record the victim's email address before choosing email", StringComparison.Ordinal) && e.Contains("R41", StringComparison.Ordinal));
        Assert.False(await Factory.WithDbAsync(db => db.Set<VictimUpdatePreferences>().AnyAsync(p => p.VictimId == created.VictimId)));
    }

    [Fact]
    public async Task R41_DoNotContact_IsCheckedThenSaved_AndWhatWasWaitingIsWithheld()
    {
        // Arrange: updates chosen, and one waiting for a safe time.
        var (created, client, url) = await CaseWithContactAsync();
        await client.AnswerCheckAndSaveAsync(ChooseUrl(created), Wants("Sms", ["ApplicationMade"], ["Monday"]));
        await TestData.CreateApplicationAsync(a => a.ForCase(created));

        // Act
        var (check, saved) = await client.AnswerCheckAndSaveAsync(ChooseUrl(created), [new("WantsUpdates", "No")]);
        var page = await client.GetDocumentAsync(url);

        // Assert
        Assert.Contains("No, do not contact them", check.QuerySelector("[data-choices]")!.TextContent, StringComparison.Ordinal);
        saved.AssertRedirectTo(url);
        Assert.Contains("The victim will not be sent updates", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nothing is waiting for this victim", page.QuerySelector("[data-outstanding]")!.TextContent, StringComparison.Ordinal);
        Assert.True(await Factory.WithDbAsync(db => db.Set<VictimUpdatePreferences>().AnyAsync(p => p.VictimId == created.VictimId && p.DoNotContact)));
    }

    [Fact]
    public async Task R41_ChangeFromCheckAnswers_ComesBackWithTheAnswersGiven()
    {
        // Arrange
        var (created, client, _) = await CaseWithContactAsync();
        var check = await client.AnswerAsync(ChooseUrl(created), Wants("Sms", ["OrderServed", "OrderEnding"], ["Saturday"]));

        // Act
        var change = check.QuerySelector("[data-choices] a")!.GetAttribute("href")!;
        var question = await client.GetDocumentAsync(change);

        // Assert
        Assert.Equal(["OrderServed", "OrderEnding"], question.QuerySelectorAll("input[name=Events][checked]").Select(i => i.GetAttribute("value")!));
        Assert.Equal(["Saturday"], question.QuerySelectorAll("input[name=Days][checked]").Select(i => i.GetAttribute("value")!));
        Assert.Equal("17:30", question.QuerySelector("input[name=SafeTo]")!.GetAttribute("value"));
        Assert.False(await Factory.WithDbAsync(db => db.Set<VictimUpdatePreferences>().AnyAsync(p => p.VictimId == created.VictimId)));
    }

    [Fact]
    public async Task RL4_SomeoneElseSavedTheChoicesMeanwhile_TheConflictIsShownAndNothingIsOverwritten()
    {
        // Arrange: two officers' journeys begin on the same saved choices.
        var (created, client, _) = await CaseWithContactAsync();
        await client.AnswerCheckAndSaveAsync(ChooseUrl(created), Wants("Sms", ["ApplicationMade"], ["Monday"]));
        var mine = await client.AnswerAsync(ChooseUrl(created), Wants("Sms", ["OrderServed"], ["Tuesday"]));
        var mineUrl = mine.QuerySelector("form[method=post]")!.GetAttribute("action")!;
        await client.AnswerCheckAndSaveAsync(ChooseUrl(created), Wants("Sms", ["OrderGranted"], ["Friday"]));

        // Act
        var page = await (await client.PostFormAsync(mine, mineUrl)).GetDocumentAsync();

        // Assert
        Assert.Equal([ConflictMessage], AllErrors(page));
        Assert.Contains("The court makes the order", page.Body!.TextContent, StringComparison.Ordinal);
        var saved = await Factory.WithDbAsync(db => db.Set<VictimUpdatePreferences>().SingleAsync(p => p.VictimId == created.VictimId));
        Assert.Equal((VictimUpdateEvent.OrderGranted, SafeDays.Friday), (saved.Events, saved.SafeDays));
    }

    [Fact]
    public async Task VictimUpdates_AnotherTeamsOfficer_GetsNotFound()
    {
        var (_, _, url) = await CaseWithContactAsync();

        await AssertAccessAsync(url, StaffRoles.Officer, HttpStatusCode.NotFound, team: "Another Team");
    }
}
