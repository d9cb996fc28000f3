using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Integration;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Search;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.ApiTests;

/// <summary>GET /api/v1/orders: a records system finds orders by team, PNC ID or name and date of birth, page by page.</summary>
public class OrderListApiTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task ListOrders_ThreeOrdersTwoToAPage_ReturnsThemOldestMadeFirstAcrossTwoPagesAndAuditsEachPage()
    {
        // Arrange
        var team = $"Api list {Guid.NewGuid():N}"[..40];
        var data = new TestData(factory.Database);
        var second = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 3, 2)).WithCase(c => c.InTeam(team)));
        var first = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 3, 1)).WithCase(c => c.InTeam(team)));
        var third = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 3, 3)).WithCase(c => c.InTeam(team)));
        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);
        var audited = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "Api.Orders.Listed"));

        // Act
        var one = await api.GetAsync($"/api/v1/orders?team={Uri.EscapeDataString(team)}&limit=2");
        var next = one.Json.GetProperty("next").GetString()!;
        var two = await api.GetAsync(next);

        // Assert
        Assert.Equal(HttpStatusCode.OK, one.Status);
        Assert.Equal(HttpStatusCode.OK, two.Status);
        Assert.Equal([first.OrderId, second.OrderId], Ids(one));
        Assert.Equal([third.OrderId], Ids(two));
        Assert.False(two.Json.TryGetProperty("next", out _));
        var item = one.Json.GetProperty("items")[0];
        Assert.Equal("2026-03-01", item.GetProperty("madeOn").GetString());
        Assert.Equal(team, item.GetProperty("team").GetString());
        Assert.Equal(first.Application.Case.RespondentId, item.GetProperty("respondentId").GetGuid());
        Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("respondentName").GetString()));
        var entries = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == "Api.Orders.Listed").ToListAsync());
        Assert.Equal(audited + 2, entries.Count);
        Assert.All(entries.TakeLast(2), e => Assert.Equal(AuditKind.Consultation, e.Kind));
    }

    [Fact]
    public async Task ListOrders_ByPncIdOrByFamilyNameAndDateOfBirth_ReturnsOnlyThatRespondentsOrders()
    {
        // Arrange
        var team = $"Api find {Guid.NewGuid():N}"[..40];
        var data = new TestData(factory.Database);
        var wanted = await data.CreateOrderAsync(o => o.WithCase(c => c.InTeam(team).RespondentBornOn(new DateOnly(1979, 2, 3))));
        var other = await data.CreateOrderAsync(o => o.WithCase(c => c.InTeam(team).RespondentBornOn(new DateOnly(1979, 2, 3))));
        var pnc = $"26/{Random.Shared.Next(100000, 999999)}Z";
        var familyName = $"Xylon{Guid.NewGuid():N}"[..14];
        await factory.WithDbAsync(async db =>
        {
            var personId = await db.Respondents.Where(r => r.Id == wanted.Application.Case.RespondentId).Select(r => r.PersonId).SingleAsync();
            await db.People.Where(p => p.Id == personId).ExecuteUpdateAsync(p => p.SetProperty(x => x.PncId, pnc).SetProperty(x => x.PncIdKey, ReferenceKeys.PncId(pnc)));
            return await db.Set<PersonName>().Where(n => n.PersonId == personId).ExecuteUpdateAsync(n => n.SetProperty(x => x.FamilyName, familyName).SetProperty(x => x.FamilySearchKey, PersonName.SearchKey(familyName)));
        });
        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);

        // Act
        // The PNC ID without its slash, in small letters: matched by its key as the lookup and the search match it.
        var byPnc = await api.GetAsync($"/api/v1/orders?pncId={Uri.EscapeDataString(pnc.Replace("/", "", StringComparison.Ordinal).ToLowerInvariant())}");
        var byName = await api.GetAsync($"/api/v1/orders?team={Uri.EscapeDataString(team)}&familyName={Uri.EscapeDataString(familyName.ToUpperInvariant())}&dateOfBirth=1979-02-03");
        var wrongBirthday = await api.GetAsync($"/api/v1/orders?team={Uri.EscapeDataString(team)}&familyName={Uri.EscapeDataString(familyName)}&dateOfBirth=1979-02-04");

        // Assert
        Assert.Equal([wanted.OrderId], Ids(byPnc));
        Assert.Equal([wanted.OrderId], Ids(byName));
        Assert.Empty(Ids(wrongBirthday));
        Assert.DoesNotContain(other.OrderId, Ids(byName));
    }

    [Fact]
    public async Task ListOrders_BadFilters_AnswersOneProblemNamingEachField()
    {
        // Arrange
        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);

        // Act
        var answer = await api.GetAsync("/api/v1/orders?status=Nope&cursor=not-a-cursor&limit=0&familyName=Smith");
        var unknown = await api.GetAsync("/api/v1/orders?sort=made");
        var notANumber = await api.GetAsync("/api/v1/orders?limit=ten");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(["cursor", "dateOfBirth", "limit", "status"], answer.Fields.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Equal(["sort"], unknown.Fields);
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.Status);
        Assert.Equal(["limit"], notANumber.Fields);
    }

    private static List<Guid> Ids(ApiAnswer answer) =>
        [.. answer.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
}
