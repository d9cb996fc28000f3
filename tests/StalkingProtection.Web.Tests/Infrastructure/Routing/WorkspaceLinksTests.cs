using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Documents;
using StalkingProtection.Core.Orders;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Tests.Infrastructure.Routing;

/// <summary>Every address a link generator makes must be the route of a page, so a renamed or moved page fails here rather than as a broken link.</summary>
public class WorkspaceLinksTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly Guid _a = Guid.CreateVersion7();
    private static readonly Guid _b = Guid.CreateVersion7();
    private static readonly Guid _c = Guid.CreateVersion7();

    public static TheoryData<string> Links() =>
    [
        OrderLinks.List, OrderLinks.View(_a), OrderLinks.Filtered(OrderListFilter.Unserved), OrderLinks.Documents(_a),
        OrderLinks.Document(_a, OrderDocument.Acknowledgement, _b), OrderLinks.Acknowledgement(_a, _b), OrderLinks.RecordOrder(_a),
        OrderLinks.JourneyOnApplication("vary-order", _a, _b),
        .. new[] { "record-appeal-outcome", "record-breach/outcome", "record-notification-offence/outcome" }
            .SelectMany(j => new[] { OrderLinks.RecordJourney(j, _a, _b), OrderLinks.RecordCheckAnswers(j, _a, _b, _c) }),
        .. new[]
        {
            "apply-to-change-order", "discharge-order", "record-address-change", "record-breach", "record-name-change", "record-notification",
            "record-order", "record-pnc-reference", "record-review", "record-service", "record-soa-part2", "renew-order", "vary-order",
        }.SelectMany(j => new[] { OrderLinks.Journey(j, _a), OrderLinks.CheckAnswers(j, _a, _b) }),
        CaseLinks.List, CaseLinks.OpenCase, CaseLinks.OpenCaseCheckAnswers(_a), CaseLinks.View(_a), CaseLinks.Journey("reassign-case", _a),
        CaseLinks.CheckAnswers("reassign-case", _a, _b), CaseLinks.RiskScreeningAnswers(_a, RiskTool.Dash, _b),
        CaseLinks.WithoutSpoDecision, CaseLinks.OfficerCases("officer", "team"), CaseLinks.VictimUpdates(_a, _b), CaseLinks.RecordJourney("edit-act", _a, _b),
        .. new[] { "add-person", "record-act", "record-risk-screening", "record-spo-decision", "record-victim-contact" }.Select(j => CaseLinks.Journey(j, _a)),
        ApplicationLinks.View(_a), ApplicationLinks.Draft(_a), ApplicationLinks.HearingJourney("record-hearing-outcome", _a),
        ApplicationLinks.Pack(_a, DocumentFileFormat.Pdf), ApplicationLinks.List, ApplicationLinks.AwaitingAuthorisation,
        ApplicationLinks.Filtered(ApplicationListFilter.InProgress), ApplicationLinks.ChangeDraft(_a, _b), ApplicationLinks.DraftCheckAnswers(_a, _b),
        ApplicationLinks.ChangeAnswers("amend-change-sought", _a, _b), ApplicationLinks.CheckAnswers("amend-change-sought", _a, _b),
        ApplicationLinks.ProposedCondition("change", _a, _b), ApplicationLinks.ProposedCondition("remove", _a, _b), ApplicationLinks.Documents(_a),
        .. new[] { "template", "parameters", "details", "check-answers" }.Select(step => ApplicationLinks.ProposeConditionStep(step, _a, _b)),
        .. new[]
        {
            "add-evidence", "add-protected-person", "amend-change-sought", "authorise-application", "choose-court", "comment-on-application",
            "list-hearing", "lodge-application", "propose-condition", "set-jurisdiction",
        }.Select(j => ApplicationLinks.Journey(j, _a)),
        .. new[]
        {
            ApplicationJourneys.Authorise, ApplicationJourneys.Lodge, ApplicationJourneys.ListHearing, ApplicationJourneys.RecordHearingOutcome,
            ApplicationJourneys.ChooseCourt, ApplicationJourneys.SetJurisdiction, ApplicationJourneys.AddProtectedPerson, ApplicationJourneys.AddEvidence,
            ApplicationJourneys.Comment,
        }
            .SelectMany(j => new[] { ApplicationLinks.ChangeAnswers(j, _a, _b), ApplicationLinks.CheckAnswers(j, _a, _b) }),
        TriageLinks.Queue, TriageLinks.Report(_a), TriageLinks.Start(_a), TriageLinks.Details(_a), TriageLinks.CheckAnswers(_a),
        TriageLinks.Confirmation(_a),
        PeopleLinks.Duplicates, PeopleLinks.Merge(_a, _b), PeopleLinks.MergeReason(_c), PeopleLinks.MergeCheckAnswers(_c), PeopleLinks.MergeConfirmation(_a),
        ReportedBreachLinks.Decide(_a), ReportedBreachLinks.DecideCheck(_a, _b), ReportedBreachLinks.RecordReporterTold(_a), ReportedBreachLinks.RecordReporterToldCheck(_a, _b),
        StaffLinks.List, StaffLinks.Invite, StaffLinks.InviteCheck(_a), StaffLinks.View(_a), StaffLinks.Change(_a), StaffLinks.ChangeCheck(_a, _b), StaffLinks.ResetTwoFactor(_a), StaffLinks.Deactivate(_a),
        ApiClientLinks.List, ApiClientLinks.Create, ApiClientLinks.CreateCheck(_a), ApiClientLinks.RotateKey(_a), ApiClientLinks.ChangeTeam(_a), ApiClientLinks.ChangeTeamCheck(_a, _b), ApiClientLinks.Revoke(_a),
        WorkspaceLinks.Home, WorkspaceLinks.Tasks, WorkspaceLinks.Search, WorkspaceLinks.Lookup, WorkspaceLinks.Caseload, WorkspaceLinks.Feedback,
        WorkspaceLinks.Statistics, WorkspaceLinks.Audit, WorkspaceLinks.ImportTracker, WorkspaceLinks.ExportRegister, WorkspaceLinks.ExportRegisterDownload("csv"),
        WorkspaceLinks.DashboardList("notifications-overdue"),
    ];

    [Theory]
    [MemberData(nameof(Links))]
    public void Link_IsTheRouteOfAPage(string link)
    {
        // Arrange
        var path = link.Split('?')[0];
        var pages = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null);

        // Act
        var matched = pages.Where(e => Matches(e, path)).Select(e => e.RoutePattern.RawText).ToList();

        // Assert
        Assert.NotEmpty(matched);
    }

    private static bool Matches(RouteEndpoint endpoint, string path)
    {
        var values = new RouteValueDictionary();
        var matcher = new TemplateMatcher(TemplateParser.Parse(endpoint.RoutePattern.RawText!), []);
        return matcher.TryMatch(path, values)
            && endpoint.RoutePattern.Parameters.All(p => !p.ParameterPolicies.Any(policy => policy.Content == "guid")
                || Guid.TryParse(values[p.Name]?.ToString(), out _));
    }
}
