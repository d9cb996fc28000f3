using StalkingProtection.Web.Infrastructure.GovUk;

namespace StalkingProtection.Web.Pages.Workspace;

/// <summary>Plain-English wording for audit actions that the case and order timelines share; never the action's code.</summary>
public static class AuditWords
{
    private static readonly Dictionary<string, string> _wording = new(StringComparer.Ordinal)
    {
        ["VictimContact.Changed"] = "Changed the victim's safe-contact details",
        ["VictimContact.Recorded"] = "Recorded contact with a victim",
        ["Application.ConditionProposed"] = "Proposed a condition for the order",
        ["Application.ProposedConditionChanged"] = "Changed a proposed condition",
        ["Application.ProposedConditionRemoved"] = "Removed a proposed condition",
        ["Application.CourtChosen"] = "Chose the court for the application",
        ["Application.ChangeSoughtAmended"] = "Amended the change the application seeks",
        ["Application.EvidenceAdded"] = "Linked evidence to the application",
        ["Application.ProtectedPersonAdded"] = "Named a protected person in the application",
        ["Application.JurisdictionSet"] = "Recorded why the force may apply (jurisdiction)",
        ["Application.Returned"] = "Returned the application with comments",
        ["Application.Commented"] = "Commented on the application",
        ["Application.Determined"] = "Recorded the court's decision on the application",
        ["Hearing.Listed"] = "Recorded a hearing date",
        ["Hearing.Adjourned"] = "Recorded that the hearing was adjourned",
        ["Hearing.Determined"] = "Recorded the outcome of the hearing",
        ["Hearing.StandardOfProofRecorded"] = "Recorded the standard of proof the court applied",
        ["Respondent.AddressChanged"] = "Recorded a new address for the respondent",
        ["Respondent.NameAdded"] = "Recorded a new name for the respondent",
        ["Respondent.MergedInto"] = "Merged the respondent's record into another",
        ["Person.Merged"] = "Merged two records of the same person",
        ["Person.MergedInto"] = "Merged this person's record into another",
        ["RightToKnow.Decided"] = "Decided on a disclosure under the right to know",
        ["RightToKnow.Disclosed"] = "Made a disclosure under the right to know",
        ["PublicReport.ContactDetailsCopied"] = "Copied the victim's safe-contact details from the online report",
        ["NotificationOffence.Recorded"] = "Recorded a possible notification offence (SPA 2019 s.11)",
        ["NotificationOffence.OutcomeRecorded"] = "Recorded the outcome of a notification offence",
        ["ManagementPlan.Created"] = "Recorded the management plan",
        ["ManagementPlan.Revised"] = "Revised the management plan",
        ["Breach.ProgressRecorded"] = "Recorded progress on a breach",
    };

    /// <summary>The wording for an action; an action not yet worded is shown as words ("Victim contact changed"), never as its code.</summary>
    public static string Describe(string action) =>
        _wording.TryGetValue(action, out var text)
            ? text
            : string.Join(' ', action.Split('.').Select((part, i) => i == 0 ? DateInputNames.Humanise(part) : DateInputNames.Humanise(part)?.ToLowerInvariant()));
}
