using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Integration;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.ApiTests;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.SignIn;

namespace StalkingProtection.Web.Tests.Performance;

/// <summary>
/// Counts the SQL statements one request runs (P1, P2): with a small data shape and a larger one the count must be
/// the same, so a read never loads conditions or people one at a time, and stay under a ceiling measured on both
/// databases. Each request is made once before it is counted, so one-off reads of the process are not counted. Staff
/// sign in for real (password and two-factor) and carry the session cookie, so the session check each request makes is
/// the one production makes.
/// </summary>
public class StatementCountTests(StatementCountingWebAppFactory factory) : IClassFixture<StatementCountingWebAppFactory>
{
    private static readonly DateOnly SharedDateOfBirth = new(1985, 6, 15);

    /// <summary>
    /// Lookup by name and date of birth, besides the audit inserts: the session, the respondents of the people of that name
    /// and date of birth with their names, the orders in force with their cases, and the terms in force today (one
    /// statement each). The officers are read only when a case names a staff account, which these cases do not.
    /// </summary>
    private const int LookupByNameCeiling = 4;

    /// <summary>Lookup by PNC ID: as by name, the respondents found by the PNC ID's key in one statement with their names.</summary>
    private const int LookupByPncCeiling = 4;

    /// <summary>Case list: the session, one page of cases with their people and officers, the filters' choices.</summary>
    private const int CaseListCeiling = 6;

    /// <summary>
    /// Order page, besides the audit insert: the session, the order with its condition sets and conditions (not the people each
    /// condition protects), its case, the application's title, people and history.
    /// </summary>
    private const int OrderPageCeiling = 20;

    /// <summary>API order read: the client key, the order, its condition sets, their conditions (not their protected people), and its duties as at today.</summary>
    private const int ApiOrderReadCeiling = 5;

    [Fact]
    public async Task P1_LookupByNameAndDateOfBirth_RunsAFixedNumberOfStatementsWhateverTheNumberOfPeopleFound()
    {
        // Arrange
        var one = await CreateNamesakesAsync(1);
        var eight = await CreateNamesakesAsync(8);
        var client = await SignedInBrowserAsync(StaffRoles.Lookup);

        // Act
        var small = await CountLookupAsync(client, new() { ["FamilyName"] = one, ["DateOfBirth.Day"] = "15", ["DateOfBirth.Month"] = "6", ["DateOfBirth.Year"] = "1985" }, 1);
        var large = await CountLookupAsync(client, new() { ["FamilyName"] = eight, ["DateOfBirth.Day"] = "15", ["DateOfBirth.Month"] = "6", ["DateOfBirth.Year"] = "1985" }, 8);

        // Assert
        AssertFixedAndUnder(small, large, LookupByNameCeiling);
    }

    [Fact]
    public async Task P1_LookupByPncId_RunsAFixedNumberOfStatementsWhateverTheNumberOfConditions()
    {
        // Arrange
        var one = await PncIdAsync(await CreateOrderAsync(1));
        var twelve = await PncIdAsync(await CreateOrderAsync(12));
        var client = await SignedInBrowserAsync(StaffRoles.Officer);

        // Act
        var small = await CountLookupAsync(client, new() { ["PncId"] = one }, 1);
        var large = await CountLookupAsync(client, new() { ["PncId"] = twelve }, 1);

        // Assert
        AssertFixedAndUnder(small, large, LookupByPncCeiling);
    }

    [Fact]
    public async Task P1_CaseList_RunsAFixedNumberOfStatementsWhateverTheNumberOfCasesShown()
    {
        // Arrange
        var team = $"Team {Guid.NewGuid():N}";
        var data = new TestData(factory.Database);
        await data.CreateOrderAsync(o => o.WithCase(c => c.InTeam(team)));
        var client = await SignedInBrowserAsync(StaffRoles.Coordinator, team);
        var small = await CountAsync(() => GetOkAsync(client, "/workspace/cases"));
        for (var i = 0; i < 7; i++)
        {
            await data.CreateOrderAsync(o => o.WithCase(c => c.InTeam(team)));
        }

        // Act
        var large = await CountAsync(() => GetOkAsync(client, "/workspace/cases"));

        // Assert
        AssertFixedAndUnder(small, large, CaseListCeiling);
    }

    [Fact]
    public async Task P2_OrderPage_RunsAFixedNumberOfStatementsWhateverTheNumberOfConditions()
    {
        // Arrange
        var one = await CreateOrderAsync(1);
        var twelve = await CreateOrderAsync(12);
        var client = await SignedInBrowserAsync(StaffRoles.Coordinator);

        // Act
        var small = await CountAsync(() => GetOkAsync(client, $"/workspace/orders/{one.OrderId}"));
        var large = await CountAsync(() => GetOkAsync(client, $"/workspace/orders/{twelve.OrderId}"));

        // Assert
        AssertFixedAndUnder(small, large, OrderPageCeiling);
    }

    [Fact]
    public async Task ApiOrderRead_RunsAFixedNumberOfStatementsWhateverTheNumberOfConditions()
    {
        // Arrange
        var one = await CreateOrderAsync(1);
        var twelve = await CreateOrderAsync(12);
        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);

        // Act
        var small = await CountAsync(() => GetOkAsync(api.Client, $"/api/v1/orders/{one.OrderId}"));
        var large = await CountAsync(() => GetOkAsync(api.Client, $"/api/v1/orders/{twelve.OrderId}"));

        // Assert
        AssertFixedAndUnder(small, large, ApiOrderReadCeiling);
    }

    /// <summary>
    /// Dashboard, its figures counted before and nothing changed since: the session, and whether the audit log holds a change to
    /// records newer than the figures (P3). The count itself runs once per change and at midnight, not per request.
    /// </summary>
    private const int DashboardCeiling = 2;

    [Fact]
    public async Task P3_Dashboard_ReadsOnlyWhetherAnythingChangedWhateverTheNumberOfOrders()
    {
        // Arrange
        var client = await SignedInBrowserAsync(StaffRoles.Coordinator);
        await CreateOrderAsync(1);
        var small = await CountAsync(() => GetOkAsync(client, "/workspace"));
        for (var i = 0; i < 3; i++)
        {
            await CreateOrderAsync(1);
        }

        // Act
        var large = await CountAsync(() => GetOkAsync(client, "/workspace"));

        // Assert
        var shown = $"small shape: {small.Count} statements, large shape: {large.Count}\n\n" + string.Join("\n---\n", large);
        Assert.True(small.Count == large.Count, shown);
        Assert.True(large.Count <= DashboardCeiling, $"ceiling {DashboardCeiling}; " + shown);
        Assert.Contains(large, sql => sql.Contains("audit_entries", StringComparison.Ordinal));
    }

    /// <summary>API lists (cases, applications, respondents, orders): the client key, one page of rows with their sort keys, and the audit entry.</summary>
    private const int ApiListCeiling = 3;

    [Theory]
    [InlineData("cases")]
    [InlineData("applications")]
    [InlineData("respondents")]
    [InlineData("orders")]
    public async Task P1_ApiList_RunsAFixedNumberOfStatementsWhateverTheNumberOfRows(string list)
    {
        // Arrange
        var data = new TestData(factory.Database);
        var one = $"Team {Guid.NewGuid():N}";
        var five = $"Team {Guid.NewGuid():N}";
        await data.CreateOrderAsync(o => o.WithCase(c => c.InTeam(one)));
        for (var i = 0; i < 5; i++)
        {
            await data.CreateOrderAsync(o => o.WithCase(c => c.InTeam(five)));
        }

        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);

        // Act
        var small = await CountAsync(() => GetOkAsync(api.Client, $"/api/v1/{list}?team={Uri.EscapeDataString(one)}"));
        var large = await CountAsync(() => GetOkAsync(api.Client, $"/api/v1/{list}?team={Uri.EscapeDataString(five)}"));

        // Assert
        AssertFixedAndUnder(small, large, ApiListCeiling);
    }

    /// <summary>
    /// The statements other than the consultation audit inserts must be the same in number for both shapes and stay
    /// under the ceiling. The audit entries are kept whole: one per person shown, which SQLite sends as one INSERT each
    /// and PostgreSQL batches into one command.
    /// </summary>
    private static void AssertFixedAndUnder(IReadOnlyList<string> small, IReadOnlyList<string> large, int ceiling)
    {
        var smallReads = small.Count(s => !IsAuditInsert(s));
        var largeReads = large.Count(s => !IsAuditInsert(s));
        var shown = $"small shape: {small.Count} statements ({smallReads} besides audit inserts), large shape: {large.Count} ({largeReads})\n\n"
            + string.Join("\n---\n", large);
        Assert.True(smallReads == largeReads, shown);
        Assert.True(largeReads <= ceiling, $"ceiling {ceiling}; " + shown);
        Assert.Contains(large, IsAuditInsert);
    }

    private static bool IsAuditInsert(string sql) =>
        sql.Replace("\"", "", StringComparison.Ordinal).TrimStart().StartsWith("INSERT INTO audit_entries", StringComparison.Ordinal);

    /// <summary>Makes the request once, then counts the statements of the same request made again.</summary>
    private async Task<IReadOnlyList<string>> CountAsync(Func<Task> request)
    {
        await request();
        using var count = factory.Statements.Start();
        await request();
        return count.Statements;
    }

    private static async Task GetOkAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Counts the lookup's post alone: the form with its antiforgery token is fetched before counting starts.</summary>
    private async Task<IReadOnlyList<string>> CountLookupAsync(HttpClient client, Dictionary<string, string> criteria, int expectedSubjects)
    {
        criteria["IncidentNumber"] = "INC-0001-28112026";
        var form = await client.GetDocumentAsync("/workspace/lookup");
        return await CountAsync(async () =>
        {
            var response = await client.PostFormAsync("/workspace/lookup", form, [.. criteria.Select(c => (c.Key, c.Value))]);
            var document = await response.GetDocumentAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expectedSubjects, document.QuerySelectorAll("[data-lookup-subject]").Length);
        });
    }

    /// <summary>A browser signed in through the sign-in pages with password and an enrolled authenticator app.</summary>
    private async Task<HttpClient> SignedInBrowserAsync(string role, string? team = "Team A")
    {
        var user = await factory.CreateUserAsync(role, team, StaffSignIn.Password);
        var client = factory.CreateBrowser();
        await factory.EnrolAsync(client, user);
        return client;
    }

    private Task<CreatedOrder> CreateOrderAsync(int conditions) =>
        new TestData(factory.Database).CreateOrderAsync(o =>
        {
            o.Full().MadeOn(new DateOnly(2026, 3, 2)).ServedOn(new DateOnly(2026, 3, 3));
            for (var i = 1; i <= conditions; i++)
            {
                var n = i;
                o.WithCondition(people => TestData.NoContact(people) with { Wording = $"Must not contact the protected person directly or indirectly by any means ({n})." });
            }
        });

    private Task<string> PncIdAsync(CreatedOrder order) =>
        factory.WithDbAsync(async db => (await db.Respondents.Include(r => r.Person).SingleAsync(r => r.Id == order.Case.RespondentId)).Person.PncId!);

    /// <summary>People with orders in force who share a family name of their own and one date of birth.</summary>
    private async Task<string> CreateNamesakesAsync(int count)
    {
        var family = "Namesake" + string.Concat(Guid.NewGuid().ToString("N").Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));
        for (var i = 0; i < count; i++)
        {
            var order = await new TestData(factory.Database).CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2026, 3, 2)).ServedOn(new DateOnly(2026, 3, 3))
                .WithCase(c => c.RespondentBornOn(SharedDateOfBirth)));
            await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync(
                $"UPDATE person_names SET family_name = {family}, family_search_key = {PersonName.SearchKey(family)} WHERE person_id = (SELECT person_id FROM respondents WHERE id = {order.Case.RespondentId})"));
        }

        return family;
    }
}
