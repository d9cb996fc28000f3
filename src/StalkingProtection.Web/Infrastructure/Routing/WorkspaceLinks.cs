using StalkingProtection.Core.Cases;

namespace StalkingProtection.Web.Infrastructure.Routing;

/// <summary>Addresses of the order pages: a journey's page is "/workspace/orders/{journey}/{order id}".</summary>
public static class OrderLinks
{
    public const string List = "/workspace/orders";

    public static string View(Guid orderId) => $"/workspace/orders/{orderId}";

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

    public const string OpenCase = "/workspace/cases/open-case";

    public static string OpenCaseCheckAnswers(Guid journeyId) => $"/workspace/cases/open-case/check-answers/{journeyId}";

    public static string View(Guid caseId) => $"/workspace/cases/{caseId}";

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
    public static string View(Guid applicationId) => $"/workspace/applications/{applicationId}";

    public static string Journey(string journey, Guid applicationId) => $"/workspace/applications/{journey}/{applicationId}";

    /// <summary>Drafting a new application, which starts from its case.</summary>
    public static string Draft(Guid caseId) => $"/workspace/applications/draft-application/{caseId}";

    /// <summary>A journey on one hearing of an application: "/workspace/applications/{journey}/{hearing id}".</summary>
    public static string HearingJourney(string journey, Guid hearingId) => $"/workspace/applications/{journey}/{hearingId}";

    /// <summary>The application pack's download form, the format already chosen.</summary>
    public static string Pack(Guid applicationId, Core.Documents.DocumentFileFormat format) => $"/workspace/applications/{applicationId}/documents?format={format}";
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
