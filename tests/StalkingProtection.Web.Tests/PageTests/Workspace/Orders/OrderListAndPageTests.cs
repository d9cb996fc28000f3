using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

public class OrderListAndPageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task OrderList_Officer_ShowsOnlyTheirTeamsOrders()
    {
        // Arrange
        var data = factory.Data();
        var own = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).WithCase(c => c.InTeam("Team North")));
        var other = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).WithCase(c => c.InTeam("Team South")));
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, "Team North"));

        // Act
        var page = await client.GetDocumentAsync("/workspace/orders?Filter=All");

        // Assert
        var links = page.QuerySelectorAll("[data-orders-table] tbody a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/workspace/orders/{own.OrderId}", links);
        Assert.DoesNotContain($"/workspace/orders/{other.OrderId}", links);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Orders.Listed" && e.Kind == AuditKind.Consultation)));
    }

    [Fact]
    public async Task OrderPage_InForceOrder_SaysItsStatusAndApplicantInPlainWords()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).ServedOn(new DateOnly(2026, 11, 3)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.GetDocumentAsync($"/workspace/orders/{order.OrderId}");
        var application = await client.GetDocumentAsync($"/workspace/applications/{order.Application.ApplicationId}");

        // Assert
        Assert.Equal("In force", SummaryValue(page, "Status today"));
        Assert.Equal("Chief officer of West Yorkshire", SummaryValue(application, "Applicant"));
    }

    private static string SummaryValue(AngleSharp.Dom.IDocument page, string key) =>
        page.QuerySelectorAll(".govuk-summary-list__row").First(r => r.QuerySelector(".govuk-summary-list__key")!.TextContent.Trim() == key)
            .QuerySelector(".govuk-summary-list__value")!.TextContent.Trim();

    [Fact]
    public async Task OrderList_UnservedFilter_ListsOnlyOrdersNotYetServed()
    {
        // Arrange
        var data = factory.Data();
        var served = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).ServedOn(new DateOnly(2026, 11, 3)).WithCase(c => c.InTeam("Team Serve")));
        var unserved = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).WithCase(c => c.InTeam("Team Serve")));
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, "Team Serve"));

        // Act
        var page = await client.GetDocumentAsync("/workspace/orders?Filter=Unserved");

        // Assert
        var links = page.QuerySelectorAll("[data-orders-table] tbody a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/workspace/orders/{unserved.OrderId}"], links);
        Assert.DoesNotContain($"/workspace/orders/{served.OrderId}", links);
    }

    [Fact]
    public async Task OrderPage_R42_ShowsTheCurrentManagementPlan()
    {
        // Arrange
        var data = factory.Data();
        var order = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)).ServedOn(new DateOnly(2026, 11, 20)));
        await data.WithServicesAsync(new DateOnly(2026, 11, 21), s => s.Reviews.CreatePlanAsync(new Core.Reviews.CreateManagementPlanOptions(order.OrderId,
            new Core.Reviews.ManagementPlanContent("DC Priya Shah", "Fixated on the victim since the relationship ended.", null, "Fortnightly home visits.", null,
                new DateOnly(2026, 12, 19))), TestData.Officer));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.GetDocumentAsync($"/workspace/orders/{order.OrderId}");

        // Assert
        var plan = page.QuerySelector("[data-management-plan]")!.TextContent;
        Assert.Contains("DC Priya Shah", plan, StringComparison.Ordinal);
        Assert.Contains("Fortnightly home visits.", plan, StringComparison.Ordinal);
        Assert.Contains("19 December 2026", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrderPage_ServedOrder_ShowsTermsDeadlinesAndTimelineAndAuditsTheView()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)).ServedOn(new DateOnly(2026, 11, 27)));
        var user = await factory.OfficerAsync();
        var client = factory.CreateBrowser(user);

        // Act
        var page = await client.GetDocumentAsync($"/workspace/orders/{order.OrderId}");

        // Assert
        Assert.Contains("Must not contact the protected person", page.QuerySelector("[data-terms-today]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("everywhere in the United Kingdom", page.QuerySelector("[data-terms-today]")!.TextContent, StringComparison.Ordinal);
        var deadlines = page.QuerySelector("[data-deadlines]")!.TextContent;
        Assert.Contains("29 November 2026", deadlines, StringComparison.Ordinal);
        Assert.Contains("Appeal against the making of the order", deadlines, StringComparison.Ordinal);
        var timeline = page.QuerySelector("[data-timeline]")!.TextContent;
        Assert.Contains("Recorded the order as the court made it", timeline, StringComparison.Ordinal);
        Assert.Contains("Recorded service of the order on the respondent", timeline, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e =>
            e.Action == "Order.Viewed" && e.Kind == AuditKind.Consultation && e.RecordId == order.OrderId.ToString() && e.ActorId == user.Id.ToString())));
    }

    [Fact]
    public async Task OrderPage_OverdueNotification_ShowsThePotentialOffence()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).ServedOn(new DateOnly(2026, 11, 3)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.GetDocumentAsync($"/workspace/orders/{order.OrderId}");

        // Assert
        Assert.Contains("Overdue: potential s.11 offence (H20165)", page.QuerySelector("[data-deadlines]")!.TextContent, StringComparison.Ordinal);
    }
}
