using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Integration;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Tests.ApiTests;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.ApiClients;

public sealed class ApiClientsMatrix : IAuthorisationMatrixPart
{
    public IReadOnlyDictionary<string, string[]> Routes { get; } = new Dictionary<string, string[]>
    {
        ["/workspace/api-clients"] = [StaffRoles.Administrator],
        ["/workspace/api-clients/create"] = [StaffRoles.Administrator],
    };
}

public class ApiClientPagesTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Create_ShowsTheKeyOnceAndTheKeyWorks()
    {
        // Arrange
        var admin = await factory.CreateUserAsync(StaffRoles.Administrator);
        var browser = factory.CreateBrowser(admin);
        var name = $"Records system {Guid.NewGuid():N}";

        // Act
        var (_, response) = await browser.AnswerCheckAndSaveAsync("/workspace/api-clients/create",
            [OrderPages.F("Name", name), OrderPages.F("Scope", "ReadWrite"), OrderPages.F("MayRecordDecisions", "true")]);
        var document = await response.GetDocumentAsync();
        var key = document.QuerySelector("[data-api-key]")!.TextContent.Trim();
        var list = await browser.GetAsync("/workspace/api-clients");
        var listed = await list.Content.ReadAsStringAsync();
        var call = await ApiSession.WithKey(factory, key).GetAsync("/api/v1/client");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.StartsWith("spk_", key, StringComparison.Ordinal);
        Assert.Contains(name, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, call.Status);
        var saved = await factory.WithDbAsync(db => db.Set<ApiClient>().SingleAsync(c => c.Name == name));
        Assert.Equal((ApiScope.ReadWrite, true), (saved.Scope, saved.MayRecordDecisions));
        Assert.NotEqual(key, saved.KeyHash);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.RecordId == saved.Id.ToString() && a.Action == "ApiClient.Created"));
        Assert.Equal((admin.Id.ToString(), AuditKind.Administration), (audit.ActorId, audit.Kind));
    }

    [Fact]
    public async Task Create_NothingChosen_ShowsGovUkErrorsAndSavesNothing()
    {
        // Arrange
        var browser = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Administrator));
        var before = await factory.WithDbAsync(db => db.Set<ApiClient>().CountAsync());

        // Act
        var document = await (await browser.SubmitFormAsync("/workspace/api-clients/create", new Dictionary<string, string>())).GetDocumentAsync();

        // Assert
        Assert.Equal(["Enter the name of the system", "Select what the client may do", "Select yes if the client may record coordinator decisions"],
            document.ErrorSummaryMessages());
        Assert.Equal(before, await factory.WithDbAsync(db => db.Set<ApiClient>().CountAsync()));
    }

    [Fact]
    public async Task Create_ReadOnlyClientThatRecordsDecisions_IsRefused()
    {
        // Arrange
        var browser = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Administrator));

        // Act
        var document = await (await browser.SubmitFormAsync("/workspace/api-clients/create", new Dictionary<string, string>
        {
            ["Name"] = "Court results feed",
            ["Scope"] = "Read",
            ["MayRecordDecisions"] = "true",
        })).GetDocumentAsync();

        // Assert
        Assert.Equal(["A read-only client cannot record coordinator decisions: select read and write, or no"], document.ErrorSummaryMessages());
    }

    [Fact]
    public async Task RotateKey_ShowsANewKeyAndAuditsTheChange()
    {
        // Arrange
        var admin = await factory.CreateUserAsync(StaffRoles.Administrator);
        var browser = factory.CreateBrowser(admin);
        var (client, oldKey) = await CreateAsync();

        // Act
        var response = await browser.SubmitFormAsync($"/workspace/api-clients/rotate-key/{client.Id}", new Dictionary<string, string>());
        var newKey = (await response.GetDocumentAsync()).QuerySelector("[data-api-key]")!.TextContent.Trim();

        // Assert
        Assert.NotEqual(oldKey, newKey);
        Assert.Equal(HttpStatusCode.OK, (await ApiSession.WithKey(factory, newKey).GetAsync("/api/v1/client")).Status);
        Assert.Equal(HttpStatusCode.OK, (await ApiSession.WithKey(factory, oldKey).GetAsync("/api/v1/client")).Status);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.RecordId == client.Id.ToString() && a.Action == "ApiClient.KeyRotated" && a.ActorId == admin.Id.ToString())));
    }

    [Fact]
    public async Task Revoke_RefusesTheKeyAndListsTheClientAsRevoked()
    {
        // Arrange
        var admin = await factory.CreateUserAsync(StaffRoles.Administrator);
        var browser = factory.CreateBrowser(admin);
        var (client, key) = await CreateAsync();

        // Act
        var response = await browser.SubmitFormAsync($"/workspace/api-clients/revoke/{client.Id}", new Dictionary<string, string>());
        var list = await browser.GetDocumentAsync("/workspace/api-clients");
        var again = await browser.GetAsync($"/workspace/api-clients/revoke/{client.Id}");

        // Assert
        response.AssertRedirectTo("/workspace/api-clients");
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiSession.WithKey(factory, key).GetAsync("/api/v1/client")).Status);
        Assert.Contains("Revoked", list.QuerySelector($"[data-api-client='{client.Id}']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.RecordId == client.Id.ToString() && a.Action == "ApiClient.Revoked" && a.ActorId == admin.Id.ToString())));
    }

    [Fact]
    public async Task Index_ShowsWhenEachClientWasLastUsed()
    {
        // Arrange
        var browser = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Administrator));
        var (used, key) = await CreateAsync();
        var (unused, _) = await CreateAsync();
        await ApiSession.WithKey(factory, key).GetAsync("/api/v1/client");

        // Act
        var document = await browser.GetDocumentAsync("/workspace/api-clients");

        // Assert
        Assert.Equal("28 November 2026 at 12:00pm", document.QuerySelector($"[data-api-client='{used.Id}'] [data-last-used]")!.TextContent.Trim());
        Assert.Equal("Never", document.QuerySelector($"[data-api-client='{unused.Id}'] [data-last-used]")!.TextContent.Trim());
    }

    [Fact]
    public async Task V13_2_1_Index_ShowsEachKeysExpiryAndFlagsKeysEndingWithin30Days()
    {
        // Arrange
        var browser = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Administrator));
        var (fresh, _) = await CreateAsync();
        var (ending, _) = await CreateAsync();
        var endsOn = factory.Clock.GetUtcNow().AddDays(10);
        await factory.WithDbAsync(db => db.Set<ApiClient>().Where(c => c.Id == ending.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.KeyExpiresAt, endsOn)));

        // Act
        var document = await browser.GetDocumentAsync("/workspace/api-clients");

        // Assert
        var freshCell = document.QuerySelector($"[data-api-client='{fresh.Id}'] [data-key-expires]")!;
        var endingCell = document.QuerySelector($"[data-api-client='{ending.Id}'] [data-key-expires]")!;
        Assert.StartsWith("28 November 2027 at 12:00pm", freshCell.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(freshCell.QuerySelector("[data-key-expires-soon]"));
        Assert.StartsWith("8 December 2026 at 12:00pm", endingCell.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Expires within 30 days", endingCell.QuerySelector("[data-key-expires-soon]")!.TextContent.Trim());
    }

    [Fact]
    public async Task S4_CreateWithATeam_ThenChangeTeam_ShowsTheTeamAndAuditsTheChange()
    {
        // Arrange
        var admin = await factory.CreateUserAsync(StaffRoles.Administrator);
        var browser = factory.CreateBrowser(admin);
        var name = $"Harrogate case tool {Guid.NewGuid():N}";
        await browser.AnswerCheckAndSaveAsync("/workspace/api-clients/create",
            [OrderPages.F("Name", name), OrderPages.F("Scope", "Read"), OrderPages.F("MayRecordDecisions", "false"), OrderPages.F("Team", "Harrogate Stalking Team")]);
        var client = await factory.WithDbAsync(db => db.Set<ApiClient>().SingleAsync(c => c.Name == name));

        // Act
        var (_, response) = await browser.AnswerCheckAndSaveAsync($"/workspace/api-clients/change-team/{client.Id}", [OrderPages.F("Team", "")]);
        var list = await browser.GetDocumentAsync("/workspace/api-clients");

        // Assert
        Assert.Equal("Harrogate Stalking Team", client.Team);
        response.AssertRedirectTo("/workspace/api-clients");
        Assert.Equal("Whole force", list.QuerySelector($"[data-api-client='{client.Id}'] [data-team]")!.TextContent.Trim());
        var audit = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.RecordId == client.Id.ToString() && a.Action == "ApiClient.TeamChanged"));
        Assert.Equal((admin.Id.ToString(), AuditKind.Administration), (audit.ActorId, audit.Kind));
        Assert.Contains("Harrogate Stalking Team", audit.OldValues!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeTeam_TooLong_ShowsAGovUkErrorAndSavesNothing()
    {
        // Arrange
        var browser = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Administrator));
        var (client, _) = await CreateAsync();

        // Act
        var document = await (await browser.SubmitFormAsync($"/workspace/api-clients/change-team/{client.Id}",
            new Dictionary<string, string> { ["Team"] = new string('T', 101) })).GetDocumentAsync();

        // Assert
        Assert.Equal(["Team must be 100 characters or fewer"], document.ErrorSummaryMessages());
        Assert.Null(await factory.WithDbAsync(db => db.Set<ApiClient>().Where(c => c.Id == client.Id).Select(c => c.Team).SingleAsync()));
    }

    [Fact]
    public async Task Create_CheckAnswersListsThemWithoutAKey_ChangeKeepsThem_AndNothingIsCreatedBeforeConfirming()
    {
        // Arrange
        var browser = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Administrator));
        var name = $"Custody system {Guid.NewGuid():N}";

        // Act
        var check = await browser.AnswerAsync("/workspace/api-clients/create",
            [OrderPages.F("Name", name), OrderPages.F("Scope", "ReadWrite"), OrderPages.F("MayRecordDecisions", "false"), OrderPages.F("Team", "York Unit")]);
        var change = await browser.GetDocumentAsync(check.QuerySelector("[data-api-client-answers] a")!.GetAttribute("href")!);

        // Assert
        var answers = check.QuerySelector("[data-api-client-answers]")!.TextContent;
        Assert.Equal("Check your answers", check.HeadingText());
        Assert.Contains(name, answers, StringComparison.Ordinal);
        Assert.Contains("Read and write", answers, StringComparison.Ordinal);
        Assert.Contains("York Unit", answers, StringComparison.Ordinal);
        Assert.Null(check.QuerySelector("[data-api-key]"));
        Assert.Equal(name, change.QuerySelector("input[name=Name]")!.GetAttribute("value"));
        Assert.Equal("ReadWrite", change.QuerySelector("input[name=Scope]:checked")!.GetAttribute("value"));
        Assert.Equal("false", change.QuerySelector("input[name=MayRecordDecisions]:checked")!.GetAttribute("value"));
        Assert.Equal("York Unit", change.QuerySelector("input[name=Team]")!.GetAttribute("value"));
        Assert.False(await factory.WithDbAsync(db => db.Set<ApiClient>().AnyAsync(c => c.Name == name)));
    }

    [Fact]
    public async Task S4_ChangeTeam_CheckAnswersListsTheTeam_ChangeKeepsIt_AndNothingIsSavedOrAuditedBeforeConfirming()
    {
        // Arrange
        var browser = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Administrator));
        var (client, _) = await CreateAsync();

        // Act
        var check = await browser.AnswerAsync($"/workspace/api-clients/change-team/{client.Id}", [OrderPages.F("Team", "Scarborough Team")]);
        var change = await browser.GetDocumentAsync(check.QuerySelector("[data-client-team-answers] a")!.GetAttribute("href")!);

        // Assert
        Assert.Contains("Scarborough Team", check.QuerySelector("[data-client-team-answers]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Scarborough Team", change.QuerySelector("input[name=Team]")!.GetAttribute("value"));
        Assert.Null(await factory.WithDbAsync(db => db.Set<ApiClient>().Where(c => c.Id == client.Id).Select(c => c.Team).SingleAsync()));
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.RecordId == client.Id.ToString() && a.Action == "ApiClient.TeamChanged")));
    }

    private async Task<(ApiClient Client, string Key)> CreateAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApiClientService>()
            .CreateAsync(new CreateApiClientOptions($"Records system {Guid.NewGuid():N}", ApiScope.Read, false), Actor.System);
    }
}
