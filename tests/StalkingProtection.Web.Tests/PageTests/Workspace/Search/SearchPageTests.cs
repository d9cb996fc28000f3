using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Search;

/// <summary>S4: the search is case content, for the case roles only.</summary>
public sealed class SearchMatrix : IAuthorisationMatrixPart
{
    public IReadOnlyDictionary<string, string[]> Routes { get; } = new Dictionary<string, string[]>
    {
        ["/workspace/search"] = [.. StaffRoles.CaseRoles],
    };
}

public class SearchPageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private TestData Data => new(factory.Database);

    private async Task<(string Name, string CrimeReference, string PncId)> RespondentOfAsync(CreatedCase created) =>
        await factory.WithDbAsync(async db =>
        {
            var crimeReferences = await db.Cases.Where(c => c.Id == created.CaseId).Select(c => c.CrimeReferences).SingleAsync();
            var personId = await db.Respondents.Where(r => r.Id == created.RespondentId).Select(r => r.PersonId).SingleAsync();
            var person = await db.People.Include(p => p.Names).SingleAsync(p => p.Id == personId);
            return (person.PrimaryName.FullName, crimeReferences, person.PncId!);
        });

    [Fact]
    public async Task Get_RespondentsNameInCapitals_FindsPersonCaseApplicationAndOrderWithLinksAndStatus()
    {
        // Arrange
        var order = await Data.CreateOrderAsync();
        var (name, reference, _) = await RespondentOfAsync(order.Application.Case);
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, "Stalking Team"));

        // Act
        var document = await client.GetDocumentAsync("/workspace/search?q=" + Uri.EscapeDataString(name.ToUpperInvariant()));

        // Assert
        Assert.Contains(name, document.QuerySelector("[data-search-people]")!.TextContent, StringComparison.Ordinal);
        var cases = document.QuerySelector("[data-search-cases]")!;
        Assert.NotNull(cases.QuerySelector($"a[href='/workspace/cases/{order.Application.Case.CaseId}']"));
        Assert.Contains(reference, cases.TextContent, StringComparison.Ordinal);
        Assert.Contains("Open", cases.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector($"[data-search-applications] a[href='/workspace/applications/{order.Application.ApplicationId}']"));
        var orders = document.QuerySelector("[data-search-orders]")!;
        Assert.NotNull(orders.QuerySelector($"a[href='/workspace/orders/{order.OrderId}']"));
        Assert.Contains(name, orders.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_CrimeReferenceAndPncId_FindTheCase()
    {
        // Arrange
        var created = await Data.CreateCaseAsync();
        var (_, reference, pncId) = await RespondentOfAsync(created);
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Coordinator, null));

        // Act
        var byReference = await client.GetDocumentAsync("/workspace/search?q=" + Uri.EscapeDataString(reference.ToLowerInvariant()));
        var byPnc = await client.GetDocumentAsync("/workspace/search?q=" + Uri.EscapeDataString(pncId));

        // Assert
        Assert.NotNull(byReference.QuerySelector($"[data-search-cases] a[href='/workspace/cases/{created.CaseId}']"));
        Assert.NotNull(byPnc.QuerySelector($"[data-search-cases] a[href='/workspace/cases/{created.CaseId}']"));
    }

    [Fact]
    public async Task Get_S4_AnotherTeamsCase_NeverAppearsByNameReferenceOrPnc()
    {
        // Arrange
        var team = "Search team " + Guid.NewGuid().ToString("N")[..6];
        var theirs = await Data.CreateCaseAsync(c => c.InTeam("Elsewhere " + Guid.NewGuid().ToString("N")[..6]));
        var (name, reference, pncId) = await RespondentOfAsync(theirs);
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, team));

        foreach (var q in new[] { name, reference, pncId, theirs.CaseId.ToString() })
        {
            // Act
            var response = await client.GetAsync("/workspace/search?q=" + Uri.EscapeDataString(q));
            var document = await response.GetDocumentAsync();

            // Assert
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(document.QuerySelectorAll("[data-search-people], [data-search-cases], [data-search-applications], [data-search-orders]"));
            Assert.Empty(document.QuerySelectorAll($"a[href*='{theirs.CaseId}']"));
            Assert.DoesNotContain(name, document.Title!, StringComparison.Ordinal);
            Assert.Equal("Nothing found", document.QuerySelector("[data-search-count]")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task Get_Search_IsAuditedAsAConsultationWithWhatWasSearchedFor()
    {
        // Arrange
        var created = await Data.CreateCaseAsync();
        var (_, reference, _) = await RespondentOfAsync(created);
        var officer = await factory.CreateUserAsync(StaffRoles.Officer, "Stalking Team");
        var client = factory.CreateBrowser(officer);

        // Act
        await client.GetDocumentAsync("/workspace/search?q=" + Uri.EscapeDataString(reference));

        // Assert
        var entry = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "Search.Searched" && e.ActorId == officer.Id.ToString()));
        Assert.Equal(Core.Auditing.AuditKind.Consultation, entry.Kind);
        Assert.Contains(reference, entry.Justification, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("%00Smith")]
    [InlineData("Sm%1Bith")]
    public async Task Get_BadInput_ErrorSummaryLinkedToTheBoxAndNothingAudited(string q)
    {
        // Arrange
        var officer = await factory.CreateUserAsync(StaffRoles.Officer, "Stalking Team");
        var client = factory.CreateBrowser(officer);

        // Act
        var response = await client.GetAsync("/workspace/search?q=" + q);
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(document.QuerySelector(".govuk-error-summary a[href='#q']"));
        Assert.StartsWith("Error: ", document.Title, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Search.Searched" && e.ActorId == officer.Id.ToString())));
    }

    [Fact]
    public async Task Get_TooLong_ErrorSummary()
    {
        // Arrange
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, "Stalking Team"));

        // Act
        var document = await client.GetDocumentAsync("/workspace/search?q=" + new string('a', 101));

        // Assert
        Assert.Contains("at most 100 characters", document.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AnyWorkspacePage_HasTheSearchBoxInTheHeader()
    {
        // Arrange
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, "Stalking Team"));

        // Act
        var home = await client.GetDocumentAsync("/workspace");
        var cases = await client.GetDocumentAsync("/workspace/cases");

        // Assert
        Assert.NotNull(home.QuerySelector("form[data-header-search][action='/workspace/search'] input[name=q]"));
        Assert.NotNull(cases.QuerySelector("form[data-header-search][action='/workspace/search'] input[name=q]"));
    }
}
