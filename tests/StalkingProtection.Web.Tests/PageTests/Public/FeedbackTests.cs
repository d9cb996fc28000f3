using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Reports;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Public;

public class FeedbackTests(PublicSiteFactory factory) : IClassFixture<PublicSiteFactory>
{
    [Fact]
    public async Task Get_Feedback_WarnsNotToIncludePersonalDetails()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var document = await client.GetDocumentAsync("/feedback");

        // Assert
        Assert.Contains("Do not include personal details", document.QuerySelector(".govuk-warning-text")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("This site is a beta", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(5, document.QuerySelectorAll("input[name=Satisfaction]").Length);
    }

    [Fact]
    public async Task Post_Feedback_StoresItAndThanks()
    {
        // Arrange
        var client = factory.CreateBrowser();
        var comment = $"Clear pages {Guid.NewGuid()}";

        // Act
        var response = await client.SubmitMainFormAsync("/feedback", ("Satisfaction", "Satisfied"), ("Comments", comment));
        var thanks = await client.GetDocumentAsync(response.Location()!);

        // Assert
        response.AssertRedirectTo("/feedback/thank-you");
        Assert.Equal("Thank you for your feedback", thanks.HeadingText());
        var stored = await factory.WithDbAsync(db => db.Feedback.SingleAsync(f => f.Comments == comment));
        Assert.Equal(Satisfaction.Satisfied, stored.Satisfaction);
        Assert.Equal(factory.Clock.GetUtcNow(), stored.SubmittedAt);
    }

    [Theory]
    [InlineData("", "", "Select how satisfied you are with this website")]
    [InlineData("Ecstatic", "", "Select how satisfied you are with this website")]
    [InlineData("Satisfied", "long", "Your comments must be 1200 characters or less")]
    public async Task Post_InvalidFeedback_ShowsError(string satisfaction, string comments, string message)
    {
        // Arrange
        var client = factory.CreateBrowser();
        var text = comments == "long" ? new string('x', 1201) : comments;

        // Act
        var response = await client.SubmitMainFormAsync("/feedback", ("Satisfaction", satisfaction), ("Comments", text));
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([message], document.ErrorSummaryMessages());
    }

    [Fact]
    public async Task Get_WorkspaceFeedback_ListsFeedbackForStaff()
    {
        // Arrange
        var comment = $"Could be shorter {Guid.NewGuid()}";
        await factory.CreateBrowser().SubmitMainFormAsync("/feedback", ("Satisfaction", "VeryDissatisfied"), ("Comments", comment));
        var officer = await factory.CreateUserAsync(StaffRoles.Officer);
        var client = factory.CreateBrowser(officer);

        // Act
        var response = await client.GetAsync("/workspace/feedback");
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(comment, StringComparison.Ordinal));
        Assert.Contains("Very dissatisfied", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WorkspaceFeedbackAnonymous_RedirectsToSignIn()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync("/workspace/feedback");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
