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

    [Theory]
    [InlineData(StaffRoles.Coordinator)]
    [InlineData(StaffRoles.Administrator)]
    public async Task Get_WorkspaceFeedback_ListsFeedbackAndAuditsTheRead(string role)
    {
        // Arrange
        var comment = $"Could be shorter {Guid.NewGuid()}";
        await factory.CreateBrowser().SubmitMainFormAsync("/feedback", ("Satisfaction", "VeryDissatisfied"), ("Comments", comment));
        var reader = await factory.CreateUserAsync(role);
        var client = factory.CreateBrowser(reader);

        // Act
        var response = await client.GetAsync("/workspace/feedback");
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(comment, StringComparison.Ordinal));
        Assert.Contains("Very dissatisfied", row.TextContent, StringComparison.Ordinal);
        var reads = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.ActorId == reader.Id.ToString()).ToListAsync());
        var read = Assert.Single(reads);
        Assert.Equal(("Feedback.Read", Core.Auditing.AuditKind.Consultation), (read.Action, read.Kind));
    }

    [Theory]
    [InlineData(StaffRoles.Officer)]
    [InlineData(StaffRoles.LegalServices)]
    [InlineData(StaffRoles.Lookup)]
    [InlineData(StaffRoles.Analyst)]
    public async Task Get_WorkspaceFeedbackAsOtherRoles_IsForbiddenAndNotInTheNavigation(string role)
    {
        // Arrange
        var client = factory.CreateBrowser(await factory.CreateUserAsync(role));

        // Act
        var response = await client.GetAsync("/workspace/feedback");
        var home = await client.GetDocumentAsync("/workspace");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(home.QuerySelectorAll(".govuk-service-navigation__link"), a => a.GetAttribute("href") == "/workspace/feedback");
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
