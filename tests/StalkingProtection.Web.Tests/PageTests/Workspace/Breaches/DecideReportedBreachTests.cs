using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Public;
using StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Breaches;

public class DecideReportedBreachTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private async Task<(Guid OrderId, Guid ReportedId)> ReportedAsync(bool knownOrder = true)
    {
        var data = new TestData(factory.Database);
        var order = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 3, 16)).ServedOn(new DateOnly(2026, 3, 16)));
        var victimReference = knownOrder
            ? await factory.WithDbAsync(db => db.Orders.Where(o => o.Id == order.OrderId).Select(o => o.VictimReference!).SingleAsync())
            : "SPO-ZZZZ-3333";
        var (id, _) = await data.CreateReportedBreachAsync(factory.Services.GetRequiredService<IDataProtectionProvider>(), victimReference, new DateOnly(2026, 11, 27));
        return (order.OrderId, id);
    }

    [Fact]
    public async Task Get_OrderPage_ShowsTheVictimReferenceAndTheReportedBreach()
    {
        // Arrange
        var (orderId, reportedId) = await ReportedAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.GetDocumentAsync($"/workspace/orders/{orderId}");

        // Assert
        Assert.Matches("^SPO-[A-Z2-9]{4}-[A-Z2-9]{4}$", page.QuerySelector("[data-victim-reference]")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector($"[data-reported-breaches] a[href='/workspace/breaches/decide-reported-breach/{reportedId}']"));
    }

    [Fact]
    public async Task R39_Post_NoDecisionOrReasons_ShowsTheErrorSummaryAndTheTaskStaysOpen()
    {
        // Arrange
        var (_, reportedId) = await ReportedAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = $"/workspace/breaches/decide-reported-breach/{reportedId}";

        // Act
        var response = await client.SubmitMainFormAsync(url, ("Decision", "sp-unknown-option"), ("Reasons", "  "));
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var links = document.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#Decision", links);
        Assert.Contains("#Reasons", links);
        Assert.Equal(StaffTaskStatus.Open, await factory.WithDbAsync(db => db.StaffTasks.Where(t => t.RecordId == reportedId).Select(t => t.Status).SingleAsync()));
    }

    [Fact]
    public async Task SPA2019_s8_Post_DecisionWithReasons_RecordsItClosesTheTaskAndKeepsTheOutcomeToTellTheVictim()
    {
        // Arrange
        var (orderId, reportedId) = await ReportedAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var response = await client.SubmitMainFormAsync($"/workspace/breaches/decide-reported-breach/{reportedId}",
            ("Decision", nameof(ReportedBreachDecision.Arrest)), ("Reasons", "Doorbell video shows him at her door."));

        // Assert
        PublicFormExtensions.AssertRedirectTo(response, $"/workspace/orders/{orderId}");
        var reported = await factory.WithDbAsync(db => db.ReportedBreaches.SingleAsync(r => r.Id == reportedId));
        Assert.Equal(ReportedBreachDecision.Arrest, reported.Decision);
        Assert.True(reported.OutcomeToTell);
        Assert.Equal(StaffTaskStatus.Done, await factory.WithDbAsync(db => db.StaffTasks.Where(t => t.RecordId == reportedId).Select(t => t.Status).SingleAsync()));
    }

    [Fact]
    public async Task Get_ReportForNoOrder_IsForCoordinatorsOnlyAndListedInTheirTasks()
    {
        // Arrange
        var (_, reportedId) = await ReportedAsync(knownOrder: false);
        var officer = factory.CreateBrowser(await factory.OfficerAsync());
        var coordinator = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Coordinator, OrderPages.CaseTeam));

        // Act
        var asOfficer = await officer.GetAsync($"/workspace/breaches/decide-reported-breach/{reportedId}");
        var asCoordinator = await coordinator.GetAsync($"/workspace/breaches/decide-reported-breach/{reportedId}");
        var tasks = await coordinator.GetDocumentAsync("/workspace/tasks");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, asOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asCoordinator.StatusCode);
        Assert.NotNull(tasks.QuerySelector($"a[href='/workspace/breaches/decide-reported-breach/{reportedId}']"));
    }
}
