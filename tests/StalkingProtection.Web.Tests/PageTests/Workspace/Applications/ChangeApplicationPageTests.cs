using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Pages.Workspace.Applications.RecordHearingOutcome;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Workspace.Cases;
using StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Applications;

/// <summary>Variation, renewal and discharge applications on the application pages (SPA 2019 s.4, s.5(7)).</summary>
public class ChangeApplicationPageTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    private static readonly DateOnly _made = new(2026, 3, 16);

    private async Task<(CreatedOrder Order, Guid ApplicationId)> ChangeApplicationAsync(ApplicationType type, ApplicantParty party = ApplicantParty.ChiefOfficer,
        bool? addsOrTightens = true, string? rationale = "She has moved; he has been seen near her new home.", bool lodge = false, bool listHearing = false)
    {
        var order = await TestData.CreateOrderAsync(o => o.MadeOn(_made).ServedOn(_made));
        var id = await TestData.WithServicesAsync(new DateOnly(2026, 11, 2), async s =>
        {
            var id = (await s.Applications.CreateChangeAsync(new CreateChangeApplicationOptions(order.OrderId, type, party,
                party == ApplicantParty.ChiefOfficer ? PoliceForce.WestYorkshire : null, "Leeds Magistrates' Court", rationale, "Add an exclusion zone around Moss Lane.",
                addsOrTightens), StalkingProtection.TestCommon.TestData.Officer)).ApplicationId;
            if (lodge)
            {
                if (party == ApplicantParty.ChiefOfficer)
                {
                    await s.Applications.AuthoriseAsync(new AuthoriseApplicationOptions(id), StalkingProtection.TestCommon.TestData.Coordinator);
                }

                await s.Applications.SubmitAsync(new SubmitApplicationOptions(id), StalkingProtection.TestCommon.TestData.Officer);
            }

            return id;
        });
        if (listHearing)
        {
            await TestData.WithServicesAsync(new DateOnly(2026, 11, 3), async s => (await s.Hearings.ListHearingAsync(new ListHearingOptions(id,
                LondonTime.ToUtc(new DateOnly(2026, 11, 27), new TimeOnly(10, 0)), "Leeds Magistrates' Court"), StalkingProtection.TestCommon.TestData.Officer)).HearingId);
        }

        return (order, id);
    }

    private static List<string> TaskNames(AngleSharp.Dom.IDocument document) =>
        document.QuerySelectorAll("[data-tasks] .govuk-task-list__name-and-hint").Select(i => i.FirstElementChild!.TextContent.Trim()).ToList();

    [Fact]
    public async Task R21_VariationTaskList_HasNoThreeLimbsButAsksWhyItIsNecessary_AndLinksToTheOrder()
    {
        // Arrange
        var (order, id) = await ChangeApplicationAsync(ApplicationType.Variation);
        var client = await BrowserAsync();

        // Act
        var document = await client.GetDocumentAsync($"/workspace/applications/{id}");

        // Assert
        Assert.Equal("Application to vary a stalking protection order", document.HeadingText());
        Assert.Equal(["The order", "What the application asks the court to do", "Why it is necessary to protect a person", "Court", "Authorisation by an SPO coordinator", "Lodge with the court"],
            TaskNames(document));
        Assert.Equal($"/workspace/orders/{order.OrderId}", document.QuerySelector("[data-order-link]")!.GetAttribute("href"));
        Assert.Contains("Add an exclusion zone around Moss Lane.", document.QuerySelector("[data-change-sought]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("[data-evidence]"));
    }

    [Fact]
    public async Task R22_DefendantsDischargeApplication_NeedsNoAuthorisationOrNecessity_AndNotesTheConsents()
    {
        // Arrange
        var (_, id) = await ChangeApplicationAsync(ApplicationType.Discharge, ApplicantParty.Defendant, null, null);
        var client = await BrowserAsync();

        // Act
        var document = await client.GetDocumentAsync($"/workspace/applications/{id}");
        var lodged = await client.SubmitAndConfirmAsync($"/workspace/applications/lodge-application/{id}", new Dictionary<string, string>());

        // Assert
        Assert.Equal(["The order", "What the application asks the court to do", "Court", "Authorisation by an SPO coordinator", "Lodge with the court"], TaskNames(document));
        Assert.Contains("Not needed", document.QuerySelectorAll("[data-tasks] .govuk-task-list__item")[3].TextContent, StringComparison.Ordinal);
        Assert.Contains("R22", document.QuerySelector("[data-consent-note]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, lodged.StatusCode);
        Assert.Equal(ApplicationStatus.Submitted, await Factory.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task R21_LodgingATighteningVariationWithoutRationale_ShowsTheRule()
    {
        // Arrange
        var order = await TestData.CreateOrderAsync(o => o.MadeOn(_made).ServedOn(_made));
        var id = await Factory.WithDbAsync(async db =>
        {
            // Drafted without the R21 answers (as before drafting checked them): lodging checks R21 again.
            var o = await db.Orders.SingleAsync(x => x.Id == order.OrderId);
            var application = Application.CreateForChange(o.CaseId, o.RespondentId, ApplicationType.Variation, o.Id, ApplicantParty.ChiefOfficer,
                PoliceForce.WestYorkshire, [PoliceForce.WestYorkshire], "Leeds Magistrates' Court", StalkingProtection.TestCommon.TestData.NoonOn(new DateOnly(2026, 11, 2)));
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            return application.Id;
        });
        await TestData.WithServicesAsync(new DateOnly(2026, 11, 20), s => s.Applications.AuthoriseAsync(new AuthoriseApplicationOptions(id), StalkingProtection.TestCommon.TestData.Coordinator));
        var client = await BrowserAsync();

        // Act
        var document = await (await client.SubmitAndConfirmAsync($"/workspace/applications/lodge-application/{id}", new Dictionary<string, string>())).GetDocumentAsync();

        // Assert
        var message = Assert.Single(AllErrors(document));
        Assert.Contains("necessary to protect a person from a risk associated with stalking", message, StringComparison.Ordinal);
        Assert.Contains("R21", message, StringComparison.Ordinal);
        Assert.Contains("Not given", document.QuerySelector("[data-change-sought]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Granted_AtTheHearing_GoesToTheVariationJourneyTiedToTheApplication_WhichDeterminesItAndItsHearing()
    {
        // Arrange
        var (order, id) = await ChangeApplicationAsync(ApplicationType.Variation, lodge: true, listHearing: true);
        var hearingId = await Factory.WithDbAsync(db => db.Hearings.Where(h => h.ApplicationId == id).Select(h => h.Id).SingleAsync());
        var client = await BrowserAsync();

        // Act
        var outcome = await client.SubmitFormAsync($"/workspace/applications/record-hearing-outcome/{hearingId}",
            new Dictionary<string, string> { ["Outcome"] = nameof(HearingResult.Granted) });
        var journeyUrl = outcome.Headers.Location!.OriginalString;
        var question = await client.GetDocumentAsync(journeyUrl);
        var check = await (await client.FollowToCheckAnswersAsync(await client.PostFormAsync(question, journeyUrl,
        [
            .. OrderPages.Date("DecidedOn", new DateOnly(2026, 11, 27)), .. OrderPages.Date("EffectiveFrom", new DateOnly(2026, 11, 28)),
            OrderPages.F("Conditions[0].Wording", "Must not contact the protected person, or enter Moss Lane."),
        ]))).GetDocumentAsync();
        var saved = await client.PostFormAsync(check, journeyUrl);
        var orderPage = await client.GetDocumentAsync($"/workspace/orders/{order.OrderId}");
        var applicationPage = await client.GetDocumentAsync($"/workspace/applications/{id}");

        // Assert
        Assert.Equal($"/workspace/orders/vary-order/{order.OrderId}?applicationId={id}", journeyUrl);
        Assert.NotNull(question.QuerySelector("[data-on-application]"));
        Assert.Equal("She has moved; he has been seen near her new home.", question.QuerySelector("textarea[name=NecessityRationale]")!.TextContent.Trim());
        saved.AssertRedirectTo($"/workspace/orders/{order.OrderId}");
        var (application, hearing, change) = await Factory.WithDbAsync(async db => (await db.Applications.SingleAsync(a => a.Id == id),
            await db.Hearings.SingleAsync(h => h.Id == hearingId), await db.OrderChanges.SingleAsync(c => c.OrderId == order.OrderId)));
        Assert.Equal((ApplicationStatus.Determined, (Determination?)Determination.Granted, HearingOutcome.Determined, (Guid?)id),
            (application.Status, application.Determination, hearing.Outcome, change.ApplicationId));
        Assert.Equal($"/workspace/applications/{id}", orderPage.QuerySelector("[data-changes] [data-change-application]")!.GetAttribute("href"));
        Assert.Null(orderPage.QuerySelector("[data-pending-changes]"));
        Assert.Null(applicationPage.QuerySelector("[data-record-grant]"));
    }

    [Fact]
    public async Task OpenRenewalApplication_LinksToTheRenewalJourneyWithTheApplicationPreSelected()
    {
        // Arrange
        var (order, id) = await ChangeApplicationAsync(ApplicationType.Renewal, lodge: true);
        var client = await BrowserAsync();

        // Act
        var document = await client.GetDocumentAsync($"/workspace/applications/{id}");
        var journey = await client.GetDocumentAsync(document.QuerySelector("[data-record-grant]")!.GetAttribute("href")!);
        var orderPage = await client.GetDocumentAsync($"/workspace/orders/{order.OrderId}");

        // Assert
        Assert.Equal($"/workspace/orders/renew-order/{order.OrderId}?applicationId={id}", document.QuerySelector("[data-record-grant]")!.GetAttribute("href"));
        Assert.Equal("2", journey.QuerySelector("input[name='ApplicationLodgedOn.Day']")!.GetAttribute("value"));
        Assert.Contains($"applicationId={id}", journey.QuerySelectorAll("form").Single(f => f.GetAttribute("method") == "post").GetAttribute("action"), StringComparison.Ordinal);
        Assert.Contains("Lodged", orderPage.QuerySelector("[data-pending-changes]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R20_RecordingTheGrantWithADifferentApplicant_IsRefused()
    {
        // Arrange
        var (order, id) = await ChangeApplicationAsync(ApplicationType.Renewal, lodge: true);
        var client = await BrowserAsync();
        var url = $"/workspace/orders/renew-order/{order.OrderId}?applicationId={id}";

        // Act
        var page = await client.AnswerAsync(url,
        [
            OrderPages.F("ApplicantParty", "Defendant"), .. OrderPages.Date("DecidedOn", new DateOnly(2026, 11, 27)), OrderPages.F("DurationType", "FixedPeriod"),
            .. OrderPages.Date("NewLastDay", new DateOnly(2030, 3, 15)), OrderPages.F("NecessityRationale", "Risk continues."),
        ]);

        // Assert
        Assert.Equal("Record a renewal of the order", page.HeadingText());
        Assert.Contains("R20", page.InlineError("ApplicantParty"), StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Submitted, await Factory.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task Get_OrderJourneyWithAnApplicationOfAnotherType_Returns404()
    {
        // Arrange
        var (order, id) = await ChangeApplicationAsync(ApplicationType.Renewal, lodge: true);

        // Act and Assert
        await AssertAccessAsync($"/workspace/orders/discharge-order/{order.OrderId}?applicationId={id}", StaffRoles.Officer, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_ChangeApplication_OfficerOfAnotherTeam_ReturnsNotFound()
    {
        // Arrange
        var (order, id) = await ChangeApplicationAsync(ApplicationType.Variation, lodge: true);

        // Act and Assert
        await AssertAccessAsync($"/workspace/applications/{id}", StaffRoles.Officer, HttpStatusCode.NotFound, "Another Team");
        await AssertAccessAsync($"/workspace/orders/vary-order/{order.OrderId}?applicationId={id}", StaffRoles.Officer, HttpStatusCode.NotFound, "Another Team");
    }

    [Theory]
    [MemberData(nameof(RolesWithoutCaseAccess))]
    public async Task Get_ChangeApplication_RoleWithoutCaseAccess_ReturnsForbidden(string role)
    {
        // Arrange
        var (order, id) = await ChangeApplicationAsync(ApplicationType.Variation, lodge: true);

        // Act and Assert
        await AssertAccessAsync($"/workspace/applications/{id}", role, HttpStatusCode.Forbidden);
        await AssertAccessAsync($"/workspace/orders/vary-order/{order.OrderId}?applicationId={id}", role, HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(CaseRoles))]
    public async Task Get_ChangeApplication_CaseRole_ReturnsOk(string role)
    {
        // Arrange
        var (order, id) = await ChangeApplicationAsync(ApplicationType.Variation, lodge: true);

        // Act and Assert
        await AssertAccessAsync($"/workspace/applications/{id}", role, HttpStatusCode.OK);
        await AssertAccessAsync($"/workspace/orders/vary-order/{order.OrderId}?applicationId={id}", role, HttpStatusCode.OK);
    }
}
