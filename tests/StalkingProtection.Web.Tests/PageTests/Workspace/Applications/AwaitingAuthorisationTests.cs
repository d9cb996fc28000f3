using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Applications;

public sealed class AwaitingAuthorisationMatrix : IAuthorisationMatrixPart
{
    public IReadOnlyDictionary<string, string[]> Routes { get; } = new Dictionary<string, string[]>
    {
        ["/workspace/applications/awaiting-authorisation"] = [StaffRoles.Coordinator],
    };
}

public class AwaitingAuthorisationTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    private const string Queue = "/workspace/applications/awaiting-authorisation";

    [Fact]
    public async Task Authorisation_OfficerAsks_ApplicationWaitsInTheCoordinatorsQueueAndSaysAwaitingAuthorisation()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Draft());
        var officer = await BrowserAsync();

        // Act
        var asked = await officer.SubmitFormAsync($"/workspace/applications/{created.ApplicationId}", new Dictionary<string, string>(), "[data-ask-authorisation]");
        var page = await officer.GetDocumentAsync($"/workspace/applications/{created.ApplicationId}");
        var queue = await (await BrowserAsync(StaffRoles.Coordinator, null)).GetDocumentAsync(Queue);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal("Awaiting authorisation", page.QuerySelector("[data-status]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-ask-authorisation]"));
        var row = queue.QuerySelector($"[data-authorisation-queue] [data-application='{created.ApplicationId}']");
        Assert.NotNull(row);
        Assert.Equal("Asked for authorisation", row.QuerySelector("[data-why]")!.TextContent.Trim());
        var respondent = await Factory.WithDbAsync(db => db.Cases.Where(c => c.Id == created.Case.CaseId)
            .SelectMany(c => db.Respondents.Where(r => r.Id == c.RespondentId))
            .SelectMany(r => db.Set<PersonName>().Where(n => n.PersonId == r.PersonId && !n.IsAlias))
            .Select(n => n.GivenNames + " " + n.FamilyName).FirstAsync());
        Assert.Equal(respondent, row.QuerySelector("[data-respondent]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Authorisation_EditedAfterAuthorising_IsWithdrawnAndBackInTheCoordinatorsQueue()
    {
        // Arrange: asked for and authorised, so no longer in the queue.
        var created = await TestData.CreateApplicationAsync(a => a.Draft());
        var officer = await BrowserAsync();
        var coordinator = await BrowserAsync(StaffRoles.Coordinator, null);
        await officer.SubmitFormAsync($"/workspace/applications/{created.ApplicationId}", new Dictionary<string, string>(), "[data-ask-authorisation]");
        await coordinator.SubmitAndConfirmAsync($"/workspace/applications/authorise-application/{created.ApplicationId}",
            new Dictionary<string, string> { ["Decision"] = "Approve" });
        var authorised = await officer.GetDocumentAsync($"/workspace/applications/{created.ApplicationId}");
        var queueBefore = await coordinator.GetDocumentAsync(Queue);

        // Act: the officer changes the court after authorisation.
        var edited = await officer.SubmitAndConfirmAsync($"/workspace/applications/choose-court/{created.ApplicationId}", new Dictionary<string, string>
        {
            ["Venue"] = nameof(CourtVenue.MagistratesCourt),
            ["CourtName"] = "Bradford and Keighley Magistrates' Court",
        });
        var page = await officer.GetDocumentAsync($"/workspace/applications/{created.ApplicationId}");
        var queueAfter = await coordinator.GetDocumentAsync(Queue);

        // Assert
        Assert.Equal("Authorised", authorised.QuerySelector("[data-status]")!.TextContent.Trim());
        Assert.Null(queueBefore.QuerySelector($"[data-application='{created.ApplicationId}']"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal("Awaiting authorisation", page.QuerySelector("[data-status]")!.TextContent.Trim());
        var row = queueAfter.QuerySelector($"[data-authorisation-queue] [data-application='{created.ApplicationId}']");
        Assert.NotNull(row);
        Assert.Equal("Changed after it was authorised", row.QuerySelector("[data-why]")!.TextContent.Trim());
        var application = await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == created.ApplicationId));
        Assert.Null(application.AuthorisedAt);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Application.AuthorisationWithdrawn" && e.RecordId == created.ApplicationId.ToString())));
    }

    [Theory]
    [InlineData(StaffRoles.Officer)]
    [InlineData(StaffRoles.LegalServices)]
    public Task Queue_NotACoordinator_IsRefused(string role) => AssertAccessAsync(Queue, role, HttpStatusCode.Forbidden);
}
