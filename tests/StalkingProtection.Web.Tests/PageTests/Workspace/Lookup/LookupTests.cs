using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Lookup;

public sealed class LookupMatrix : IAuthorisationMatrixPart
{
    public IReadOnlyDictionary<string, string[]> Routes { get; } = new Dictionary<string, string[]>
    {
        ["/workspace/lookup"] = [StaffRoles.Lookup, StaffRoles.Officer, StaffRoles.Coordinator, StaffRoles.LegalServices],
    };
}

public class LookupTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private async Task<(CreatedOrder Order, string Given, string Family, string? Pnc, string Address, string VictimName)> CreateSubjectAsync()
    {
        var order = await new TestData(factory.Database).CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2026, 3, 2)).ServedOn(new DateOnly(2026, 3, 3)));
        return await factory.WithDbAsync(async db =>
        {
            var respondent = await db.Respondents.Include(r => r.Person).ThenInclude(p => p.Names).Include(r => r.Addresses)
                .SingleAsync(r => r.Id == order.Case.RespondentId);
            var victim = await db.Victims.SingleAsync(v => v.Id == order.Case.VictimId);
            // A canary name no respondent can share, so the page can be searched for it.
            var canary = $"Canary{Guid.NewGuid():N}";
            await db.Database.ExecuteSqlAsync($"UPDATE person_names SET family_name = {canary}, family_search_key = {PersonName.SearchKey(canary)} WHERE person_id = {victim.PersonId}");
            var name = respondent.Person.PrimaryName;
            return (order, name.GivenNames, name.FamilyName, respondent.Person.PncId, respondent.Addresses[0].Address, canary);
        });
    }

    [Fact]
    public async Task Post_NameAndDateOfBirth_ShowsTheOrderInForceItsTermsAndOfficerButNothingOfTheVictim()
    {
        // Arrange
        var subject = await CreateSubjectAsync();
        // The class's other tests make respondents from the same pool of names and the same date of birth: this one
        // gets a family name of its own, so that exactly one card can match it.
        var family = "Lookup" + string.Concat(Guid.NewGuid().ToString("N").Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));
        await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE person_names SET family_name = {family}, family_search_key = {PersonName.SearchKey(family)} WHERE person_id = (SELECT person_id FROM respondents WHERE id = {subject.Order.Case.RespondentId}) AND family_name = {subject.Family}"));
        subject = subject with { Family = family };
        var user = await factory.CreateUserAsync(StaffRoles.Lookup);
        var client = factory.CreateBrowser(user);

        // Act
        var response = await client.SubmitFormAsync("/workspace/lookup", new Dictionary<string, string>
        {
            ["IncidentNumber"] = "INC-0042-28112026",
            ["FamilyName"] = subject.Family.ToLowerInvariant(),
            ["DateOfBirth.Day"] = "15",
            ["DateOfBirth.Month"] = "6",
            ["DateOfBirth.Year"] = "1985",
        });
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = document.QuerySelectorAll("[data-lookup-subject]").Single(c => c.TextContent.Contains($"{subject.Given} {subject.Family}", StringComparison.Ordinal));
        Assert.Equal("Order in force today", card.QuerySelector("[data-lookup-status]")!.TextContent.Trim());
        Assert.Contains("Must not contact the protected person", card.QuerySelector("[data-lookup-terms]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("PC Alex Test", card.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(subject.VictimName, document.Body!.TextContent, StringComparison.Ordinal);
        var audited = await factory.WithDbAsync(db => db.AuditEntries
            .Where(e => e.ActorId == user.Id.ToString() && e.Justification == "Incident INC-0042-28112026").Select(e => e.Action).ToListAsync());
        Assert.Contains("OrderLookup.Searched", audited);
        Assert.Contains("OrderLookup.SubjectShown", audited);
    }

    [Fact]
    public async Task Post_PncId_FindsTheSubject()
    {
        // Arrange
        var subject = await CreateSubjectAsync();
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer));

        // Act
        var document = await (await client.SubmitFormAsync("/workspace/lookup", new Dictionary<string, string>
        {
            ["IncidentNumber"] = "INC-1",
            ["PncId"] = subject.Pnc!,
        })).GetDocumentAsync();

        // Assert
        var card = Assert.Single(document.QuerySelectorAll("[data-lookup-subject]"));
        Assert.Contains(subject.Family, card.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_PartOfAddress_FindsTheSubject()
    {
        // Arrange
        var subject = await CreateSubjectAsync();
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Coordinator));

        // Act
        var document = await (await client.SubmitFormAsync("/workspace/lookup", new Dictionary<string, string>
        {
            ["IncidentNumber"] = "INC-2",
            ["Address"] = subject.Address.ToLowerInvariant(),
        })).GetDocumentAsync();

        // Assert
        Assert.Contains(document.QuerySelectorAll("[data-lookup-subject]"), c => c.TextContent.Contains(subject.Family, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_NoMatch_SaysSoAndToCheckPnc()
    {
        // Arrange
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Lookup));

        // Act
        var document = await (await client.SubmitFormAsync("/workspace/lookup", new Dictionary<string, string>
        {
            ["IncidentNumber"] = "INC-3",
            ["PncId"] = "99/9999999Z",
        })).GetDocumentAsync();

        // Assert
        Assert.Equal("No match", document.QuerySelector("#results")!.TextContent.Trim());
        Assert.NotNull(document.QuerySelector("[data-lookup-none]"));
    }

    [Fact]
    public async Task Post_MissingIncidentNumberAndCriteria_ShowsGovUkErrors()
    {
        // Arrange
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Lookup));

        // Act
        var empty = await (await client.SubmitFormAsync("/workspace/lookup", new Dictionary<string, string>())).GetDocumentAsync();
        var nameOnly = await (await client.SubmitFormAsync("/workspace/lookup", new Dictionary<string, string>
        {
            ["IncidentNumber"] = "INC-4",
            ["FamilyName"] = "Smith",
        })).GetDocumentAsync();

        // Assert
        Assert.Equal(["Enter the incident number"], empty.ErrorSummaryMessages());
        Assert.Equal(["Enter a date of birth"], nameOnly.ErrorSummaryMessages());
        Assert.Null(nameOnly.QuerySelector("#results"));
    }

    [Theory]
    [InlineData("High Street")]
    [InlineData("LS1")]
    [InlineData("1")]
    public async Task Post_AddressWithoutHouseNumberAndStreetOrFullPostcode_ShowsGovUkError(string address)
    {
        // Arrange
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Lookup));

        // Act
        var document = await (await client.SubmitFormAsync("/workspace/lookup", new Dictionary<string, string>
        {
            ["IncidentNumber"] = "INC-5",
            ["Address"] = address,
        })).GetDocumentAsync();

        // Assert
        Assert.Equal(["Enter a house number and street, or a full postcode"], document.ErrorSummaryMessages());
        Assert.Null(document.QuerySelector("#results"));
    }

    [Fact]
    public async Task Post_Address_FindsOnlyOrdersInForceOrEndedInTheLast12Months()
    {
        // Arrange
        var street = $"{Random.Shared.Next(100, 999)} Canary{string.Concat(Guid.NewGuid().ToString("N").Select(c => (char)('a' + (c % 26))))} Road";
        var inForce = await OrderAtAsync(o => o.Full().MadeOn(new DateOnly(2026, 3, 2)), street + ", Leeds LS1 4AB");
        var endedRecently = await OrderAtAsync(o => o.Full().MadeOn(new DateOnly(2023, 12, 1)).LastDay(new DateOnly(2025, 12, 31)), street + ", Leeds LS1 4AB");
        var endedLongAgo = await OrderAtAsync(o => o.Full().MadeOn(new DateOnly(2022, 6, 1)).LastDay(new DateOnly(2024, 6, 1)), street + ", Leeds LS1 4AB");
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Lookup));

        // Act
        var document = await (await client.SubmitFormAsync("/workspace/lookup", new Dictionary<string, string>
        {
            ["IncidentNumber"] = "INC-6",
            ["Address"] = street.ToLowerInvariant(),
        })).GetDocumentAsync();

        // Assert
        var cards = document.QuerySelectorAll("[data-lookup-subject]").Select(c => c.TextContent).ToList();
        Assert.Equal(2, cards.Count);
        Assert.Contains(cards, c => c.Contains(inForce, StringComparison.Ordinal));
        Assert.Contains(cards, c => c.Contains(endedRecently, StringComparison.Ordinal));
        Assert.DoesNotContain(cards, c => c.Contains(endedLongAgo, StringComparison.Ordinal));
    }

    /// <summary>Creates an order whose respondent lives at <paramref name="address"/> and has a family name of its own; returns that name.</summary>
    private async Task<string> OrderAtAsync(Action<OrderBuilder> configure, string address)
    {
        var order = await new TestData(factory.Database).CreateOrderAsync(configure);
        var family = $"Canary{Guid.NewGuid():N}";
        await factory.WithDbAsync(async db =>
        {
            var respondent = await db.Respondents.SingleAsync(r => r.Id == order.Case.RespondentId);
            await db.Database.ExecuteSqlAsync($"UPDATE respondent_addresses SET address = {address} WHERE respondent_id = {respondent.Id}");
            return await db.Database.ExecuteSqlAsync($"UPDATE person_names SET family_name = {family}, family_search_key = {PersonName.SearchKey(family)} WHERE person_id = {respondent.PersonId}");
        });
        return family;
    }
}
