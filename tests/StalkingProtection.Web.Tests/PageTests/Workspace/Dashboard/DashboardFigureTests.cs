using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Statistics;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.ApiTests;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Dashboard;

/// <summary>
/// The dashboard's figures are counted once and kept (P3), yet right at midnight and after every change. A class of its own:
/// it moves its factory's clock, and the orders it records would change the other dashboard tests' figures.
/// </summary>
public class DashboardFigureTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task R16_SPA2019s5_Dashboard_StopsCountingAnOrderAtMidnightOnItsLastDay()
    {
        // Arrange: a full order whose last day is today; the dashboard seen a second before midnight in London.
        var today = factory.Clock.UkToday;
        await new TestData(factory.Database).CreateOrderAsync(o => o.Full().MadeOn(today.AddYears(-2).AddDays(1)).LastDay(today).ServedOn(today.AddYears(-2).AddDays(1)));
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Coordinator));
        var api = await ApiSession.CreateAsync(factory);
        factory.Clock.SetUtcNow(LondonTime.EndOfDayUtc(today) - TimeSpan.FromSeconds(1));
        var lastDay = await client.GetDocumentAsync("/workspace");
        var lastDayApi = await api.GetAsync("/api/v1/statistics/live-orders");

        // Act
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var dayAfter = await client.GetDocumentAsync("/workspace");
        var dayAfterApi = await api.GetAsync("/api/v1/statistics/live-orders");

        // Assert
        Assert.Matches(@"^\s*1\s+live stalking protection order in force today, 28 November 2026", lastDay.QuerySelector("[data-live-orders-sentence]")!.TextContent);
        Assert.Matches(@"^\s*0\s+live stalking protection orders in force today, 29 November 2026", dayAfter.QuerySelector("[data-live-orders-sentence]")!.TextContent);
        Assert.Equal(("2026-11-28", 1), (lastDayApi.Json.GetProperty("date").GetString(), lastDayApi.Json.GetProperty("total").GetInt32()));
        Assert.Equal(("2026-11-29", 0), (dayAfterApi.Json.GetProperty("date").GetString(), dayAfterApi.Json.GetProperty("total").GetInt32()));
    }
}

/// <summary>The live-orders API answers today's figure from the dashboard's figures, and counts again after an order changes.</summary>
public class DashboardFigureApiTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task R20_GetLiveOrders_AnswersFromTheDashboardFiguresAndCountsAgainAfterADischarge()
    {
        // Arrange
        var today = factory.Clock.UkToday;
        var order = await new TestData(factory.Database).CreateOrderAsync(o => o.Full().UntilFurtherOrder().MadeOn(today.AddYears(-3)));
        var api = await ApiSession.CreateAsync(factory);
        var figures = factory.Services.GetRequiredService<DashboardFigureCache>();
        var before = await api.GetAsync("/api/v1/statistics/live-orders");
        var counted = figures.Computations;
        var again = await api.GetAsync("/api/v1/statistics/live-orders");
        var countedAgain = figures.Computations;

        // Act: discharged today through the service on another DbContext, as another instance would.
        await new TestData(factory.Database).WithServicesAsync(today, s => s.Orders.DischargeAsync(
            new DischargeOrderOptions(order.OrderId, ApplicantParty.Defendant, null, today, today, []), TestData.Officer));
        var after = await api.GetAsync("/api/v1/statistics/live-orders");

        // Assert
        Assert.Equal(1, before.Json.GetProperty("total").GetInt32());
        Assert.Equal(1, again.Json.GetProperty("total").GetInt32());
        Assert.Equal(counted, countedAgain);
        Assert.Equal(0, after.Json.GetProperty("total").GetInt32());
        Assert.Equal(counted + 1, figures.Computations);
    }
}
