using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Tasks;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

/// <summary>SPA 2019 s.4, s.7, s.9: once an order has ended, its page offers only what the law still allows, and lists say how it ended.</summary>
public class EndedOrderPageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly DateOnly _made = new(2026, 11, 2);
    private static readonly DateOnly _discharged = new(2026, 11, 20);

    private async Task<CreatedOrder> DischargedOrderAsync(string team)
    {
        var data = factory.Data();
        var order = await data.CreateOrderAsync(o => o.MadeOn(_made).ServedOn(_made).UntilFurtherOrder().WithCase(c => c.InTeam(team)));

        // A new address two days before the discharge: its 3-day period runs past the end (SPA 2019 s.9(4), R28).
        await data.WithServicesAsync(_discharged.AddDays(-1), s => s.Notifications.RecordAddressChangeAsync(new RecordAddressChangeOptions(order.Case.RespondentId,
            "12 Moss Lane, Leeds", PoliceForce.WestYorkshire, _discharged.AddDays(-1), AddressSource.Notification), TestData.Officer));
        await data.WithServicesAsync(_discharged, s => s.Orders.DischargeAsync(new DischargeOrderOptions(order.OrderId, ApplicantParty.Defendant, null,
            _discharged, _discharged, [new DischargeConsent(ConsentParty.Defendant, _discharged, ConsentMethod.InCourt),
                new DischargeConsent(ConsentParty.RelevantChiefOfficer, _discharged, ConsentMethod.InCourt)]), TestData.Officer));
        return order;
    }

    [Fact]
    public async Task SPA2019_s4_s7_OrderPage_DischargedOrder_OffersOnlyAnAppealAndABreachWhileInForce()
    {
        // Arrange
        var order = await DischargedOrderAsync(OrderPages.CaseTeam);
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.GetDocumentAsync($"/workspace/orders/{order.OrderId}");

        // Assert
        var actions = page.QuerySelectorAll("[data-actions] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/workspace/orders/record-breach/{order.OrderId}", $"/workspace/orders/record-appeal/{order.OrderId}"], actions);
        Assert.Contains("Discharged on 20 November 2026", page.QuerySelector("[data-order-ended]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Excused: Discharged on 20 November 2026, before the notification period ended", page.QuerySelector("[data-deadlines]")!.TextContent,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrderPage_InForceOrder_StillOffersServiceVariationAndDischarge()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(_made).UntilFurtherOrder());
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.GetDocumentAsync($"/workspace/orders/{order.OrderId}");

        // Assert
        var actions = page.QuerySelectorAll("[data-actions] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/workspace/orders/record-service/{order.OrderId}", actions);
        Assert.Contains($"/workspace/orders/vary-order/{order.OrderId}", actions);
        Assert.Contains($"/workspace/orders/discharge-order/{order.OrderId}", actions);
        Assert.Null(page.QuerySelector("[data-order-ended]"));
    }

    [Fact]
    public async Task SPA2019_s9_R28_R33_Discharge_ExcusesTheDutyStillRunningAndClosesTheOrdersTasks()
    {
        // Arrange, Act
        var order = await DischargedOrderAsync("Team Discharge");

        // Assert
        var duties = await factory.WithDbAsync(db => db.NotificationObligations.Where(d => d.RespondentId == order.Case.RespondentId).ToListAsync());
        var moved = Assert.Single(duties, d => d.Trigger == NotificationTrigger.NewAddress);
        Assert.Equal(ObligationStatus.Excused, moved.Status);
        Assert.Contains("SPA 2019 s.9", moved.ExcusedReason, StringComparison.Ordinal);
        var open = await factory.WithDbAsync(db => db.StaffTasks.Where(t => t.OrderId == order.OrderId && t.Status == StaffTaskStatus.Open).ToListAsync());
        Assert.All(open, t => Assert.Equal(StaffTaskType.RecordOnPnc, t.Type));
        Assert.Contains(open, t => t.Key == $"Pnc:Discharged:{order.OrderId}");
    }

    [Fact]
    public async Task OrderList_DischargedOrder_ShowsTheDischargeDateAsItsLastDayAndHowItEnded()
    {
        // Arrange
        var order = await DischargedOrderAsync("Team Ended List");
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, "Team Ended List"));

        // Act
        var page = await client.GetDocumentAsync("/workspace/orders?Filter=All");

        // Assert
        var row = page.QuerySelectorAll("[data-orders-table] tbody tr").Single(r => r.QuerySelector($"a[href='/workspace/orders/{order.OrderId}']") is not null);
        Assert.Equal("Discharged on 20 November 2026", row.QuerySelector("[data-order-status]")!.TextContent.Trim());
        Assert.Contains("20 November 2026", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Until further order", row.TextContent, StringComparison.Ordinal);
    }
}
