using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.VictimUpdates;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

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

    private static Dictionary<string, string> Wants(string channel)
        => new() { ["WantsUpdates"] = "Yes", ["Channel"] = channel, ["SafeFrom"] = "09:00", ["SafeTo"] = "17:30" };

    private static IEnumerable<KeyValuePair<string, string>> Many(string name, params string[] values) => values.Select(v => new KeyValuePair<string, string>(name, v));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields, params KeyValuePair<string, string>[] lists)
    {
        var page = await client.GetDocumentAsync(url);
        var token = page.QuerySelector("form[data-preferences] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var version = page.QuerySelector("form[data-preferences] input[name=Version]")!.GetAttribute("value") ?? "";
        var all = fields.Concat(lists).Append(new("__RequestVerificationToken", token)).Append(new("Version", version));
        return await client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    [Fact]
    public async Task R41_CaseOfficer_SetsPreferences_TheyAreSavedAndAnUpdateWaitsForTheSafeTime()
    {
        // Arrange
        var (created, client, url) = await CaseWithContactAsync();

        // Act
        var saved = await PostAsync(client, url, Wants("Sms"), [.. Many("Events", "ApplicationMade", "OrderGranted"), .. Many("Days", "Monday", "Friday")]);
        await TestData.CreateApplicationAsync(a => a.ForCase(created));
        var page = await client.GetDocumentAsync(url);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
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
        var (created, client, url) = await CaseWithContactAsync();

        // Act
        var response = await PostAsync(client, url, new Dictionary<string, string> { ["WantsUpdates"] = "Yes", ["SafeFrom"] = "18:00", ["SafeTo"] = "09:00" });
        var page = await response.GetDocumentAsync();

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
        var (created, client, url) = await CaseWithContactAsync();

        // Act
        var response = await PostAsync(client, url, Wants("Email"), [.. Many("Events", "OrderServed"), .. Many("Days", "Tuesday")]);
        var page = await response.GetDocumentAsync();

        // Assert
        Assert.Contains(AllErrors(page), e => e.StartsWith("Record the victim's email address before choosing email", StringComparison.Ordinal) && e.Contains("R41", StringComparison.Ordinal));
        Assert.False(await Factory.WithDbAsync(db => db.Set<VictimUpdatePreferences>().AnyAsync(p => p.VictimId == created.VictimId)));
    }

    [Fact]
    public async Task VictimUpdates_AnotherTeamsOfficer_GetsNotFound()
    {
        var (_, _, url) = await CaseWithContactAsync();

        await AssertAccessAsync(url, StaffRoles.Officer, HttpStatusCode.NotFound, team: "Another Team");
    }
}
