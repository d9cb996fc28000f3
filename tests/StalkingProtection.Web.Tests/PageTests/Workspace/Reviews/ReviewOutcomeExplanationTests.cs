using StalkingProtection.Web.Tests.Infrastructure;
using static StalkingProtection.Web.Tests.PageTests.Workspace.Orders.OrderPages;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Reviews;

/// <summary>A review recorded flashes its outcome's words: the next review date the review set and whom the task is for (R42).</summary>
public class ReviewOutcomeExplanationTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task R42_RecordReview_FlashesTheNextReviewDateAndTheLeadOfficersTask()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)).ServedOn(new DateOnly(2026, 11, 20)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (_, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/record-review/{order.OrderId}",
            [F("LeadOfficer", "DC Patel"), F("Summary", "Compliant; no contact reported."), F("PncEntryChecked", "Yes"), .. Date("NextReviewDue", new DateOnly(2027, 2, 26))]);
        var orderPage = await client.GetDocumentAsync(saved.Headers.Location!.OriginalString);

        // Assert
        Assert.Contains("Review recorded, with the order's PNC entry checked. The next review is due by 26 February 2027: a task to review the order's "
            + "management was raised for DC Patel (R42).", orderPage.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
    }
}
