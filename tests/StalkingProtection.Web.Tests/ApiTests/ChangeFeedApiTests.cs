using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Integration;
using StalkingProtection.Core.People;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.ApiTests;

/// <summary>GET /api/v1/changes: a records system keeps in step with every record created or changed, page by page, never seeing the values.</summary>
public class ChangeFeedApiTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    /// <summary>Far enough ahead that every entry written so far is past the settle time.</summary>
    private static readonly DateTimeOffset _sealAt = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ChangeFeed_FollowedPageByPage_ListsEverySealedChangeOnceInOrder_NoConsultations_AndAuditsEachPage()
    {
        // Arrange
        var data = new TestData(factory.Database);
        var first = await data.CreateCaseAsync();
        var second = await data.CreateCaseAsync();
        await SealAsync();
        var expected = await factory.WithDbAsync(db => db.AuditEntries
            .Where(e => e.RecordId != null && e.Kind != AuditKind.Consultation && e.Kind != AuditKind.Disclosure && e.Kind != AuditKind.SignIn
                && e.Kind != AuditKind.Administration && db.AuditSeals.Any(s => s.EntryId == e.Id))
            .OrderBy(e => e.Id).Select(e => new { e.RecordType, e.RecordId, e.Kind }).ToListAsync());
        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);
        var audited = await CountAuditAsync("Api.Changes.Listed");

        // Act
        var pages = new List<ApiAnswer> { await api.GetAsync("/api/v1/changes?limit=3") };
        while (pages[^1].Json.GetProperty("more").GetBoolean())
        {
            pages.Add(await api.GetAsync(pages[^1].Json.GetProperty("next").GetString()!));
        }

        var after = await api.GetAsync(pages[^1].Json.GetProperty("next").GetString()!);

        // Assert
        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        Assert.All(pages, p => Assert.InRange(p.Json.GetProperty("items").GetArrayLength(), 0, 3));
        var items = pages.SelectMany(p => p.Json.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(
            expected.Select(e => (e.RecordType, e.RecordId!, e.Kind.ToString())),
            items.Select(i => (i.GetProperty("recordType").GetString()!, i.GetProperty("recordId").GetString()!, i.GetProperty("kind").GetString()!)));
        Assert.Equal(items.Count, items.Select(i => i.GetProperty("cursor").GetString()).Distinct().Count());
        Assert.Contains(items, i => i.GetProperty("recordType").GetString() == nameof(StalkingCase)
            && i.GetProperty("recordId").GetString() == first.CaseId.ToString() && i.GetProperty("kind").GetString() == "Collection");
        Assert.Contains(items, i => i.GetProperty("recordId").GetString() == second.CaseId.ToString());
        Assert.Empty(after.Json.GetProperty("items").EnumerateArray());
        Assert.False(after.Json.GetProperty("more").GetBoolean());
        Assert.Equal(pages[^1].Json.GetProperty("next").GetString(), after.Json.GetProperty("next").GetString());
        Assert.Equal(audited + pages.Count + 1, await CountAuditAsync("Api.Changes.Listed", AuditKind.Consultation));
    }

    [Fact]
    public async Task ChangeFeed_AChangeNotYetSealed_IsNotListed_UntilTheChainSealsIt_ThenComesAfterTheCursorAlreadyGiven()
    {
        // Arrange
        var data = new TestData(factory.Database);
        await data.CreateCaseAsync();
        await SealAsync();
        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);
        var caughtUp = await ReadToEndAsync(api, "/api/v1/changes?limit=100");
        var later = await data.CreateCaseAsync();

        // Act
        var beforeSealing = await api.GetAsync(caughtUp);
        await SealAsync();
        var afterSealing = await api.GetAsync(caughtUp);

        // Assert
        Assert.Empty(beforeSealing.Json.GetProperty("items").EnumerateArray());
        Assert.Equal(caughtUp, beforeSealing.Json.GetProperty("next").GetString());
        var ids = afterSealing.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("recordId").GetString()).ToList();
        Assert.Contains(later.CaseId.ToString(), ids);
    }

    [Fact]
    public async Task ChangeFeed_NeverCarriesTheValues_OnlyWhereTheChangeIsAndWhatKindItWas()
    {
        // Arrange
        var data = new TestData(factory.Database);
        var created = await data.CreateCaseAsync();
        await SealAsync();
        var people = await factory.WithDbAsync(db => db.Respondents.Where(r => r.Id == created.RespondentId).Select(r => r.PersonId)
            .Concat(db.Set<Victim>().Where(v => v.Id == created.VictimId).Select(v => v.PersonId)).ToListAsync());
        var values = await factory.WithDbAsync(async db =>
        {
            var names = await db.Set<PersonName>().Where(n => people.Contains(n.PersonId)).Select(n => new[] { n.GivenNames, n.FamilyName }).ToListAsync();
            var pnc = await db.People.Where(p => people.Contains(p.Id) && p.PncId != null).Select(p => p.PncId!).ToListAsync();
            var crime = await db.Cases.Where(c => c.Id == created.CaseId).Select(c => c.CrimeReferences).SingleAsync();
            return names.SelectMany(n => n).Concat(pnc).Concat(crime.Split(',')).ToList();
        });
        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);

        // Act
        var answer = await api.GetAsync("/api/v1/changes?limit=100");
        var body = answer.Body + await ReadBodiesAfterAsync(api, answer);

        // Assert
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(values.Count >= 5, string.Join(", ", values));
        Assert.All(values, v => Assert.DoesNotMatch($@"(?<![\w/]){Regex.Escape(v)}(?![\w/])", body));
        Assert.All(answer.Json.GetProperty("items").EnumerateArray(), i => Assert.Equal(
            ["action", "cursor", "kind", "occurredAt", "recordId", "recordType"],
            i.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData("/api/v1/changes?since=not-a-cursor", "since")]
    [InlineData("/api/v1/changes?since=Y2hhbmdlfC0x", "since")]
    [InlineData("/api/v1/changes?since=Y2hhbmdlfDE&limit=101", "limit")]
    [InlineData("/api/v1/changes?since=abc&limit=x", "limit,since")]
    [InlineData("/api/v1/changes?limit=0", "limit")]
    [InlineData("/api/v1/changes?cursor=Y2hhbmdlfDE", "cursor")]
    public async Task ChangeFeed_ABadCursorOrLimit_AnswersOneProblemNamingEachField(string url, string fields)
    {
        // Arrange
        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);

        // Act
        var answer = await api.GetAsync(url);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(fields.Split(','), answer.Fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ChangeFeed_ACursorOfAnotherList_IsRefusedNamingSince()
    {
        // Arrange
        var data = new TestData(factory.Database);
        var team = $"Feed cursor {Guid.NewGuid():N}"[..40];
        await data.CreateCaseAsync(c => c.InTeam(team));
        await data.CreateCaseAsync(c => c.InTeam(team));
        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);
        var cases = await api.GetAsync($"/api/v1/cases?team={Uri.EscapeDataString(team)}&limit=1");
        var cursor = new Uri("http://x" + cases.Json.GetProperty("next").GetString()).Query.Split('&').Single(p => p.Contains("cursor=", StringComparison.Ordinal)).Split('=')[1];

        // Act
        var changes = await api.GetAsync($"/api/v1/changes?since={cursor}");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, changes.Status);
        Assert.Equal(["since"], changes.Fields);
    }

    private Task<AuditSealResult> SealAsync() => factory.WithDbAsync(db => new AuditChain(db).SealAsync(_sealAt));

    /// <summary>Follows the feed to its end and answers the address to ask next.</summary>
    private static async Task<string> ReadToEndAsync(ApiSession api, string url)
    {
        var answer = await api.GetAsync(url);
        while (answer.Json.GetProperty("more").GetBoolean())
        {
            answer = await api.GetAsync(answer.Json.GetProperty("next").GetString()!);
        }

        return answer.Json.GetProperty("next").GetString()!;
    }

    private static async Task<string> ReadBodiesAfterAsync(ApiSession api, ApiAnswer answer)
    {
        var bodies = "";
        while (answer.Json.GetProperty("more").GetBoolean())
        {
            answer = await api.GetAsync(answer.Json.GetProperty("next").GetString()!);
            bodies += answer.Body;
        }

        return bodies;
    }

    private Task<int> CountAuditAsync(string action, AuditKind? kind = null) =>
        factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == action && (kind == null || e.Kind == kind)));
}
