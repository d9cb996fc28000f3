using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Tasks;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

public class OrderListSortFilterPagingTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static List<Guid> OrderIds(IDocument page) =>
        page.QuerySelectorAll("[data-orders-table] tbody [data-respondent] a").Select(a => Guid.Parse(a.GetAttribute("href")!.Split('/')[^1])).ToList();

    private static List<string> Column(IDocument page, string cell) =>
        page.QuerySelectorAll($"[data-orders-table] tbody [{cell}]").Select(c => c.TextContent.Trim()).ToList();

    [Fact]
    public async Task OrderList_SortedByMadeAscending_ListsOldestFirstAndMarksTheColumn()
    {
        // Arrange
        var team = "Team Sort Made";
        var data = factory.Data();
        var late = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)).WithCase(c => c.InTeam(team)));
        var early = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 10, 2)).WithCase(c => c.InTeam(team)));
        var middle = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 1)).WithCase(c => c.InTeam(team)));
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, team));

        // Act
        var ascending = await client.GetDocumentAsync("/workspace/orders?Filter=All&Sort=Made&Order=Ascending");
        var descending = await client.GetDocumentAsync("/workspace/orders?Filter=All&Sort=Made&Order=Descending");

        // Assert
        Assert.Equal([early.OrderId, middle.OrderId, late.OrderId], OrderIds(ascending));
        Assert.Equal([late.OrderId, middle.OrderId, early.OrderId], OrderIds(descending));
        Assert.Equal("ascending", ascending.QuerySelector("th[data-sort=Made]")!.GetAttribute("aria-sort"));
        Assert.Equal("none", ascending.QuerySelector("th[data-sort=Respondent]")!.GetAttribute("aria-sort"));
        Assert.Contains("Order=Descending", ascending.QuerySelector("th[data-sort=Made] a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrderList_SortedByRespondent_ListsByFamilyNameThenGivenNames()
    {
        // Arrange
        var team = "Team Sort Respondent";
        var data = factory.Data();
        for (var i = 0; i < 6; i++)
        {
            await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).WithCase(c => c.InTeam(team)));
        }

        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, team));

        // Act
        var page = await client.GetDocumentAsync("/workspace/orders?Filter=All&Sort=Respondent&Order=Ascending");

        // Assert
        var keys = Column(page, "data-respondent").Select(n => n.Split(' ')[^1] + " " + string.Join(' ', n.Split(' ')[..^1])).ToList();
        Assert.Equal(6, keys.Count);
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
    }

    [Fact]
    public async Task OrderList_TeamFilter_ListsOnlyThatTeamsOrdersForACoordinator()
    {
        // Arrange
        var data = factory.Data();
        var east = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).WithCase(c => c.InTeam("Team Filter East")));
        var west = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).WithCase(c => c.InTeam("Team Filter West")));
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Coordinator));

        // Act
        var page = await client.GetDocumentAsync("/workspace/orders?Filter=All&Team=Team+Filter+East");

        // Assert
        Assert.Equal([east.OrderId], OrderIds(page));
        Assert.DoesNotContain(west.OrderId, OrderIds(page));
        Assert.NotNull(page.QuerySelector("#Team option[value='Team Filter West']"));
    }

    [Fact]
    public async Task OrderList_OfficerFilter_ListsOnlyTheOrdersOfCasesThatOfficerHolds()
    {
        // Arrange
        var team = "Team Filter Officer";
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).WithCase(c => c.InTeam(team)));
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, team));

        // Act
        var held = await client.GetDocumentAsync($"/workspace/orders?Filter=All&Officer={Uri.EscapeDataString(TestData.Officer.Name)}");
        var other = await client.GetDocumentAsync("/workspace/orders?Filter=All&Officer=PC+Nobody");

        // Assert
        Assert.Equal([order.OrderId], OrderIds(held));
        Assert.Empty(OrderIds(other));
        Assert.Contains("No orders match.", other.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrderList_StatusFilterNoLongerInForce_ListsOnlyEndedOrders()
    {
        // Arrange
        var team = "Team Filter Status";
        var data = factory.Data();
        var made = new DateOnly(2026, 11, 2);
        var discharged = new DateOnly(2026, 11, 20);
        var ended = await data.CreateOrderAsync(o => o.MadeOn(made).ServedOn(made).UntilFurtherOrder().WithCase(c => c.InTeam(team)));
        await data.WithServicesAsync(discharged, s => s.Orders.DischargeAsync(new DischargeOrderOptions(ended.OrderId, ApplicantParty.Defendant, null,
            discharged, discharged, [new DischargeConsent(ConsentParty.Defendant, discharged, ConsentMethod.InCourt),
                new DischargeConsent(ConsentParty.RelevantChiefOfficer, discharged, ConsentMethod.InCourt)]), TestData.Officer));
        var live = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).WithCase(c => c.InTeam(team)));
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, team));

        // Act
        var endedList = await client.GetDocumentAsync("/workspace/orders?Filter=Ended");
        var inForce = await client.GetDocumentAsync("/workspace/orders?Filter=InForce");

        // Assert
        Assert.Equal([ended.OrderId], OrderIds(endedList));
        Assert.Equal([live.OrderId], OrderIds(inForce));
    }

    [Fact]
    public async Task OrderList_NeedsActionFilter_ListsOrdersWithAnOverdueNotificationAndShowsTheDeadline()
    {
        // Arrange
        var team = "Team Filter Action";
        var data = factory.Data();
        var overdue = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).ServedOn(new DateOnly(2026, 11, 3)).WithCase(c => c.InTeam(team)));
        var settled = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).WithCase(c => c.InTeam(team)));
        await factory.WithDbAsync(async db =>
        {
            var tasks = await db.StaffTasks.Where(t => (t.OrderId == settled.OrderId || t.OrderId == overdue.OrderId) && t.Status == StaffTaskStatus.Open).ToListAsync();
            tasks.ForEach(t => t.Complete(factory.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, team));

        // Act
        var page = await client.GetDocumentAsync("/workspace/orders?Filter=All&NeedsAction=true&Sort=NextDeadline&Order=Ascending");

        // Assert
        Assert.Equal([overdue.OrderId], OrderIds(page));
        Assert.DoesNotContain(settled.OrderId, OrderIds(page));
        Assert.Equal(["5 November 2026"], Column(page, "data-next-deadline"));
    }

    [Fact]
    public async Task OrderList_27OrdersWithTiedDates_PagesForwardAndBackByKeysetWithoutRepeats()
    {
        // Arrange
        var team = "Team Paging";
        var data = factory.Data();
        var made = new List<Guid>();
        for (var i = 0; i < 27; i++)
        {
            made.Add((await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 10, 1).AddDays(i % 3)).WithCase(c => c.InTeam(team)))).OrderId);
        }

        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, team));

        // Act
        var first = await client.GetDocumentAsync("/workspace/orders?Filter=InForce&Sort=Made&Order=Ascending");
        var second = await client.GetDocumentAsync(first.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        var back = await client.GetDocumentAsync(second.QuerySelector("a[rel=prev]")!.GetAttribute("href")!);

        // Assert
        var all = OrderIds(first).Concat(OrderIds(second)).ToList();
        Assert.Equal(25, OrderIds(first).Count);
        Assert.Equal(27, all.Distinct().Count());
        Assert.Equal(made.Order(), all.Order());
        Assert.Null(second.QuerySelector("a[rel=next]"));
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        Assert.Equal(OrderIds(first), OrderIds(back));
        Assert.Null(back.QuerySelector("a[rel=prev]"));
        var dates = Column(first, "data-made").Concat(Column(second, "data-made")).Select(d => DateOnly.Parse(d.Split(',')[0], System.Globalization.CultureInfo.GetCultureInfo("en-GB"))).ToList();
        Assert.Equal(dates.Order(), dates);
    }

    [Fact]
    public async Task OrderList_OfficerAskingForAnotherTeam_SeesNoneOfItsOrders()
    {
        // Arrange
        var data = factory.Data();
        var other = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).WithCase(c => c.InTeam("Team Hidden South")));
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, "Team Hidden North"));

        // Act
        var page = await client.GetDocumentAsync("/workspace/orders?Filter=All&Team=Team+Hidden+South&Sort=Respondent");

        // Assert
        Assert.DoesNotContain(other.OrderId, OrderIds(page));
        Assert.Null(page.QuerySelector("#Team option[value='Team Hidden South']"));
    }

    [Theory]
    [InlineData("Sort=Bogus")]
    [InlineData("Order=Sideways")]
    [InlineData("Filter=Nope")]
    [InlineData("NeedsAction=perhaps")]
    [InlineData("Sort=Made&After=not-a-date&AfterId=00000000-0000-0000-0000-000000000001")]
    [InlineData("Sort=Status&Before=9999999999999999999&BeforeId=00000000-0000-0000-0000-000000000001")]
    [InlineData("AfterId=not-a-guid&After=2026-01-01")]
    public async Task OrderList_QueryValueItDoesNotUnderstand_SaysSoAndShowsTheList(string query)
    {
        // Arrange
        var team = $"Team Bad {query}";
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).WithCase(c => c.InTeam(team)));
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, team));

        // Act
        var response = await client.GetAsync($"/workspace/orders?{query}");
        var page = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("[data-list-ignored]"));
        Assert.Equal([order.OrderId], OrderIds(page));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Orders.Listed" && e.Kind == AuditKind.Consultation)));
    }
}

public class OrderListCsvTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task OrderListCsv_Coordinator_DownloadsTheFilteredListWithFormulaCellsGuardedAndItIsAuditedAsADisclosure()
    {
        // Arrange
        var data = factory.Data();
        var listed = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).WithCase(c => c.InTeam("Team Csv North")));
        await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 3)).WithCase(c => c.InTeam("Team Csv South")));
        await factory.WithDbAsync(async db =>
        {
            var personId = await db.Respondents.Where(r => r.Id == listed.Case.RespondentId).Select(r => r.PersonId).SingleAsync();
            return await db.Set<Core.People.PersonName>().Where(n => n.PersonId == personId)
                .ExecuteUpdateAsync(n => n.SetProperty(x => x.GivenNames, "=HYPERLINK(\"http://example.com\")"));
        });
        var user = await factory.CreateUserAsync(StaffRoles.Coordinator);
        var client = factory.CreateBrowser(user);

        // Act
        var page = await client.GetDocumentAsync("/workspace/orders?Filter=All&Team=Team+Csv+North");
        var response = await client.GetAsync(page.QuerySelector("[data-orders-csv]")!.GetAttribute("href")!);
        var csv = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Respondent,Order,Made,Court,Last day,Status,Next deadline,Team", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.StartsWith("\"'=HYPERLINK(", lines[1], StringComparison.Ordinal);
        Assert.Contains("Team Csv North", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Team Csv South", csv, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e =>
            e.Action == "Orders.Downloaded" && e.Kind == AuditKind.Disclosure && e.ActorId == user.Id.ToString() && e.Justification!.Contains("team=Team Csv North"))));
    }

    [Theory]
    [InlineData(StaffRoles.Officer)]
    [InlineData(StaffRoles.LegalServices)]
    public async Task OrderListCsv_NotACoordinator_IsRefused(string role)
    {
        // Arrange
        var user = await factory.CreateUserAsync(role);
        var client = factory.CreateBrowser(user);

        // Act
        var response = await client.GetAsync("/workspace/orders?handler=Csv&Filter=All");
        var page = await client.GetDocumentAsync("/workspace/orders?Filter=All");

        // Assert
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(page.QuerySelector("[data-orders-csv]"));
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Orders.Downloaded" && e.ActorId == user.Id.ToString())));
    }
}
