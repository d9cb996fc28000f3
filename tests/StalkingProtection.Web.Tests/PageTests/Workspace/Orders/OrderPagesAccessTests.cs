using System.Net;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

/// <summary>S4 for every order page with route values: case roles see their orders, other roles get 403, another team's order is 404.</summary>
public class OrderPagesAccessTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    public static readonly string[] Pages =
    [
        "/workspace/orders/{order}",
        "/workspace/orders/{order}/documents",
        "/workspace/orders/record-service/{order}",
        "/workspace/orders/record-notification/{order}",
        "/workspace/orders/record-notification/acknowledgement/{order}/{notification}",
        "/workspace/orders/record-name-change/{order}",
        "/workspace/orders/record-address-change/{order}",
        "/workspace/orders/record-soa-part2/{order}",
        "/workspace/orders/record-breach/{order}",
        "/workspace/orders/record-breach/outcome/{order}/{breach}",
        "/workspace/orders/vary-order/{order}",
        "/workspace/orders/renew-order/{order}",
        "/workspace/orders/discharge-order/{order}",
        "/workspace/orders/record-appeal/{order}",
        "/workspace/orders/record-appeal-outcome/{order}/{appeal}",
        "/workspace/orders/apply-to-change-order/{order}",
        "/workspace/orders/record-review/{order}",
        "/workspace/orders/record-order/{application}",
        "/workspace/orders/record-pnc-reference/{order}",
        "/workspace/orders/record-notification-offence/{order}",
        "/workspace/orders/record-notification-offence/outcome/{order}/{offence}",
    ];

    public static TheoryData<string, string> PageAndRole()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in Pages)
        {
            foreach (var role in StaffRoles.All)
            {
                data.Add(page, role);
            }
        }

        return data;
    }

    public static TheoryData<string> AllPages() => new(Pages);

    [Theory]
    [MemberData(nameof(PageAndRole))]
    public async Task Get_EachRole_CaseRolesSeeThePageOthersAreRefused(string page, string role)
    {
        // Arrange
        var url = await UrlAsync(page, team: OrderPages.CaseTeam);
        var user = await factory.CreateUserAsync(role, OrderPages.CaseTeam);
        var client = factory.CreateBrowser(user);

        // Act
        var response = await client.GetAsync(url);

        // Assert
        var expected = StaffRoles.CaseRoles.Contains(role) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        Assert.Equal(expected, response.StatusCode);
    }

    public static TheoryData<string, string> PageAndRefusedRole()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in Pages)
        {
            foreach (var role in StaffRoles.All.Except(StaffRoles.CaseRoles))
            {
                data.Add(page, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PageAndRefusedRole))]
    public async Task Post_RoleWithoutCaseAccess_IsRefused(string page, string role)
    {
        // Arrange
        var url = await UrlAsync(page, team: OrderPages.CaseTeam);
        var user = await factory.CreateUserAsync(role, OrderPages.CaseTeam);
        var client = factory.CreateBrowser(user);

        // Act
        var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>()));

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AllPages))]
    public async Task Get_OfficerOfAnotherTeam_Returns404(string page)
    {
        // Arrange
        var url = await UrlAsync(page, team: OrderPages.CaseTeam);
        var officer = await factory.CreateUserAsync(StaffRoles.Officer, "Another Team");
        var client = factory.CreateBrowser(officer);

        // Act
        var response = await client.GetAsync(url);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AllPages))]
    public async Task Get_RecordThatDoesNotExist_Returns404(string page)
    {
        // Arrange
        var url = page.Replace("{order}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{notification}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{breach}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{appeal}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{offence}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{application}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
        var coordinator = await factory.CreateUserAsync(StaffRoles.Coordinator, OrderPages.CaseTeam);
        var client = factory.CreateBrowser(coordinator);

        // Act
        var response = await client.GetAsync(url);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private Task<string> UrlAsync(string page, string team) => UrlAsync(factory, page, team);

    /// <summary>Also used by the form sweep, which opens every page with a form on real records.</summary>
    internal static async Task<string> UrlAsync(WebAppFactory factory, string page, string team)
    {
        var data = factory.Data();
        if (page.Contains("{application}", StringComparison.Ordinal))
        {
            var application = await data.CreateApplicationAsync(a => a.WithCase(c => c.InTeam(team)));
            return page.Replace("{application}", application.ApplicationId.ToString(), StringComparison.Ordinal);
        }

        // Service is recorded once, so its page is opened on an order not yet served; every other page on one served on 20 March.
        var order = page.StartsWith("/workspace/orders/record-service/", StringComparison.Ordinal)
            ? await data.CreateOrderAsync(o => o.WithCase(c => c.InTeam(team)).MadeOn(new DateOnly(2026, 3, 16)))
            : await data.CreateOrderAsync(o => o.WithCase(c => c.InTeam(team)).ServedOn(new DateOnly(2026, 3, 20)).MadeOn(new DateOnly(2026, 3, 16)));
        var url = page.Replace("{order}", order.OrderId.ToString(), StringComparison.Ordinal);
        if (page.Contains("{notification}", StringComparison.Ordinal))
        {
            var recorded = await data.WithServicesAsync(new DateOnly(2026, 3, 21), s => s.Notifications.RecordNotificationAsync(
                new Core.Notifications.RecordNotificationOptions(order.Case.RespondentId, new Core.Notifications.NotificationEvent.Details(
                    TestData.NoonOn(new DateOnly(2026, 3, 21)), "Leeds Central", Core.Applications.PoliceForce.WestYorkshire,
                    Core.Notifications.NotificationMode.InPersonOral, "PC Desk", false, null, "A Person", "1 High Street", "ACK-" + Guid.NewGuid().ToString("N"),
                    TestData.NoonOn(new DateOnly(2026, 3, 21)), "SP-ACK-1")), TestData.Officer));
            url = url.Replace("{notification}", recorded.NotificationId.ToString(), StringComparison.Ordinal);
        }

        if (page.Contains("{offence}", StringComparison.Ordinal))
        {
            // SPA 2019 s.11(1)(a): served on 20 March, the duty was due by the end of 23 March and never met.
            var offenceId = await data.WithServicesAsync(new DateOnly(2026, 4, 1), async s => (await s.Notifications.RecordOffenceAsync(
                new Core.Notifications.RecordNotificationOffenceOptions(order.Case.RespondentId, order.ObligationId, null,
                    Core.Notifications.NotificationOffence.InitialNotNotified, null), TestData.Officer)).OffenceId);
            url = url.Replace("{offence}", offenceId.ToString(), StringComparison.Ordinal);
        }

        if (page.Contains("{breach}", StringComparison.Ordinal))
        {
            var breachId = await data.WithServicesAsync(new DateOnly(2026, 5, 1), async s => (await s.Breaches.RecordBreachAsync(
                new Core.Breaches.RecordBreachOptions(order.OrderId, order.ConditionIds[0], TestData.NoonOn(new DateOnly(2026, 4, 30)), "Outside her home", "He messaged her"),
                TestData.Officer)).BreachId);
            url = url.Replace("{breach}", breachId.ToString(), StringComparison.Ordinal);
        }

        if (page.Contains("{appeal}", StringComparison.Ordinal))
        {
            var appealId = await data.WithServicesAsync(new DateOnly(2026, 3, 20), async s => (await s.Appeals.LodgeAsync(new Core.Orders.LodgeAppealOptions(order.OrderId, null,
                Core.Orders.AppellantType.Defendant, Core.Orders.AppealableDecision.MakingOfOrder, order.MadeOn, new DateOnly(2026, 4, 7), new DateOnly(2026, 3, 20),
                "Not necessary"), TestData.Officer)).AppealId);
            url = url.Replace("{appeal}", appealId.ToString(), StringComparison.Ordinal);
        }

        return url;
    }
}
