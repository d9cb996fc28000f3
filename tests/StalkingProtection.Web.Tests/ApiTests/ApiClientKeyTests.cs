using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Integration;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.ApiTests;

/// <summary>Rotating, revoking and last use of an API client's key, and who may record a coordinator's decision through the API.</summary>
public class ApiClientKeyTests(ApiClientKeyTests.OverlapFactory factory) : IClassFixture<ApiClientKeyTests.OverlapFactory>
{
    private static readonly DateOnly _today = new(2026, 11, 28);

    [Fact]
    public async Task RotatedKey_OldKeyWorksDuringTheOverlapThenIsRefused()
    {
        // Arrange
        var (client, oldKey) = await CreateAsync(ApiScope.Read);
        var newKey = await WithServiceAsync(s => s.RotateAsync(client.Id, Actor.System));

        // Act
        var oldDuringOverlap = await ApiSession.WithKey(factory, oldKey).GetAsync("/api/v1/client");
        var newDuringOverlap = await ApiSession.WithKey(factory, newKey).GetAsync("/api/v1/client");
        factory.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));
        var oldAfter = await ApiSession.WithKey(factory, oldKey).GetAsync("/api/v1/client");
        var newAfter = await ApiSession.WithKey(factory, newKey).GetAsync("/api/v1/client");

        // Assert
        Assert.NotEqual(oldKey, newKey);
        Assert.Equal(HttpStatusCode.OK, oldDuringOverlap.Status);
        Assert.Equal(HttpStatusCode.OK, newDuringOverlap.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, oldAfter.Status);
        Assert.Equal(HttpStatusCode.OK, newAfter.Status);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.RecordId == client.Id.ToString() && a.Action == "ApiClient.KeyRotated"));
        Assert.Equal(AuditKind.Administration, audit.Kind);
        Assert.DoesNotContain(newKey, audit.NewValues!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedClient_BothItsKeysAreRefusedAtOnce()
    {
        // Arrange
        var (client, oldKey) = await CreateAsync(ApiScope.ReadWrite);
        var newKey = await WithServiceAsync(s => s.RotateAsync(client.Id, Actor.System));

        // Act
        await WithServiceAsync(async s =>
        {
            await s.RevokeAsync(client.Id, Actor.System);
            return 0;
        });
        var old = await ApiSession.WithKey(factory, oldKey).GetAsync("/api/v1/client");
        var current = await ApiSession.WithKey(factory, newKey).GetAsync("/api/v1/client");

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, old.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, current.Status);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.RecordId == client.Id.ToString() && a.Action == "ApiClient.Revoked")));
    }

    [Fact]
    public async Task LastUsed_IsWrittenAtMostOnceAMinute()
    {
        // Arrange
        var (client, key) = await CreateAsync(ApiScope.Read);
        var api = ApiSession.WithKey(factory, key);
        var first = factory.Clock.GetUtcNow();

        // Act
        await api.GetAsync("/api/v1/client");
        var afterFirst = await LastUsedAsync(client.Id);
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        await api.GetAsync("/api/v1/client");
        var afterSecond = await LastUsedAsync(client.Id);
        factory.Clock.Advance(TimeSpan.FromSeconds(31));
        await api.GetAsync("/api/v1/client");
        var afterThird = await LastUsedAsync(client.Id);

        // Assert
        Assert.Equal(first, afterFirst);
        Assert.Equal(first, afterSecond);
        Assert.Equal(first.AddSeconds(61), afterThird);
    }

    [Fact]
    public async Task Authorisation_ClientWithoutTheDecisionsPermission_Is403AndNothingIsSaved()
    {
        // Arrange
        var writer = await ApiSession.CreateAsync(factory);
        var scenario = await new ApiScenario(writer).WithCaseAsync(_today);
        var draft = ApiScenario.Expect(await writer.PostAsync("/api/v1/applications", scenario.FullApplicationBody()));
        var withoutDecisions = await ApiSession.CreateAsync(factory, mayRecordDecisions: false);

        // Act
        var answer = await withoutDecisions.PostAsync($"/api/v1/applications/{draft.Id}/authorisation",
            new { authorisedBy = ApiSession.CoordinatorEmail, version = draft.Version });

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("application/problem+json", answer.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["Authorisation"], answer.RuleIds);
        Assert.Null(await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == draft.Id).Select(a => a.AuthorisedBy).SingleAsync()));
    }

    [Theory]
    [InlineData("DS Sam Coordinator")]
    [InlineData("nobody@force.police.uk")]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    public async Task Authorisation_AuthorisedByNotAStaffAccount_Is422NamingTheRule(string authorisedBy)
    {
        // Arrange
        var api = await ApiSession.CreateAsync(factory);
        var scenario = await new ApiScenario(api).WithCaseAsync(_today);
        var draft = ApiScenario.Expect(await api.PostAsync("/api/v1/applications", scenario.FullApplicationBody()));

        // Act
        var answer = await api.PostAsync($"/api/v1/applications/{draft.Id}/authorisation", new { authorisedBy, version = draft.Version });

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal(["Authorisation"], answer.RuleIds);
        Assert.Equal(["authorisedBy"], answer.Fields);
        Assert.Null(await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == draft.Id).Select(a => a.AuthorisedBy).SingleAsync()));
    }

    [Theory]
    [InlineData(StaffRoles.Officer)]
    [InlineData(StaffRoles.Administrator)]
    public async Task Authorisation_AuthorisedByStaffWithoutTheCoordinatorRole_Is422(string role)
    {
        // Arrange
        var api = await ApiSession.CreateAsync(factory);
        var scenario = await new ApiScenario(api).WithCaseAsync(_today);
        var draft = ApiScenario.Expect(await api.PostAsync("/api/v1/applications", scenario.FullApplicationBody()));
        var notCoordinator = await factory.CreateUserAsync(role);

        // Act
        var answer = await api.PostAsync($"/api/v1/applications/{draft.Id}/authorisation", new { authorisedBy = notCoordinator.Email, version = draft.Version });

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal(["Authorisation"], answer.RuleIds);
    }

    [Fact]
    public async Task Authorisation_ByTheCoordinatorsStaffAccountId_RecordsTheirNameViaTheClient()
    {
        // Arrange
        var api = await ApiSession.CreateAsync(factory, name: "Force records system");
        var scenario = await new ApiScenario(api).WithCaseAsync(_today);
        var draft = ApiScenario.Expect(await api.PostAsync("/api/v1/applications", scenario.FullApplicationBody()));
        var coordinator = await factory.CreateUserAsync(StaffRoles.Coordinator);

        // Act
        var answer = await api.PostAsync($"/api/v1/applications/{draft.Id}/authorisation", new { authorisedBy = coordinator.Id, version = draft.Version });

        // Assert
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("Test Coordinator (via Force records system)", answer.Json.GetProperty("authorisedBy").GetString());
    }

    private async Task<DateTimeOffset?> LastUsedAsync(Guid id) =>
        await factory.WithDbAsync(db => db.Set<ApiClient>().Where(c => c.Id == id).Select(c => c.LastUsedAt).SingleAsync());

    private Task<(ApiClient Client, string Key)> CreateAsync(ApiScope scope) =>
        WithServiceAsync(s => s.CreateAsync(new CreateApiClientOptions($"Records system {Guid.NewGuid():N}", scope, false), Actor.System));

    private async Task<T> WithServiceAsync<T>(Func<ApiClientService, Task<T>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ApiClientService>());
    }

    public sealed class OverlapFactory : WebAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["StalkingProtection:Api:KeyRotationOverlap"] = "02:00:00",
        };
    }
}
