using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

namespace StalkingProtection.Web.Tests.PageTests;

/// <summary>
/// One staff page with route values: the roles that may open it (every other role gets 403) and, for a later step of a
/// journey, the first page an allowed role is sent back to when the journey was never started.
/// </summary>
/// <param name="Route">The page's URL, with a placeholder for each record it is about: {case}, {act}, {draft} (a draft application),
/// {condition} (proposed on the draft), {order}, {breach}, {appeal} and {offence} (on the order), {change} (a drafted variation of an order), {application} (lodged), {hearing}, {report}, {reported-breach} (about a live order), {person}, {other-person}, {journey}, {tool}, {list}, {staff} (a staff account), {api-client}.</param>
/// <param name="Roles">The roles that get the page.</param>
/// <param name="StartsAt">For a later step of a journey: where an allowed role who never started it is sent.</param>
public sealed record RecordPage(string Route, string[] Roles, string? StartsAt = null)
{
    private static readonly string[] _caseRecords = ["{case}", "{order}", "{draft}", "{change}", "{application}", "{hearing}", "{person}"];

    /// <summary>The page is about a record on a case, so an officer of another team must not learn that it exists (404).</summary>
    public bool OnATeamsCase => _caseRecords.Any(p => Route.Contains(p, StringComparison.Ordinal));

}

/// <summary>
/// S4 for every staff page with route values outside the order pages (<see cref="OrderPagesAccessTests"/>): each role is answered
/// as the need-to-know rules say, refused roles cannot post either, and an officer of another team gets 404 for a record on a case.
/// A new page with route values fails <see cref="S4_EveryStaffPageWithRouteValues_IsInARecordPageTable"/> until it is listed.
/// </summary>
public class RecordPageAuthorisationTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly string[] _caseRoles = [.. StaffRoles.CaseRoles];
    private static readonly string[] _triageRoles = [StaffRoles.Officer, StaffRoles.Coordinator];
    private static readonly string[] _forceWideRoles = [StaffRoles.Coordinator, StaffRoles.LegalServices];

    public static readonly RecordPage[] Pages =
    [
        // API clients: administrators only.
        new("/workspace/api-clients/rotate-key/{api-client}", [StaffRoles.Administrator]),
        new("/workspace/api-clients/revoke/{api-client}", [StaffRoles.Administrator]),
        new("/workspace/api-clients/change-team/{api-client}", [StaffRoles.Administrator]),
        new("/workspace/api-clients/change-team/check-answers/{api-client}/{journey}", [StaffRoles.Administrator],
            StartsAt: "/workspace/api-clients/change-team/{api-client}"),
        new("/workspace/api-clients/create/check-answers/{journey}", [StaffRoles.Administrator], StartsAt: "/workspace/api-clients/create"),

        // Cases: the case roles, officers only for their team's cases (and those they are in charge of).
        new("/workspace/cases/{case}", _caseRoles),
        new("/workspace/cases/open-case/check-answers/{journey}", _caseRoles, StartsAt: "/workspace/cases/open-case"),
        new("/workspace/cases/add-person/{case}", _caseRoles),
        new("/workspace/cases/add-person/check-answers/{case}/{journey}", _caseRoles, StartsAt: "/workspace/cases/add-person/{case}"),
        new("/workspace/cases/record-act/{case}", _caseRoles),
        new("/workspace/cases/{case}/victim-updates/{victim}", _caseRoles),
        new("/workspace/cases/choose-victim-updates/{case}/{victim}", _caseRoles),
        new("/workspace/cases/choose-victim-updates/check-answers/{case}/{victim}/{journey}", _caseRoles, StartsAt: "/workspace/cases/choose-victim-updates/{case}/{victim}"),
        new("/workspace/cases/record-act/check-answers/{case}/{journey}", _caseRoles, StartsAt: "/workspace/cases/record-act/{case}"),
        new("/workspace/cases/edit-act/{case}/{act}", _caseRoles),
        new("/workspace/cases/edit-act/check-answers/{case}/{act}/{journey}", _caseRoles, StartsAt: "/workspace/cases/edit-act/{case}/{act}"),
        new("/workspace/cases/record-risk-screening/{case}", _caseRoles),
        new("/workspace/cases/record-risk-screening/answers/{case}/{tool}", _caseRoles),
        new("/workspace/cases/record-risk-screening/check-answers/{case}/{journey}", _caseRoles, StartsAt: "/workspace/cases/record-risk-screening/{case}"),
        new("/workspace/cases/reassign-case/{case}", [StaffRoles.Coordinator]),
        new("/workspace/cases/reassign-case/check-answers/{case}/{journey}", [StaffRoles.Coordinator], StartsAt: "/workspace/cases/reassign-case/{case}"),
        new("/workspace/cases/record-spo-decision/{case}", _caseRoles),
        new("/workspace/cases/record-spo-decision/check-answers/{case}/{journey}", _caseRoles, StartsAt: "/workspace/cases/record-spo-decision/{case}"),
        new("/workspace/cases/record-victim-contact/{case}", _caseRoles),
        new("/workspace/cases/record-victim-contact/check-answers/{case}/{journey}", _caseRoles, StartsAt: "/workspace/cases/record-victim-contact/{case}"),

        // Applications: the case roles; only a coordinator authorises.
        new("/workspace/applications/draft-application/{case}", _caseRoles),
        new("/workspace/applications/draft-application/check-answers/{case}/{journey}", _caseRoles, StartsAt: "/workspace/applications/draft-application/{case}"),
        new("/workspace/applications/{draft}", _caseRoles),
        new("/workspace/applications/{draft}/documents", _caseRoles),
        new("/workspace/applications/set-jurisdiction/{draft}", _caseRoles),
        new("/workspace/applications/set-jurisdiction/check-answers/{draft}/{journey}", _caseRoles, StartsAt: "/workspace/applications/set-jurisdiction/{draft}"),
        new("/workspace/applications/choose-court/{draft}", _caseRoles),
        new("/workspace/applications/choose-court/check-answers/{draft}/{journey}", _caseRoles, StartsAt: "/workspace/applications/choose-court/{draft}"),
        new("/workspace/applications/add-evidence/{draft}", _caseRoles),
        new("/workspace/applications/add-evidence/check-answers/{draft}/{journey}", _caseRoles, StartsAt: "/workspace/applications/add-evidence/{draft}"),
        new("/workspace/applications/add-protected-person/{draft}", _caseRoles),
        new("/workspace/applications/add-protected-person/check-answers/{draft}/{journey}", _caseRoles, StartsAt: "/workspace/applications/add-protected-person/{draft}"),
        new("/workspace/applications/comment-on-application/{draft}", _caseRoles),
        new("/workspace/applications/comment-on-application/check-answers/{draft}/{journey}", _caseRoles, StartsAt: "/workspace/applications/comment-on-application/{draft}"),
        new("/workspace/applications/authorise-application/{draft}", [StaffRoles.Coordinator]),
        new("/workspace/applications/authorise-application/check-answers/{draft}/{journey}", [StaffRoles.Coordinator],
            StartsAt: "/workspace/applications/authorise-application/{draft}"),
        new("/workspace/applications/lodge-application/{draft}", _caseRoles),
        new("/workspace/applications/lodge-application/check-answers/{draft}/{journey}", _caseRoles, StartsAt: "/workspace/applications/lodge-application/{draft}"),
        new("/workspace/applications/propose-condition/{draft}", _caseRoles),
        new("/workspace/applications/propose-condition/template/{draft}/{journey}", _caseRoles),
        new("/workspace/applications/propose-condition/parameters/{draft}/{journey}", _caseRoles, StartsAt: "/workspace/applications/propose-condition/template/{draft}/{journey}"),
        new("/workspace/applications/propose-condition/details/{draft}/{journey}", _caseRoles, StartsAt: "/workspace/applications/propose-condition/template/{draft}/{journey}"),
        new("/workspace/applications/propose-condition/check-answers/{draft}/{journey}", _caseRoles, StartsAt: "/workspace/applications/propose-condition/template/{draft}/{journey}"),
        new("/workspace/applications/propose-condition/change/{draft}/{condition}", _caseRoles, StartsAt: "/workspace/applications/propose-condition/check-answers/{draft}/"),
        new("/workspace/applications/propose-condition/remove/{draft}/{condition}", _caseRoles),
        new("/workspace/applications/amend-change-sought/{change}", _caseRoles),
        new("/workspace/applications/amend-change-sought/check-answers/{change}/{journey}", _caseRoles, StartsAt: "/workspace/applications/amend-change-sought/{change}"),
        new("/workspace/applications/list-hearing/{application}", _caseRoles),
        new("/workspace/applications/list-hearing/check-answers/{application}/{journey}", _caseRoles, StartsAt: "/workspace/applications/list-hearing/{application}"),
        new("/workspace/applications/record-hearing-outcome/{hearing}", _caseRoles),
        new("/workspace/applications/record-hearing-outcome/check-answers/{hearing}/{journey}", _caseRoles, StartsAt: "/workspace/applications/record-hearing-outcome/{hearing}"),

        // Online reports: legal services read them; only officers and coordinators triage.
        new("/workspace/triage/{report}", _caseRoles),
        new("/workspace/triage/triage-report/{report}", _triageRoles),
        new("/workspace/triage/triage-report/details/{report}", _triageRoles, StartsAt: "/workspace/triage/triage-report/{report}"),
        new("/workspace/triage/triage-report/check-answers/{report}", _triageRoles, StartsAt: "/workspace/triage/triage-report/{report}"),
        new("/workspace/triage/triage-report/confirmation/{report}", _triageRoles, StartsAt: "/workspace/triage/triage-report/{report}"),

        // Breaches reported online (about an order on a case the officer may see): only officers and coordinators decide on them.
        new("/workspace/breaches/decide-reported-breach/{reported-breach}", _triageRoles),
        new("/workspace/breaches/decide-reported-breach/check-answers/{reported-breach}/{journey}", _triageRoles,
            StartsAt: "/workspace/breaches/decide-reported-breach/{reported-breach}"),
        new("/workspace/breaches/record-reporter-told/{decided-reported-breach}", _triageRoles),
        new("/workspace/breaches/record-reporter-told/check-answers/{decided-reported-breach}/{journey}", _triageRoles,
            StartsAt: "/workspace/breaches/record-reporter-told/{decided-reported-breach}"),

        // People recorded twice: only officers and coordinators merge.
        new("/workspace/people/merge-people/{person}/{other-person}", _triageRoles),
        new("/workspace/people/merge-people/reason/{journey}", _triageRoles, StartsAt: "/workspace/people/duplicates"),
        new("/workspace/people/merge-people/check-answers/{journey}", _triageRoles, StartsAt: "/workspace/people/duplicates"),
        new("/workspace/people/merge-people/confirmation/{person}", _triageRoles),

        // The lists behind the dashboard figures are force-wide case content: not for officers, and not for analysts, who see the figures only.
        // Order journeys with their own "check your answers" page (the question pages are in OrderPagesAccessTests).
        new("/workspace/orders/record-review/check-answers/{order}/{journey}", _caseRoles, StartsAt: "/workspace/orders/record-review/{order}"),
        new("/workspace/orders/record-service/check-answers/{order}/{journey}", _caseRoles, StartsAt: "/workspace/orders/record-service/{order}"),
        new("/workspace/orders/record-notification/check-answers/{order}/{journey}", _caseRoles, StartsAt: "/workspace/orders/record-notification/{order}"),
        new("/workspace/orders/record-name-change/check-answers/{order}/{journey}", _caseRoles, StartsAt: "/workspace/orders/record-name-change/{order}"),
        new("/workspace/orders/record-address-change/check-answers/{order}/{journey}", _caseRoles, StartsAt: "/workspace/orders/record-address-change/{order}"),
        new("/workspace/orders/record-soa-part2/check-answers/{order}/{journey}", _caseRoles, StartsAt: "/workspace/orders/record-soa-part2/{order}"),
        new("/workspace/orders/record-breach/check-answers/{order}/{journey}", _caseRoles, StartsAt: "/workspace/orders/record-breach/{order}"),
        new("/workspace/orders/record-pnc-reference/check-answers/{order}/{journey}", _caseRoles, StartsAt: "/workspace/orders/record-pnc-reference/{order}"),
        new("/workspace/orders/record-notification-offence/check-answers/{order}/{journey}", _caseRoles, StartsAt: "/workspace/orders/record-notification-offence/{order}"),
        new("/workspace/orders/record-notification-offence/outcome/check-answers/{order}/{offence}/{journey}", _caseRoles,
            StartsAt: "/workspace/orders/record-notification-offence/outcome/{order}/{offence}"),
        new("/workspace/orders/record-breach/outcome/check-answers/{order}/{breach}/{journey}", _caseRoles, StartsAt: "/workspace/orders/record-breach/outcome/{order}/{breach}"),
        new("/workspace/orders/record-appeal/check-answers/{order}/{journey}", _caseRoles, StartsAt: "/workspace/orders/record-appeal/{order}"),
        new("/workspace/orders/record-appeal-outcome/check-answers/{order}/{appeal}/{journey}", _caseRoles, StartsAt: "/workspace/orders/record-appeal-outcome/{order}/{appeal}"),
        new("/workspace/orders/apply-to-change-order/applicant/{order}", _caseRoles, StartsAt: "/workspace/orders/apply-to-change-order/{order}"),
        new("/workspace/orders/apply-to-change-order/details/{order}", _caseRoles, StartsAt: "/workspace/orders/apply-to-change-order/{order}"),
        new("/workspace/orders/apply-to-change-order/check-answers/{order}/{journey}", _caseRoles, StartsAt: "/workspace/orders/apply-to-change-order/{order}"),
        new("/workspace/orders/vary-order/check-answers/{order}/{journey}", _caseRoles, StartsAt: "/workspace/orders/vary-order/{order}"),
        new("/workspace/orders/renew-order/check-answers/{order}/{journey}", _caseRoles, StartsAt: "/workspace/orders/renew-order/{order}"),
        new("/workspace/orders/discharge-order/check-answers/{order}/{journey}", _caseRoles, StartsAt: "/workspace/orders/discharge-order/{order}"),
        new("/workspace/orders/record-order/check-answers/{application}/{journey}", _caseRoles, StartsAt: "/workspace/orders/record-order/{application}"),

        new("/workspace/dashboard/{list}", _forceWideRoles),

        // Staff accounts: administrators only.
        new("/workspace/staff/{staff}", [StaffRoles.Administrator]),
        new("/workspace/staff/change/{staff}", [StaffRoles.Administrator]),
        new("/workspace/staff/change/check-answers/{staff}/{journey}", [StaffRoles.Administrator], StartsAt: "/workspace/staff/change/{staff}"),
        new("/workspace/staff/invite/check-answers/{journey}", [StaffRoles.Administrator], StartsAt: "/workspace/staff/invite"),
        new("/workspace/staff/deactivate/{staff}", [StaffRoles.Administrator]),
        new("/workspace/staff/reset-two-factor/{staff}", [StaffRoles.Administrator]),
    ];

    public static TheoryData<string, string> RouteAndRole()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in Pages)
        {
            foreach (var role in StaffRoles.All)
            {
                data.Add(page.Route, role);
            }
        }

        return data;
    }

    public static TheoryData<string, string> RouteAndRefusedRole()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in Pages)
        {
            foreach (var role in StaffRoles.All.Except(page.Roles))
            {
                data.Add(page.Route, role);
            }
        }

        return data;
    }

    public static TheoryData<string> RoutesOnATeamsCaseForOfficers() =>
        new(Pages.Where(p => p.OnATeamsCase && p.Roles.Contains(StaffRoles.Officer)).Select(p => p.Route));

    public static TheoryData<string> AllRoutes() => new(Pages.Select(p => p.Route));

    [Fact]
    public void S4_EveryStaffPageWithRouteValues_IsInARecordPageTable()
    {
        // Arrange
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var listed = Pages.Select(p => p.Route).Concat(OrderPagesAccessTests.Pages).Select(Shape).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // Act
        var staffPages = endpoints
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => (r.StartsWith("/workspace", StringComparison.OrdinalIgnoreCase) || r.StartsWith("/account", StringComparison.OrdinalIgnoreCase))
                && r.Contains('{', StringComparison.Ordinal) && !r.Contains("/index/", StringComparison.OrdinalIgnoreCase))
            .Select(Shape)
            .Distinct()
            .ToList();

        // Assert
        Assert.NotEmpty(staffPages);
        Assert.All(staffPages, route => Assert.True(listed.Contains(route), $"{route} is in no record page table."));
        Assert.All(listed, route => Assert.Contains(route, staffPages, StringComparer.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(RouteAndRole))]
    public async Task S4_RecordPage_AnswersOnlyTheRolesAllowed(string route, string role)
    {
        // Arrange
        var page = Pages.Single(p => p.Route == route);
        var (url, values) = await UrlAsync(route);
        var client = factory.CreateBrowser(await factory.CreateUserAsync(role, OrderPages.CaseTeam));

        // Act
        var response = await client.GetAsync(url);

        // Assert
        if (!page.Roles.Contains(role))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("You do not have access to this page", (await response.GetDocumentAsync()).HeadingText());
        }
        else if (page.StartsAt is { } start)
        {
            response.AssertRedirectTo(Fill(start, values));
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(RouteAndRefusedRole))]
    public async Task S4_RecordPage_RefusesAPostFromARoleNotAllowed(string route, string role)
    {
        // Arrange
        var (url, _) = await UrlAsync(route);
        var client = factory.CreateBrowser(await factory.CreateUserAsync(role, OrderPages.CaseTeam));

        // Act
        var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>()));

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(RoutesOnATeamsCaseForOfficers))]
    public async Task S4_RecordPage_OfficerOfAnotherTeam_IsNotFound(string route)
    {
        // Arrange
        var (url, _) = await UrlAsync(route);
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, "Another Team"));

        // Act
        var response = await client.GetAsync(url);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AllRoutes))]
    public async Task S4_RecordPage_SignedOut_RedirectsToSignIn(string route)
    {
        // Arrange
        var (url, _) = await UrlAsync(route);
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync(url);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>A route with each route value, whatever its name or constraint, as "{}".</summary>
    private static string Shape(string route) => Regex.Replace(route, @"\{[^}]*\}", "{}");

    private static string Fill(string route, IReadOnlyDictionary<string, string> values) =>
        values.Aggregate(route, (url, value) => url.Replace("{" + value.Key + "}", value.Value, StringComparison.Ordinal));

    /// <summary>Creates the records the page is about, on cases of <see cref="OrderPages.CaseTeam"/>; returns its URL and the values used.</summary>
    private Task<(string Url, IReadOnlyDictionary<string, string> Values)> UrlAsync(string route) => UrlAsync(factory, route);

    /// <summary>Also used by the form sweep, which opens every page with a form on real records.</summary>
    internal static async Task<(string Url, IReadOnlyDictionary<string, string> Values)> UrlAsync(WebAppFactory factory, string route)
    {
        var data = factory.Data();
        var values = new Dictionary<string, string>
        {
            ["journey"] = Guid.NewGuid().ToString(),
            ["tool"] = "SDash",
            ["list"] = "live-orders",
        };
        bool Needs(params string[] placeholders) => placeholders.Any(p => route.Contains("{" + p + "}", StringComparison.Ordinal));

        if (Needs("case", "act", "victim"))
        {
            var created = await data.CreateCaseAsync();
            values["case"] = created.CaseId.ToString();
            values["act"] = created.ActId.ToString();
            values["victim"] = created.VictimId.ToString();
        }

        if (Needs("draft", "condition"))
        {
            var draft = await data.CreateApplicationAsync(a => a.Draft());
            values["draft"] = draft.ApplicationId.ToString();
            var proposed = await data.WithServicesAsync(new DateOnly(2026, 11, 28), s => s.Applications.ProposeConditionAsync(new ProposeConditionOptions(
                draft.ApplicationId, new ProposedConditionDetails(TestData.NoContact(draft.Case.ProtectedPersonIds))), TestData.Officer));
            values["condition"] = proposed.ProposedConditionId!.Value.ToString();
        }

        if (Needs("order"))
        {
            // Service is recorded once, so its journey is on an order not yet served.
            var served = !route.StartsWith("/workspace/orders/record-service/", StringComparison.Ordinal);
            var order = await data.CreateOrderAsync(o =>
            {
                o.MadeOn(new DateOnly(2026, 3, 16));
                if (served)
                {
                    o.ServedOn(new DateOnly(2026, 3, 16));
                }
            });
            values["order"] = order.OrderId.ToString();
            await OnTheOrderAsync(data, order, Needs, values);
        }

        if (Needs("change"))
        {
            var order = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 3, 16)).ServedOn(new DateOnly(2026, 3, 16)));
            values["change"] = (await data.WithServicesAsync(new DateOnly(2026, 11, 2), async s => (await s.Applications.CreateChangeAsync(new CreateChangeApplicationOptions(
                order.OrderId, ApplicationType.Variation, ApplicantParty.ChiefOfficer, PoliceForce.WestYorkshire, "Leeds Magistrates' Court",
                "She has moved.", "Add an exclusion zone around Moss Lane.", true), TestData.Officer)).ApplicationId)).ToString();
        }

        if (Needs("application", "hearing"))
        {
            var lodged = await data.CreateApplicationAsync(a => a.Lodged(new DateOnly(2026, 11, 2)));
            values["application"] = lodged.ApplicationId.ToString();
            var hearingId = await data.WithServicesAsync(new DateOnly(2026, 11, 20), async s => (await s.Hearings.ListHearingAsync(new Core.Hearings.ListHearingOptions(lodged.ApplicationId,
                LondonTime.ToUtc(new DateOnly(2026, 11, 27), new TimeOnly(10, 0)), "Leeds Magistrates' Court"), TestData.Officer)).HearingId);
            values["hearing"] = hearingId.ToString();
        }

        if (Needs("report"))
        {
            var (reportId, _) = await data.CreatePublicReportAsync(factory.Services.GetRequiredService<IDataProtectionProvider>());
            values["report"] = reportId.ToString();
        }

        async Task<Guid> ReportedBreachAsync(DateOnly reportedOn)
        {
            var order = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 3, 16)).ServedOn(new DateOnly(2026, 3, 16)));
            var victimReference = await factory.WithDbAsync(db => db.Orders.Where(o => o.Id == order.OrderId).Select(o => o.VictimReference!).SingleAsync());
            return (await data.CreateReportedBreachAsync(factory.Services.GetRequiredService<IDataProtectionProvider>(), victimReference, reportedOn)).Id;
        }

        if (Needs("reported-breach"))
        {
            values["reported-breach"] = (await ReportedBreachAsync(new DateOnly(2026, 11, 27))).ToString();
        }

        if (Needs("decided-reported-breach"))
        {
            // Decided on 1 November, so that a plausible time of telling the person who reported (early November) comes after it.
            var reportedId = await ReportedBreachAsync(new DateOnly(2026, 10, 30));
            await data.DecideNoBreachAsync(factory.Services.GetRequiredService<IDataProtectionProvider>(), reportedId, new DateOnly(2026, 11, 1));
            values["decided-reported-breach"] = reportedId.ToString();
        }

        if (Needs("person", "other-person"))
        {
            values["person"] = (await VictimPersonAsync(factory, await data.CreateCaseAsync())).ToString();
            values["other-person"] = (await VictimPersonAsync(factory, await data.CreateCaseAsync())).ToString();
        }

        if (Needs("staff"))
        {
            values["staff"] = (await factory.CreateUserAsync(StaffRoles.Officer)).Id.ToString();
        }

        if (Needs("api-client"))
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var (client, _) = await scope.ServiceProvider.GetRequiredService<Core.Integration.ApiClientService>()
                .CreateAsync($"Records system {Guid.NewGuid():N}", Core.Integration.ApiScope.Read, Core.Auditing.Actor.System);
            values["api-client"] = client.Id.ToString();
        }

        return (Fill(route, values), values);
    }

    /// <summary>A breach, an appeal and a suspected notification offence on the order, as the route asks for them.</summary>
    private static async Task OnTheOrderAsync(TestData data, CreatedOrder order, Func<string[], bool> needs, Dictionary<string, string> values)
    {
        if (needs(["breach"]))
        {
            values["breach"] = (await data.WithServicesAsync(new DateOnly(2026, 5, 1), async s => (await s.Breaches.RecordBreachAsync(new Core.Breaches.RecordBreachOptions(
                order.OrderId, order.ConditionIds[0], TestData.NoonOn(new DateOnly(2026, 4, 30)), "Outside her home", "He messaged her"), TestData.Officer)).BreachId)).ToString();
        }

        if (needs(["appeal"]))
        {
            values["appeal"] = (await data.WithServicesAsync(new DateOnly(2026, 3, 20), async s => (await s.Appeals.LodgeAsync(new Core.Orders.LodgeAppealOptions(order.OrderId, null,
                Core.Orders.AppellantType.Defendant, Core.Orders.AppealableDecision.MakingOfOrder, order.MadeOn, new DateOnly(2026, 4, 7), new DateOnly(2026, 3, 20),
                "Not necessary"), TestData.Officer)).AppealId)).ToString();
        }

        if (needs(["offence"]))
        {
            // SPA 2019 s.11(1)(a): served on 16 March, the duty was due by the end of 19 March and never met.
            values["offence"] = (await data.WithServicesAsync(new DateOnly(2026, 4, 1), async s => (await s.Notifications.RecordOffenceAsync(
                new Core.Notifications.RecordNotificationOffenceOptions(order.Case.RespondentId, order.ObligationId, null,
                    Core.Notifications.NotificationOffence.InitialNotNotified, null), TestData.Officer)).OffenceId)).ToString();
        }
    }

    private static Task<Guid> VictimPersonAsync(WebAppFactory factory, CreatedCase created) =>
        factory.WithDbAsync(db => db.Victims.Where(v => v.Id == created.VictimId).Select(v => v.PersonId).SingleAsync());
}
