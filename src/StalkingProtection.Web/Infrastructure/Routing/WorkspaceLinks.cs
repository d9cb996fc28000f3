using Microsoft.AspNetCore.WebUtilities;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Orders;

namespace StalkingProtection.Web.Infrastructure.Routing;

/// <summary>Addresses of the order pages: a journey's page is "/workspace/orders/{journey}/{order id}".</summary>
public static class OrderLinks
{
    public const string List = "/workspace/orders";

    /// <summary>The orders list with one status filter, as the dashboard's figures open it.</summary>
    public static string Filtered(OrderListFilter filter) => $"/workspace/orders?Filter={filter}";

    public static string View(Guid orderId) => $"/workspace/orders/{orderId}";

    /// <summary>The order's documents page, where a download's purpose is asked.</summary>
    public static string Documents(Guid orderId) => $"/workspace/orders/{orderId}/documents";

    /// <summary>The documents page with the document chosen; an acknowledgement names its notification.</summary>
    public static string Document(Guid orderId, OrderDocument document, Guid? notificationId = null) =>
        $"/workspace/orders/{orderId}/documents?document={document}" + (notificationId is { } n ? $"&notificationId={n}" : "");

    /// <summary>The printable acknowledgement of a notification (SPA 2019 s.10(4)).</summary>
    public static string Acknowledgement(Guid orderId, Guid notificationId) => $"/workspace/orders/record-notification/acknowledgement/{orderId}/{notificationId}";

    /// <summary>Recording the order the court made on an application, which starts from the application.</summary>
    public static string RecordOrder(Guid applicationId) => $"/workspace/orders/record-order/{applicationId}";

    /// <summary>A journey recording the court's grant of a change application, tied to that application.</summary>
    public static string JourneyOnApplication(string journey, Guid orderId, Guid applicationId) => $"/workspace/orders/{journey}/{orderId}?applicationId={applicationId}";

    public static string Journey(string journey, Guid orderId) => $"/workspace/orders/{journey}/{orderId}";

    public static string CheckAnswers(string journey, Guid orderId, Guid journeyId) => $"/workspace/orders/{journey}/check-answers/{orderId}/{journeyId}";

    /// <summary>A later question page of a journey asked over several pages, with the answers kept so far.</summary>
    public static string JourneyStep(string journey, string step, Guid orderId, Guid journeyId) => $"/workspace/orders/{journey}/{step}/{orderId}?journey={journeyId}";

    /// <summary>A journey on one record of an order (a breach, an appeal, a suspected offence): "/workspace/orders/{journey}/{order id}/{record id}".</summary>
    public static string RecordJourney(string journey, Guid orderId, Guid recordId) => $"/workspace/orders/{journey}/{orderId}/{recordId}";

    public static string RecordCheckAnswers(string journey, Guid orderId, Guid recordId, Guid journeyId) =>
        $"/workspace/orders/{journey}/check-answers/{orderId}/{recordId}/{journeyId}";
}

/// <summary>Addresses of the case pages.</summary>
public static class CaseLinks
{
    public const string List = "/workspace/cases";

    /// <summary>The cases with no "consider an SPO" decision recorded, as the dashboard's figure opens them.</summary>
    public const string WithoutSpoDecision = "/workspace/cases?NoSpoDecision=true";

    /// <summary>The cases list filtered to one officer's cases in a team; an empty value is left out.</summary>
    public static string OfficerCases(string? officer, string? team) => QueryHelpers.AddQueryString(List,
        new Dictionary<string, string?> { ["Officer"] = officer, ["Team"] = team }.Where(p => !string.IsNullOrEmpty(p.Value)));

    public const string OpenCase = "/workspace/cases/open-case";

    public static string OpenCaseCheckAnswers(Guid journeyId) => $"/workspace/cases/open-case/check-answers/{journeyId}";

    public static string View(Guid caseId) => $"/workspace/cases/{caseId}";

    /// <summary>What a victim on the case asked to be told, and by which channel (R41).</summary>
    public static string VictimUpdates(Guid caseId, Guid victimId) => $"/workspace/cases/{caseId}/victim-updates/{victimId}";

    public static string Journey(string journey, Guid caseId) => $"/workspace/cases/{journey}/{caseId}";

    public static string CheckAnswers(string journey, Guid caseId, Guid journeyId) => $"/workspace/cases/{journey}/check-answers/{caseId}/{journeyId}";

    /// <summary>A journey on one record of a case (an act): "/workspace/cases/{journey}/{case id}/{record id}".</summary>
    public static string RecordJourney(string journey, Guid caseId, Guid recordId) => $"/workspace/cases/{journey}/{caseId}/{recordId}";

    public static string RecordCheckAnswers(string journey, Guid caseId, Guid recordId, Guid journeyId) =>
        $"/workspace/cases/{journey}/check-answers/{caseId}/{recordId}/{journeyId}";

    /// <summary>The questions of the screening form chosen, addressed by the tool; with the answers kept so far when changing them.</summary>
    public static string RiskScreeningAnswers(Guid caseId, RiskTool tool, Guid? journeyId = null) =>
        $"/workspace/cases/record-risk-screening/answers/{caseId}/{tool}" + (journeyId is { } j ? $"?journey={j}" : "");
}

/// <summary>Addresses of the application pages.</summary>
public static class ApplicationLinks
{
    public const string List = "/workspace/applications";

    /// <summary>The coordinators' queue of applications waiting for authorisation.</summary>
    public const string AwaitingAuthorisation = "/workspace/applications/awaiting-authorisation";

    /// <summary>The applications list with one status filter, as the dashboard's figure opens it.</summary>
    public static string Filtered(ApplicationListFilter filter) => $"/workspace/applications?Filter={filter}";

    public static string View(Guid applicationId) => $"/workspace/applications/{applicationId}";

    public static string Journey(string journey, Guid applicationId) => $"/workspace/applications/{journey}/{applicationId}";

    /// <summary>Drafting a new application, which starts from its case.</summary>
    public static string Draft(Guid caseId) => $"/workspace/applications/draft-application/{caseId}";

    /// <summary>The draft's question page with the answers kept so far, to change them.</summary>
    public static string ChangeDraft(Guid caseId, Guid journeyId) => $"/workspace/applications/draft-application/{caseId}?journey={journeyId}";

    public static string DraftCheckAnswers(Guid caseId, Guid journeyId) => $"/workspace/applications/draft-application/check-answers/{caseId}/{journeyId}";

    /// <summary>A journey's question page with the answers kept so far, to change them.</summary>
    public static string ChangeAnswers(string journey, Guid applicationId, Guid journeyId) => $"/workspace/applications/{journey}/{applicationId}?journey={journeyId}";

    public static string CheckAnswers(string journey, Guid applicationId, Guid journeyId) => $"/workspace/applications/{journey}/check-answers/{applicationId}/{journeyId}";

    /// <summary>A page of the proposed-condition journey ("template", "parameters", "details", "check-answers") with its answers.</summary>
    public static string ProposeConditionStep(string step, Guid applicationId, Guid journeyId) => $"/workspace/applications/propose-condition/{step}/{applicationId}/{journeyId}";

    /// <summary>Changing or removing one proposed condition ("change", "remove").</summary>
    public static string ProposedCondition(string action, Guid applicationId, Guid conditionId) => $"/workspace/applications/propose-condition/{action}/{applicationId}/{conditionId}";

    /// <summary>The application's documents page, where a download's purpose is asked.</summary>
    public static string Documents(Guid applicationId) => $"/workspace/applications/{applicationId}/documents";

    /// <summary>A journey on one hearing of an application: "/workspace/applications/{journey}/{hearing id}".</summary>
    public static string HearingJourney(string journey, Guid hearingId) => $"/workspace/applications/{journey}/{hearingId}";

    /// <summary>The application pack's download form, the format already chosen.</summary>
    public static string Pack(Guid applicationId, Core.Documents.DocumentFileFormat format) => $"{Documents(applicationId)}?format={format}";
}

/// <summary>The names of an application's tasks in their addresses, each a journey: <see cref="ApplicationLinks.Journey"/>, then "check your answers".</summary>
public static class ApplicationJourneys
{
    public const string Authorise = "authorise-application";

    public const string Lodge = "lodge-application";

    public const string ListHearing = "list-hearing";

    /// <summary>Addressed by the hearing's id: <see cref="ApplicationLinks.HearingJourney"/>.</summary>
    public const string RecordHearingOutcome = "record-hearing-outcome";

    public const string ChooseCourt = "choose-court";

    public const string SetJurisdiction = "set-jurisdiction";

    public const string AddProtectedPerson = "add-protected-person";

    public const string AddEvidence = "add-evidence";

    public const string Comment = "comment-on-application";

    /// <summary>What a variation, renewal or discharge application asks for, and why (SPA 2019 s.4, R21).</summary>
    public const string AmendChangeSought = "amend-change-sought";
}

/// <summary>Addresses of the triage pages: a report has one triage journey, addressed by the report's id.</summary>
public static class TriageLinks
{
    public const string Queue = "/workspace/triage";

    public static string Report(Guid reportId) => $"/workspace/triage/{reportId}";

    public static string Start(Guid reportId) => $"/workspace/triage/triage-report/{reportId}";

    public static string Details(Guid reportId) => $"/workspace/triage/triage-report/details/{reportId}";

    public static string CheckAnswers(Guid reportId) => $"/workspace/triage/triage-report/check-answers/{reportId}";

    public static string Confirmation(Guid reportId) => $"/workspace/triage/triage-report/confirmation/{reportId}";
}

/// <summary>Addresses of the pages about people recorded twice.</summary>
public static class PeopleLinks
{
    public const string Duplicates = "/workspace/people/duplicates";

    public static string Merge(Guid firstId, Guid secondId) => $"/workspace/people/merge-people/{firstId}/{secondId}";

    public static string MergeReason(Guid journeyId) => $"/workspace/people/merge-people/reason/{journeyId}";

    public static string MergeCheckAnswers(Guid journeyId) => $"/workspace/people/merge-people/check-answers/{journeyId}";

    public static string MergeConfirmation(Guid keptId) => $"/workspace/people/merge-people/confirmation/{keptId}";
}

/// <summary>Addresses of the pages about breaches reported online.</summary>
public static class ReportedBreachLinks
{
    public static string Decide(Guid id) => $"/workspace/breaches/decide-reported-breach/{id}";

    public static string DecideCheck(Guid id, Guid journey) => $"/workspace/breaches/decide-reported-breach/check-answers/{id}/{journey}";

    public static string RecordReporterTold(Guid id) => $"/workspace/breaches/record-reporter-told/{id}";

    public static string RecordReporterToldCheck(Guid id, Guid journey) => $"/workspace/breaches/record-reporter-told/check-answers/{id}/{journey}";
}

/// <summary>Addresses of the staff account pages (administrators).</summary>
public static class StaffLinks
{
    public const string List = "/workspace/staff";

    public const string Invite = "/workspace/staff/invite";

    public static string InviteCheck(Guid journey) => $"/workspace/staff/invite/check-answers/{journey}";

    public static string View(Guid accountId) => $"/workspace/staff/{accountId}";

    public static string Change(Guid accountId) => $"/workspace/staff/change/{accountId}";

    public static string ChangeCheck(Guid accountId, Guid journey) => $"/workspace/staff/change/check-answers/{accountId}/{journey}";

    public static string ResetTwoFactor(Guid accountId) => $"/workspace/staff/reset-two-factor/{accountId}";

    public static string Deactivate(Guid accountId) => $"/workspace/staff/deactivate/{accountId}";
}

/// <summary>Addresses of the API client pages (administrators).</summary>
public static class ApiClientLinks
{
    public const string List = "/workspace/api-clients";

    public const string Create = "/workspace/api-clients/create";

    public static string CreateCheck(Guid journey) => $"/workspace/api-clients/create/check-answers/{journey}";

    public static string RotateKey(Guid clientId) => $"/workspace/api-clients/rotate-key/{clientId}";

    public static string ChangeTeam(Guid clientId) => $"/workspace/api-clients/change-team/{clientId}";

    public static string ChangeTeamCheck(Guid clientId, Guid journey) => $"/workspace/api-clients/change-team/check-answers/{clientId}/{journey}";

    public static string Revoke(Guid clientId) => $"/workspace/api-clients/revoke/{clientId}";
}

/// <summary>Addresses of the workspace's home and its single pages: tasks, search, lookup, figures, audit, import and export.</summary>
public static class WorkspaceLinks
{
    public const string Home = "/workspace";

    public const string Tasks = "/workspace/tasks";

    /// <summary>The user's deadlines as an iCalendar file, downloaded while signed in.</summary>
    public const string TasksCalendar = "/workspace/tasks?handler=Calendar";

    public const string Search = "/workspace/search";

    public const string Lookup = "/workspace/lookup";

    public const string Caseload = "/workspace/caseload";

    public const string Feedback = "/workspace/feedback";

    public const string Statistics = "/workspace/statistics";

    public const string Audit = "/workspace/audit";

    public const string ImportTracker = "/workspace/import-tracker";

    public const string ExportRegister = "/workspace/export-register";

    /// <summary>The register of orders downloaded as "csv" or "xlsx".</summary>
    public static string ExportRegisterDownload(string format) => $"/workspace/export-register?handler=Download&format={format}";

    /// <summary>The list behind a dashboard figure.</summary>
    public static string DashboardList(string list) => $"/workspace/dashboard/{list}";
}
