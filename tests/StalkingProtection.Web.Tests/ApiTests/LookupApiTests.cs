using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Integration;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.ApiTests;

/// <summary>POST /api/v1/lookup: the frontline lookup for a force system, with the incident number or a reason, audited like the page.</summary>
public class LookupApiTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Lookup_ByPncId_ShowsTheOrderInForce_AndWritesTheSameAuditEntriesAsThePage()
    {
        // Arrange
        var order = await new TestData(factory.Database).CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2026, 3, 2)).ServedOn(new DateOnly(2026, 3, 3)));
        var pnc = await factory.WithDbAsync(db => db.Respondents.Where(r => r.Id == order.Case.RespondentId).Select(r => r.Person.PncId!).SingleAsync());
        var user = await factory.CreateUserAsync(StaffRoles.Lookup);
        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);
        var incident = $"INC-{Guid.NewGuid():N}"[..20];

        // Act
        var page = await factory.CreateBrowser(user).SubmitFormAsync("/workspace/lookup", new Dictionary<string, string>
        {
            ["IncidentNumber"] = incident,
            ["PncId"] = pnc,
        });
        var answer = await api.PostAsync("/api/v1/lookup", new { incidentNumber = incident, pncId = pnc });

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var subject = Assert.Single(answer.Json.GetProperty("subjects").EnumerateArray());
        Assert.Equal(order.Case.RespondentId, subject.GetProperty("respondentId").GetGuid());
        Assert.Equal(order.OrderId, Assert.Single(subject.GetProperty("ordersInForce").EnumerateArray()).GetProperty("orderId").GetGuid());
        Assert.DoesNotContain("address", answer.Body, StringComparison.OrdinalIgnoreCase);
        var entries = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Justification == $"Incident {incident}").OrderBy(e => e.Id).ToListAsync());
        var byPage = entries.Where(e => e.ActorId == user.Id.ToString()).Select(Written).ToList();
        var byApi = entries.Where(e => e.ActorId.StartsWith("api:", StringComparison.Ordinal)).Select(Written).ToList();
        Assert.Equal(2, byPage.Count);
        Assert.Equal(byPage, byApi);
    }

    [Fact]
    public async Task Lookup_WithAReasonInsteadOfAnIncidentNumber_IsAuditedWithTheReason()
    {
        // Arrange
        var order = await new TestData(factory.Database).CreateOrderAsync();
        var pnc = await factory.WithDbAsync(db => db.Respondents.Where(r => r.Id == order.Case.RespondentId).Select(r => r.Person.PncId!).SingleAsync());
        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);
        var reason = $"Court results check {Guid.NewGuid():N}";

        // Act
        var answer = await api.PostAsync("/api/v1/lookup", new { reason, pncId = pnc });

        // Assert
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var audited = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Justification == $"Reason: {reason}").Select(e => e.Action).ToListAsync());
        Assert.Equal(["OrderLookup.Searched", "OrderLookup.SubjectShown"], audited.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{ "pncId": "26/123456A" }""", "incidentNumber")]
    [InlineData("""{ "incidentNumber": " ", "reason": "", "pncId": "26/123456A" }""", "incidentNumber")]
    [InlineData("""{ "incidentNumber": "INC-1" }""", "familyName")]
    [InlineData("""{ "incidentNumber": "INC-1", "familyName": "Smith" }""", "dateOfBirth")]
    [InlineData("""{ "incidentNumber": "INC-1", "address": "Park Road" }""", "address")]
    public async Task Lookup_WithoutTheIncidentNumberOrAReason_OrWithoutWhomToFind_Answers400NamingTheField(string body, string field)
    {
        // Arrange
        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);
        var before = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "OrderLookup.Searched"));

        // Act
        var answer = await api.PostJsonAsync("/api/v1/lookup", body);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal([field], answer.Fields);
        Assert.Equal(before, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "OrderLookup.Searched")));
    }

    private static (AuditKind Kind, string Action, string RecordType, string? RecordId, string? NewValues) Written(AuditEntry e) =>
        (e.Kind, e.Action, e.RecordType, e.RecordId, e.NewValues);
}
