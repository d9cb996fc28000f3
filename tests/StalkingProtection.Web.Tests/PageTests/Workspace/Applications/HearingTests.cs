using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Pages.Workspace.Applications.RecordHearingOutcome;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Applications;

public class HearingTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    private Task<Guid> ListAsync(Guid applicationId) =>
        TestData.WithServicesAsync(new DateOnly(2026, 11, 20), async s => (await s.Hearings.ListHearingAsync(new ListHearingOptions(applicationId,
            LondonTime.ToUtc(new DateOnly(2026, 11, 27), new TimeOnly(10, 0)), "Leeds Magistrates' Court"), StalkingProtection.TestCommon.TestData.Officer)).HearingId);

    [Fact]
    public async Task Post_HearingDate_IsListed()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Lodged(new DateOnly(2026, 11, 2)));
        var client = await BrowserAsync();
        var fields = new Dictionary<string, string> { ["HearingAt"] = "10:30", ["CourtName"] = "Leeds Magistrates' Court" };
        foreach (var (k, v) in Date("HearingOn", new DateOnly(2026, 12, 14)))
        {
            fields[k] = v;
        }

        // Act
        var response = await client.SubmitAndConfirmAsync($"/workspace/applications/list-hearing/{created.ApplicationId}", fields);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var hearing = await Factory.WithDbAsync(db => db.Hearings.SingleAsync(h => h.ApplicationId == created.ApplicationId));
        Assert.Equal(LondonTime.ToUtc(new DateOnly(2026, 12, 14), new TimeOnly(10, 30)), hearing.ListedFor);
        Assert.Equal(ApplicationStatus.Listed, (await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == created.ApplicationId))).Status);
    }

    [Fact]
    public async Task Post_HearingNothingEntered_ShowsEachError()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Lodged(new DateOnly(2026, 11, 2)));
        var client = await BrowserAsync();

        // Act
        var document = await (await client.SubmitAndConfirmAsync($"/workspace/applications/list-hearing/{created.ApplicationId}",
            new Dictionary<string, string> { ["CourtName"] = "" })).GetDocumentAsync();

        // Assert
        Assert.Equal(["Enter the date of the hearing", "Enter the time of the hearing", "Enter the court"], document.ErrorSummaryMessages());
    }

    [Fact]
    public async Task Post_HearingForDraft_ShowsStatusRule()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Draft());
        var client = await BrowserAsync();
        var fields = new Dictionary<string, string> { ["HearingAt"] = "10:30", ["CourtName"] = "Leeds Magistrates' Court" };
        foreach (var (k, v) in Date("HearingOn", new DateOnly(2026, 12, 14)))
        {
            fields[k] = v;
        }

        // Act
        var document = await (await client.SubmitAndConfirmAsync($"/workspace/applications/list-hearing/{created.ApplicationId}", fields)).GetDocumentAsync();

        // Assert
        Assert.Equal(["The application is draft, not before the court"], AllErrors(document));
    }

    [Fact]
    public async Task Post_MainApplicationRefused_R17_CeasesInterimOrder()
    {
        // Arrange
        var interim = await TestData.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 11, 10)));
        var mainId = interim.Application.MainApplicationId!.Value;
        var hearingId = await ListAsync(mainId);
        var client = await BrowserAsync();

        // Act
        var response = await client.SubmitAndConfirmAsync($"/workspace/applications/record-hearing-outcome/{hearingId}",
            new Dictionary<string, string> { ["Outcome"] = nameof(HearingResult.Refused), ["Reason"] = "The court was not satisfied the order was necessary." });

        // Assert
        Assert.Equal($"/workspace/applications/{mainId}", response.Headers.Location!.OriginalString);
        var order = await Factory.WithDbAsync(db => db.Orders.SingleAsync(o => o.Id == interim.OrderId));
        Assert.Equal(OrderStatus.Ceased, order.StatusOn(new DateOnly(2026, 11, 28)));
        Assert.Equal(HearingOutcome.Determined, (await Factory.WithDbAsync(db => db.Hearings.SingleAsync(h => h.Id == hearingId))).Outcome);
        Assert.Equal(Determination.Refused, (await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == mainId))).Determination);
    }

    [Fact]
    public async Task Post_Granted_GoesOnToRecordTheOrderTheCourtMade()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Lodged(new DateOnly(2026, 11, 2)));
        var hearingId = await ListAsync(created.ApplicationId);
        var client = await BrowserAsync();

        // Act
        var response = await client.SubmitAndConfirmAsync($"/workspace/applications/record-hearing-outcome/{hearingId}",
            new Dictionary<string, string> { ["Outcome"] = nameof(HearingResult.Granted) });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/workspace/orders/record-order/{created.ApplicationId}", response.Headers.Location!.OriginalString);
        Assert.Equal(HearingOutcome.Pending, (await Factory.WithDbAsync(db => db.Hearings.SingleAsync(h => h.Id == hearingId))).Outcome);
    }

    [Fact]
    public async Task Get_ApplicationWithHearings_NamesEachOutcomeInWords()
    {
        // Arrange
        var interim = await TestData.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 11, 10)));
        var mainId = interim.Application.MainApplicationId!.Value;
        var decidedId = await ListAsync(mainId);
        var client = await BrowserAsync();
        await client.SubmitAndConfirmAsync($"/workspace/applications/record-hearing-outcome/{decidedId}",
            new Dictionary<string, string> { ["Outcome"] = nameof(HearingResult.Refused), ["Reason"] = "The court was not satisfied the order was necessary." });
        var other = await TestData.CreateApplicationAsync(a => a.Lodged(new DateOnly(2026, 11, 2)));
        await ListAsync(other.ApplicationId);

        // Act
        var decided = (await (await client.GetAsync($"/workspace/applications/{mainId}")).GetDocumentAsync()).QuerySelector("[data-hearings]")!.TextContent;
        var pending = (await (await client.GetAsync($"/workspace/applications/{other.ApplicationId}")).GetDocumentAsync()).QuerySelector("[data-hearings]")!.TextContent;

        // Assert
        Assert.Contains("Application decided", decided, StringComparison.Ordinal);
        Assert.Contains("Outcome not yet recorded", pending, StringComparison.Ordinal);
        Assert.DoesNotContain("Determined", decided, StringComparison.Ordinal);
        Assert.DoesNotContain("Pending", pending, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Adjourned_RecordsReasonAndNextDate()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Lodged(new DateOnly(2026, 11, 2)));
        var hearingId = await ListAsync(created.ApplicationId);
        var client = await BrowserAsync();
        var fields = new Dictionary<string, string> { ["Outcome"] = nameof(HearingResult.Adjourned), ["Reason"] = "Respondent's counsel unavailable" };
        foreach (var (k, v) in Date("NextHearingOn", new DateOnly(2027, 1, 8)))
        {
            fields[k] = v;
        }

        // Act
        await client.SubmitAndConfirmAsync($"/workspace/applications/record-hearing-outcome/{hearingId}", fields);

        // Assert
        var hearing = await Factory.WithDbAsync(db => db.Hearings.SingleAsync(h => h.Id == hearingId));
        Assert.Equal(HearingOutcome.Adjourned, hearing.Outcome);
        Assert.Equal("Respondent's counsel unavailable", hearing.AdjournmentReason);
    }

    [Fact]
    public async Task Post_OutcomeNothingEntered_ShowsError()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Lodged(new DateOnly(2026, 11, 2)));
        var hearingId = await ListAsync(created.ApplicationId);
        var client = await BrowserAsync();

        // Act
        var first = await (await client.SubmitAndConfirmAsync($"/workspace/applications/record-hearing-outcome/{hearingId}", new Dictionary<string, string>())).GetDocumentAsync();
        var second = await (await client.SubmitAndConfirmAsync($"/workspace/applications/record-hearing-outcome/{hearingId}",
            new Dictionary<string, string> { ["Outcome"] = nameof(HearingResult.Refused) })).GetDocumentAsync();

        // Assert
        Assert.Equal(["Select what happened at the hearing"], first.ErrorSummaryMessages());
        Assert.Equal(["Enter the reasons for the decision (R39)"], second.ErrorSummaryMessages());
    }

    [Fact]
    public async Task Post_OutcomeAfterSomeoneElseChangedTheApplication_RL4_ShowsConflict()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Lodged(new DateOnly(2026, 11, 2)));
        var hearingId = await ListAsync(created.ApplicationId);
        var client = await BrowserAsync();
        var url = $"/workspace/applications/record-hearing-outcome/{hearingId}";
        var stale = await VersionOnPageAsync(client, url);
        var other = await ListAsync(created.ApplicationId);
        await TestData.WithServicesAsync(new DateOnly(2026, 11, 28), s => s.Hearings.AdjournHearingAsync(
            new AdjournHearingOptions(other, "Court time ran out", null), StalkingProtection.TestCommon.TestData.Officer));

        // Act
        var document = await (await client.SubmitAndConfirmAsync(url, new Dictionary<string, string>
        {
            ["Outcome"] = nameof(HearingResult.Refused),
            ["Reason"] = "Not necessary",
            ["Version"] = stale,
        })).GetDocumentAsync();

        // Assert
        Assert.Equal([ConflictMessage], AllErrors(document));
        Assert.Null((await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == created.ApplicationId))).Determination);
        Assert.Equal(HearingOutcome.Pending, (await Factory.WithDbAsync(db => db.Hearings.SingleAsync(h => h.Id == hearingId))).Outcome);
    }

    [Fact]
    public async Task Get_OfficerOfAnotherTeam_ReturnsNotFound()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Lodged(new DateOnly(2026, 11, 2)));
        var hearingId = await ListAsync(created.ApplicationId);

        // Act and Assert
        await AssertAccessAsync($"/workspace/applications/record-hearing-outcome/{hearingId}", StaffRoles.Officer, HttpStatusCode.NotFound, "Another Team");
        await AssertAccessAsync($"/workspace/applications/list-hearing/{created.ApplicationId}", StaffRoles.Officer, HttpStatusCode.NotFound, "Another Team");
    }

    [Theory]
    [MemberData(nameof(RolesWithoutCaseAccess))]
    public async Task Get_RoleWithoutCaseAccess_ReturnsForbidden(string role)
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Lodged(new DateOnly(2026, 11, 2)));
        var hearingId = await ListAsync(created.ApplicationId);

        // Act and Assert
        await AssertAccessAsync($"/workspace/applications/record-hearing-outcome/{hearingId}", role, HttpStatusCode.Forbidden);
        await AssertAccessAsync($"/workspace/applications/list-hearing/{created.ApplicationId}", role, HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(CaseRoles))]
    public async Task Get_CaseRole_ReturnsOk(string role)
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Lodged(new DateOnly(2026, 11, 2)));
        var hearingId = await ListAsync(created.ApplicationId);

        // Act and Assert
        await AssertAccessAsync($"/workspace/applications/record-hearing-outcome/{hearingId}", role, HttpStatusCode.OK);
        await AssertAccessAsync($"/workspace/applications/list-hearing/{created.ApplicationId}", role, HttpStatusCode.OK);
    }

    private static Dictionary<string, string> Refused(DateOnly decidedOn) =>
        new(Date("DecidedOn", decidedOn)) { ["Outcome"] = nameof(HearingResult.Refused), ["Reason"] = "The court was not satisfied the order was necessary" };

    [Fact]
    public async Task Post_RefusedOnAnEarlierDay_RecordsAndShowsThatDay_AndTheR24AppealDeadlineCountsFromIt()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Lodged(new DateOnly(2026, 11, 2)));
        var hearingId = await ListAsync(created.ApplicationId);
        var client = await BrowserAsync();
        var url = $"/workspace/applications/record-hearing-outcome/{hearingId}";
        var decidedOn = new DateOnly(2026, 11, 27);

        // Act
        var check = await client.ContinueAsync(url, Refused(decidedOn));
        var response = await client.SubmitAndConfirmAsync(url, Refused(decidedOn));

        // Assert
        Assert.Contains("27 November 2026", check.QuerySelector("[data-answers]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var application = await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == created.ApplicationId));
        Assert.Equal(Determination.Refused, application.Determination);
        Assert.Equal(decidedOn, application.DeterminedOn);
        Assert.Equal(Factory.Clock.GetUtcNow(),
            (await Factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "Application.Determined" && e.RecordId == created.ApplicationId.ToString()))).OccurredAt);
        var appeal = await Factory.WithDbAsync(db => db.StaffTasks.SingleAsync(t => t.Type == StaffTaskType.ConsiderAppeal && t.RecordId == created.ApplicationId));
        Assert.Equal(StatutoryDates.AppealLodgingDeadline(decidedOn, BankHolidayCalendar.EnglandAndWales, StatutoryDates.DefaultAppealBusinessDays), appeal.DueOn);
        Assert.Contains("Refused, 27 November 2026", (await client.GetDocumentAsync($"/workspace/applications/{created.ApplicationId}")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_RefusedOnADayStillToCome_ShowsTheOneMessage_AndSavesNothing()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Lodged(new DateOnly(2026, 11, 2)));
        var hearingId = await ListAsync(created.ApplicationId);
        var client = await BrowserAsync();

        // Act
        var document = await (await client.SubmitAndConfirmAsync($"/workspace/applications/record-hearing-outcome/{hearingId}",
            Refused(new DateOnly(2026, 11, 29)))).GetDocumentAsync();

        // Assert
        Assert.NotNull(document.QuerySelector(".govuk-error-summary"));
        Assert.Equal([RuleCheck.NotYetHappenedMessage], AllErrors(document));
        var application = await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == created.ApplicationId));
        Assert.Null(application.Determination);
        Assert.Equal(HearingOutcome.Pending, (await Factory.WithDbAsync(db => db.Hearings.SingleAsync(h => h.Id == hearingId))).Outcome);
    }

    [Fact]
    public async Task Post_RefusedBeforeTheApplicationWasMade_IsRefused()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Lodged(new DateOnly(2026, 11, 2)));
        var hearingId = await ListAsync(created.ApplicationId);
        var client = await BrowserAsync();

        // Act
        var document = await (await client.SubmitAndConfirmAsync($"/workspace/applications/record-hearing-outcome/{hearingId}",
            Refused(new DateOnly(2026, 11, 1)))).GetDocumentAsync();

        // Assert
        Assert.StartsWith("The court decides an application on or after the day it was made to the court (2 November 2026)", Assert.Single(AllErrors(document)),
            StringComparison.Ordinal);
        Assert.Null((await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == created.ApplicationId))).Determination);
    }
}
