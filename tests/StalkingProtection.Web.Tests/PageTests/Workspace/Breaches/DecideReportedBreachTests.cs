using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.Time;
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
            ("Decision", nameof(ReportedBreachDecision.FurtherEnquiries)), ("Reasons", "Asking the neighbour for doorbell video."));

        // Assert
        PublicFormExtensions.AssertRedirectTo(response, $"/workspace/orders/{orderId}");
        var reported = await factory.WithDbAsync(db => db.ReportedBreaches.SingleAsync(r => r.Id == reportedId));
        Assert.Equal(ReportedBreachDecision.FurtherEnquiries, reported.Decision);
        Assert.True(reported.OutcomeToTell);
        Assert.Equal(StaffTaskStatus.Done, await factory.WithDbAsync(db => db.StaffTasks.Where(t => t.RecordId == reportedId).Select(t => t.Status).SingleAsync()));
        Assert.False(await factory.WithDbAsync(db => db.Breaches.AnyAsync(b => b.OrderId == orderId)));
    }

    [Fact]
    public async Task SPA2019_s8_R35_R36_Post_Arrest_RecordsABreachOfTheChosenConditionWithTheArrest()
    {
        // Arrange
        var (orderId, reportedId) = await ReportedAsync();
        var conditionId = await factory.WithDbAsync(async db => (await db.Orders.SingleAsync(o => o.Id == orderId)).ConditionSets.SelectMany(c => c.Conditions).First().Id);
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var response = await client.SubmitMainFormAsync($"/workspace/breaches/decide-reported-breach/{reportedId}",
            ("Decision", nameof(ReportedBreachDecision.Arrest)), ("Reasons", "Doorbell video shows him at her door."), ("ConditionId", conditionId.ToString()),
            ("ArrestedOn.Day", "28"), ("ArrestedOn.Month", "11"), ("ArrestedOn.Year", "2026"), ("ArrestedTime", "09:15"));

        // Assert
        PublicFormExtensions.AssertRedirectTo(response, $"/workspace/orders/{orderId}");
        Assert.Equal(ReportedBreachDecision.Arrest, await factory.WithDbAsync(db => db.ReportedBreaches.Where(r => r.Id == reportedId).Select(r => r.Decision).SingleAsync()));
        var breach = await factory.WithDbAsync(db => db.Breaches.SingleAsync(b => b.OrderId == orderId));
        Assert.Equal(conditionId, breach.ConditionId);
        Assert.Equal(LondonTime.ToUtc(new DateOnly(2026, 11, 28), new TimeOnly(9, 15)), breach.ArrestedAt);
        Assert.Equal(LondonTime.ToUtc(new DateOnly(2026, 11, 27), new TimeOnly(17, 30)), breach.IncidentAt);
    }

    [Fact]
    public async Task R35_Post_ArrestWithoutTheConditionOrTheArrest_ShowsTheErrorSummaryAndRecordsNothing()
    {
        // Arrange
        var (orderId, reportedId) = await ReportedAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var response = await client.SubmitMainFormAsync($"/workspace/breaches/decide-reported-breach/{reportedId}",
            ("Decision", nameof(ReportedBreachDecision.Arrest)), ("Reasons", "Doorbell video shows him at her door."), ("ArrestedTime", "quarter past"));
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var links = document.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#ConditionId", links);
        Assert.Contains("#ArrestedTime", links);
        Assert.Contains(links, l => l!.StartsWith("#ArrestedOn", StringComparison.Ordinal));
        Assert.Null(await factory.WithDbAsync(db => db.ReportedBreaches.Where(r => r.Id == reportedId).Select(r => r.Decision).SingleAsync()));
        Assert.False(await factory.WithDbAsync(db => db.Breaches.AnyAsync(b => b.OrderId == orderId)));
    }

    [Fact]
    public async Task DPA2018_s62_ShowContact_HiddenUntilAReasonIsGivenThenShownAndAuditedWithTheReason()
    {
        // Arrange
        var (_, reportedId) = await ReportedAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = $"/workspace/breaches/decide-reported-breach/{reportedId}";

        // Act
        var page = await client.GetDocumentAsync(url);
        var withoutReason = await (await client.SubmitFormAsync(url, new Dictionary<string, string> { ["ContactReason"] = " " }, "form[data-show-contact]")).GetDocumentAsync();
        var withReason = await (await client.SubmitFormAsync(url, new Dictionary<string, string> { ["ContactReason"] = "To tell her the decision" }, "form[data-show-contact]"))
            .GetDocumentAsync();

        // Assert
        Assert.DoesNotContain("07700 900456", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-contact-details]"));
        Assert.Contains("#ContactReason", withoutReason.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")));
        Assert.DoesNotContain("07700 900456", withoutReason.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("07700 900456", withReason.QuerySelector("[data-contact-details]")!.TextContent, StringComparison.Ordinal);
        var reads = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "ReportedBreach.ContactDetailsViewed" && e.RecordId == reportedId.ToString()).ToListAsync());
        Assert.Equal("To tell her the decision", Assert.Single(reads).Justification);
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
