using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.VictimUpdates;

namespace StalkingProtection.Core.Auditing;

/// <summary>
/// Every kind of audit entry the service writes, grouped by the part of the domain it belongs to:
/// <c>audit.Add(actor, AuditEvents.Order.Made.For(order.Id, justification, newValues: snapshot))</c>.
/// </summary>
public static class AuditEvents
{
    public static class Act
    {
        public static readonly AuditAction Amended = new("Act.Amended", AuditKind.Alteration, nameof(StalkingAct));
        public static readonly AuditAction Recorded = new("Act.Recorded", AuditKind.Collection, nameof(StalkingAct));
    }

    public static class Api
    {
        public static readonly AuditAction StatisticsLiveOrders = new("Api.Statistics.LiveOrders", AuditKind.Consultation, "Statistics");
        public static readonly AuditAction OrdersListed = new("Api.Orders.Listed", AuditKind.Consultation, nameof(StalkingProtectionOrder));
        public static readonly AuditAction CasesListed = new("Api.Cases.Listed", AuditKind.Consultation, nameof(StalkingCase));
        public static readonly AuditAction ApplicationsListed = new("Api.Applications.Listed", AuditKind.Consultation, nameof(Application));
        public static readonly AuditAction RespondentsListed = new("Api.Respondents.Listed", AuditKind.Consultation, nameof(Respondent));
        public static readonly AuditAction ChangesListed = new("Api.Changes.Listed", AuditKind.Consultation, nameof(ChangeFeed));

        /// <summary>A record read through the API, named by its type.</summary>
        public static AuditAction Read(string recordType) => new($"Api.{recordType}.Read", AuditKind.Consultation, recordType);
    }

    public static class ApiClient
    {
        public static readonly AuditAction Created = new("ApiClient.Created", AuditKind.Administration, nameof(ApiClient));
        public static readonly AuditAction KeyRotated = new("ApiClient.KeyRotated", AuditKind.Administration, nameof(ApiClient));
        public static readonly AuditAction Revoked = new("ApiClient.Revoked", AuditKind.Administration, nameof(ApiClient));
        public static readonly AuditAction TeamChanged = new("ApiClient.TeamChanged", AuditKind.Administration, nameof(ApiClient));
    }

    public static class Appeal
    {
        public static readonly AuditAction Decided = new("Appeal.Decided", AuditKind.Alteration, nameof(Appeal));
        public static readonly AuditAction Lodged = new("Appeal.Lodged", AuditKind.Collection, nameof(Appeal));
    }

    public static class Application
    {
        public static readonly AuditAction AuthorisationAsked = new("Application.AuthorisationAsked", AuditKind.Alteration, nameof(Application));
        public static readonly AuditAction AuthorisationWithdrawn = new("Application.AuthorisationWithdrawn", AuditKind.Alteration, nameof(Application));
        public static readonly AuditAction Authorised = new("Application.Authorised", AuditKind.Alteration, nameof(Application));
        public static readonly AuditAction ChangeSoughtAmended = new("Application.ChangeSoughtAmended", AuditKind.Alteration, nameof(Application));
        public static readonly AuditAction Commented = new("Application.Commented", AuditKind.Collection, nameof(Application));
        public static readonly AuditAction ConditionProposed = new("Application.ConditionProposed", AuditKind.Alteration, nameof(Application));
        public static readonly AuditAction CourtChosen = new("Application.CourtChosen", AuditKind.Alteration, nameof(Application));
        public static readonly AuditAction Created = new("Application.Created", AuditKind.Collection, nameof(Application));
        public static readonly AuditAction Determined = new("Application.Determined", AuditKind.Alteration, nameof(Application));
        public static readonly AuditAction EvidenceAdded = new("Application.EvidenceAdded", AuditKind.Alteration, nameof(Application));
        public static readonly AuditAction JurisdictionSet = new("Application.JurisdictionSet", AuditKind.Alteration, nameof(Application));
        public static readonly AuditAction ProposedConditionChanged = new("Application.ProposedConditionChanged", AuditKind.Alteration, nameof(Application));
        public static readonly AuditAction ProposedConditionRemoved = new("Application.ProposedConditionRemoved", AuditKind.Alteration, nameof(Application));
        public static readonly AuditAction ProtectedPersonAdded = new("Application.ProtectedPersonAdded", AuditKind.Alteration, nameof(Application));
        public static readonly AuditAction Returned = new("Application.Returned", AuditKind.Alteration, nameof(Application));
        public static readonly AuditAction Submitted = new("Application.Submitted", AuditKind.Alteration, nameof(Application));
        public static readonly AuditAction Viewed = new("Application.Viewed", AuditKind.Consultation, nameof(Application));
    }

    public static class Applications
    {
        public static readonly AuditAction AwaitingAuthorisationListed = new("Applications.AwaitingAuthorisationListed", AuditKind.Consultation, nameof(Application));
        public static readonly AuditAction Downloaded = new("Applications.Downloaded", AuditKind.Disclosure, nameof(Application));
        public static readonly AuditAction Listed = new("Applications.Listed", AuditKind.Consultation, nameof(Application));
    }

    public static class AuditLog
    {
        public static readonly AuditAction Searched = new("AuditLog.Searched", AuditKind.Consultation, nameof(AuditEntry));
    }

    public static class Breach
    {
        public static readonly AuditAction OutcomeRecorded = new("Breach.OutcomeRecorded", AuditKind.Alteration, nameof(Breach));
        public static readonly AuditAction ProgressRecorded = new("Breach.ProgressRecorded", AuditKind.Alteration, nameof(Breach));
        public static readonly AuditAction Recorded = new("Breach.Recorded", AuditKind.Collection, nameof(Breach));
        public static readonly AuditAction Updated = new("Breach.Updated", AuditKind.Alteration, nameof(Breach));
    }

    public static class CalendarFeed
    {
        public static readonly AuditAction Read = new("CalendarFeed.Read", AuditKind.Consultation, nameof(StaffTask));
        public static readonly AuditAction Reset = new("CalendarFeed.Reset", AuditKind.Administration, nameof(StaffUser));
    }

    public static class Case
    {
        public static readonly AuditAction FourAssessed = new("Case.FourAssessed", AuditKind.Alteration, nameof(StalkingCase));
        public static readonly AuditAction Opened = new("Case.Opened", AuditKind.Collection, nameof(StalkingCase));
        public static readonly AuditAction Reassigned = new("Case.Reassigned", AuditKind.Alteration, nameof(StalkingCase));
        public static readonly AuditAction ReportAdded = new("Case.ReportAdded", AuditKind.Collection, nameof(StalkingCase));
        public static readonly AuditAction RespondentLinked = new("Case.RespondentLinked", AuditKind.Combination, nameof(StalkingCase));
        public static readonly AuditAction Viewed = new("Case.Viewed", AuditKind.Consultation, nameof(StalkingCase));
    }

    public static class Cases
    {
        public static readonly AuditAction Downloaded = new("Cases.Downloaded", AuditKind.Disclosure, nameof(StalkingCase));
        public static readonly AuditAction Listed = new("Cases.Listed", AuditKind.Consultation, nameof(StalkingCase));
    }

    public static class Dashboard
    {
        public static readonly AuditAction ListViewed = new("Dashboard.ListViewed", AuditKind.Consultation, "Dashboard");
    }

    public static class Document
    {
        public static readonly AuditAction Generated = new("Document.Generated", AuditKind.Disclosure, nameof(StalkingProtectionOrder));
    }

    public static class Feedback
    {
        public static readonly AuditAction Read = new("Feedback.Read", AuditKind.Consultation, nameof(Feedback));
    }

    public static class Hearing
    {
        public static readonly AuditAction Adjourned = new("Hearing.Adjourned", AuditKind.Alteration, nameof(Hearing));
        public static readonly AuditAction Determined = new("Hearing.Determined", AuditKind.Alteration, nameof(Hearing));
        public static readonly AuditAction Listed = new("Hearing.Listed", AuditKind.Collection, nameof(Hearing));
        public static readonly AuditAction StandardOfProofRecorded = new("Hearing.StandardOfProofRecorded", AuditKind.Alteration, nameof(Hearing));
    }

    public static class Keys
    {
        public static readonly AuditAction Rotated = new("Keys.Rotated", AuditKind.Administration, "DataProtectionKey");
    }

    public static class ManagementPlan
    {
        public static readonly AuditAction Created = new("ManagementPlan.Created", AuditKind.Collection, nameof(ManagementPlan));
        public static readonly AuditAction Revised = new("ManagementPlan.Revised", AuditKind.Alteration, nameof(ManagementPlan));
    }

    public static class Notification
    {
        public static readonly AuditAction AcknowledgementViewed = new("Notification.AcknowledgementViewed", AuditKind.Consultation, nameof(NotificationEvent));
        public static readonly AuditAction Recorded = new("Notification.Recorded", AuditKind.Collection, nameof(NotificationEvent));
    }

    public static class NotificationOffence
    {
        public static readonly AuditAction OutcomeRecorded = new("NotificationOffence.OutcomeRecorded", AuditKind.Alteration, nameof(NotificationOffence));
        public static readonly AuditAction Recorded = new("NotificationOffence.Recorded", AuditKind.Collection, nameof(NotificationOffence));
    }

    public static class Obligation
    {
        public static readonly AuditAction Created = new("Obligation.Created", AuditKind.Collection, nameof(NotificationObligation));
        public static readonly AuditAction Excused = new("Obligation.Excused", AuditKind.Alteration, nameof(NotificationObligation));
        public static readonly AuditAction Met = new("Obligation.Met", AuditKind.Alteration, nameof(NotificationObligation));
        public static readonly AuditAction Overdue = new("Obligation.Overdue", AuditKind.Alteration, nameof(NotificationObligation));
    }

    public static class Order
    {
        public static readonly AuditAction Ceased = new("Order.Ceased", AuditKind.Alteration, nameof(StalkingProtectionOrder));
        public static readonly AuditAction Discharged = new("Order.Discharged", AuditKind.Alteration, nameof(StalkingProtectionOrder));
        public static readonly AuditAction Made = new("Order.Made", AuditKind.Collection, nameof(StalkingProtectionOrder));
        public static readonly AuditAction PncRecorded = new("Order.PncRecorded", AuditKind.Alteration, nameof(StalkingProtectionOrder));
        public static readonly AuditAction Quashed = new("Order.Quashed", AuditKind.Alteration, nameof(StalkingProtectionOrder));
        public static readonly AuditAction Renewed = new("Order.Renewed", AuditKind.Alteration, nameof(StalkingProtectionOrder));
        public static readonly AuditAction ServiceRecorded = new("Order.ServiceRecorded", AuditKind.Alteration, nameof(StalkingProtectionOrder));
        public static readonly AuditAction Varied = new("Order.Varied", AuditKind.Alteration, nameof(StalkingProtectionOrder));
        public static readonly AuditAction Viewed = new("Order.Viewed", AuditKind.Consultation, nameof(StalkingProtectionOrder));
    }

    public static class OrderLookup
    {
        public static readonly AuditAction Searched = new("OrderLookup.Searched", AuditKind.Consultation, "OrderLookup");
        public static readonly AuditAction SubjectShown = new("OrderLookup.SubjectShown", AuditKind.Consultation, nameof(Respondent));
    }

    public static class Orders
    {
        public static readonly AuditAction Downloaded = new("Orders.Downloaded", AuditKind.Disclosure, nameof(StalkingProtectionOrder));
        public static readonly AuditAction Listed = new("Orders.Listed", AuditKind.Consultation, nameof(StalkingProtectionOrder));
    }

    public static class People
    {
        public static readonly AuditAction DuplicatesListed = new("People.DuplicatesListed", AuditKind.Consultation, nameof(Person));
    }

    public static class Person
    {
        public static readonly AuditAction Merged = new("Person.Merged", AuditKind.Combination, nameof(Person));
        public static readonly AuditAction MergedInto = new("Person.MergedInto", AuditKind.Combination, nameof(Person));
    }

    public static class PublicReport
    {
        public static readonly AuditAction ContactDetailsCopied = new("PublicReport.ContactDetailsCopied", AuditKind.Consultation, nameof(PublicReport));
        public static readonly AuditAction ContactDetailsViewed = new("PublicReport.ContactDetailsViewed", AuditKind.Consultation, nameof(PublicReport));
        public static readonly AuditAction Submitted = new("PublicReport.Submitted", AuditKind.Collection, nameof(PublicReport));
        public static readonly AuditAction TriageStarted = new("PublicReport.TriageStarted", AuditKind.Alteration, nameof(PublicReport));
        public static readonly AuditAction Triaged = new("PublicReport.Triaged", AuditKind.Alteration, nameof(PublicReport));
        public static readonly AuditAction Viewed = new("PublicReport.Viewed", AuditKind.Consultation, nameof(PublicReport));
    }

    public static class PublicReports
    {
        public static readonly AuditAction Listed = new("PublicReports.Listed", AuditKind.Consultation, nameof(PublicReport));
    }

    public static class Referral
    {
        public static readonly AuditAction OutcomeRecorded = new("Referral.OutcomeRecorded", AuditKind.Alteration, nameof(MultiAgencyReferral));
        public static readonly AuditAction Recorded = new("Referral.Recorded", AuditKind.Collection, nameof(MultiAgencyReferral));
    }

    public static class Register
    {
        public static readonly AuditAction Exported = new("Register.Exported", AuditKind.Disclosure, nameof(StalkingProtectionOrder));
    }

    public static class ReportedBreach
    {
        public static readonly AuditAction ContactDetailsViewed = new("ReportedBreach.ContactDetailsViewed", AuditKind.Consultation, nameof(ReportedBreach));
        public static readonly AuditAction Decided = new("ReportedBreach.Decided", AuditKind.Alteration, nameof(ReportedBreach));
        public static readonly AuditAction ReporterTold = new("ReportedBreach.ReporterTold", AuditKind.Alteration, nameof(ReportedBreach));
        public static readonly AuditAction Submitted = new("ReportedBreach.Submitted", AuditKind.Collection, nameof(ReportedBreach));
        public static readonly AuditAction Viewed = new("ReportedBreach.Viewed", AuditKind.Consultation, nameof(ReportedBreach));
    }

    public static class Respondent
    {
        public static readonly AuditAction Added = new("Respondent.Added", AuditKind.Collection, nameof(Respondent));
        public static readonly AuditAction AddressChanged = new("Respondent.AddressChanged", AuditKind.Alteration, nameof(Respondent));
        public static readonly AuditAction MergedInto = new("Respondent.MergedInto", AuditKind.Combination, nameof(Respondent));
        public static readonly AuditAction NameAdded = new("Respondent.NameAdded", AuditKind.Alteration, nameof(Person));
        public static readonly AuditAction OtherOrderRecorded = new("Respondent.OtherOrderRecorded", AuditKind.Collection, nameof(RespondentOtherOrder));
        public static readonly AuditAction SoaPart2Ended = new("Respondent.SoaPart2Ended", AuditKind.Alteration, nameof(Respondent));
        public static readonly AuditAction SoaPart2Started = new("Respondent.SoaPart2Started", AuditKind.Alteration, nameof(Respondent));
    }

    public static class Review
    {
        public static readonly AuditAction Recorded = new("Review.Recorded", AuditKind.Collection, nameof(ManagementReview));
    }

    public static class RightToKnow
    {
        public static readonly AuditAction Decided = new("RightToKnow.Decided", AuditKind.Collection, nameof(RightToKnowDisclosure));
        public static readonly AuditAction Disclosed = new("RightToKnow.Disclosed", AuditKind.Disclosure, nameof(Respondent));
    }

    public static class RiskAssessment
    {
        public static readonly AuditAction Recorded = new("RiskAssessment.Recorded", AuditKind.Collection, nameof(RiskAssessment));
    }

    public static class Search
    {
        public static readonly AuditAction Searched = new("Search.Searched", AuditKind.Consultation, "Search");
    }

    public static class SignIn
    {
        public static readonly AuditAction Failed = new("SignIn.Failed", AuditKind.SignIn, nameof(StaffUser));
        public static readonly AuditAction IdentityProvider = new("SignIn.IdentityProvider", AuditKind.SignIn, nameof(StaffUser));
        public static readonly AuditAction IdentityProviderAccountConflict = new("SignIn.IdentityProviderAccountConflict", AuditKind.SignIn, nameof(StaffUser));
        public static readonly AuditAction IdentityProviderTooWeak = new("SignIn.IdentityProviderTooWeak", AuditKind.SignIn, nameof(StaffUser));
        public static readonly AuditAction LockedOut = new("SignIn.LockedOut", AuditKind.SignIn, nameof(StaffUser));
        public static readonly AuditAction Password = new("SignIn.Password", AuditKind.SignIn, nameof(StaffUser));
        public static readonly AuditAction PasswordAwaitingSecondFactor = new("SignIn.PasswordAwaitingSecondFactor", AuditKind.SignIn, nameof(StaffUser));
        public static readonly AuditAction RecoveryCode = new("SignIn.RecoveryCode", AuditKind.SignIn, nameof(StaffUser));
        public static readonly AuditAction RecoveryCodeFailed = new("SignIn.RecoveryCodeFailed", AuditKind.SignIn, nameof(StaffUser));
        public static readonly AuditAction SignedOut = new("SignOut", AuditKind.SignIn, nameof(StaffUser));
        public static readonly AuditAction TwoFactor = new("SignIn.TwoFactor", AuditKind.SignIn, nameof(StaffUser));
        public static readonly AuditAction TwoFactorFailed = new("SignIn.TwoFactorFailed", AuditKind.SignIn, nameof(StaffUser));
    }

    public static class SpoDecision
    {
        public static readonly AuditAction Recorded = new("SpoDecision.Recorded", AuditKind.Collection, nameof(SpoDecision));
    }

    public static class StaffAccount
    {
        public static readonly AuditAction AllSessionsEnded = new("StaffAccount.AllSessionsEnded", AuditKind.Administration, nameof(StaffUser));
        public static readonly AuditAction Created = new("StaffAccount.Created", AuditKind.Administration, nameof(StaffUser));
        public static readonly AuditAction Deactivated = new("StaffAccount.Deactivated", AuditKind.Administration, nameof(StaffUser));
        public static readonly AuditAction Invited = new("StaffAccount.Invited", AuditKind.Administration, nameof(StaffUser));
        public static readonly AuditAction PasswordChanged = new("StaffAccount.PasswordChanged", AuditKind.Administration, nameof(StaffUser));
        public static readonly AuditAction PasswordReset = new("StaffAccount.PasswordReset", AuditKind.Administration, nameof(StaffUser));
        public static readonly AuditAction PasswordSet = new("StaffAccount.PasswordSet", AuditKind.Administration, nameof(StaffUser));
        public static readonly AuditAction RolesChanged = new("StaffAccount.RolesChanged", AuditKind.Administration, nameof(StaffUser));
        public static readonly AuditAction SessionEnded = new("StaffAccount.SessionEnded", AuditKind.Administration, nameof(StaffUser));
        public static readonly AuditAction SessionsEnded = new("StaffAccount.SessionsEnded", AuditKind.Administration, nameof(StaffUser));
        public static readonly AuditAction SetUpLinkIssued = new("StaffAccount.SetUpLinkIssued", AuditKind.Administration, nameof(StaffUser));
        public static readonly AuditAction TwoFactorChangeStarted = new("StaffAccount.TwoFactorChangeStarted", AuditKind.Administration, nameof(StaffUser));
        public static readonly AuditAction TwoFactorChanged = new("StaffAccount.TwoFactorChanged", AuditKind.Administration, nameof(StaffUser));
        public static readonly AuditAction TwoFactorEnabled = new("StaffAccount.TwoFactorEnabled", AuditKind.Administration, nameof(StaffUser));
        public static readonly AuditAction TwoFactorReset = new("StaffAccount.TwoFactorReset", AuditKind.Administration, nameof(StaffUser));
    }

    public static class Statistics
    {
        public static readonly AuditAction Viewed = new("Statistics.Viewed", AuditKind.Consultation, "Statistics");
    }

    public static class Task
    {
        public static readonly AuditAction Cancelled = new("Task.Cancelled", AuditKind.Alteration, nameof(StaffTask));
        public static readonly AuditAction Completed = new("Task.Completed", AuditKind.Alteration, nameof(StaffTask));
        public static readonly AuditAction Raised = new("Task.Raised", AuditKind.Collection, nameof(StaffTask));
        public static readonly AuditAction Replaced = new("Task.Replaced", AuditKind.Alteration, nameof(StaffTask));
    }

    public static class TrackerImport
    {
        public static readonly AuditAction Started = new("TrackerImport.Started", AuditKind.Collection, "TrackerImport");
    }

    public static class Victim
    {
        public static readonly AuditAction Added = new("Victim.Added", AuditKind.Collection, nameof(Victim));
    }

    public static class VictimContact
    {
        public static readonly AuditAction Changed = new("VictimContact.Changed", AuditKind.Alteration, nameof(VictimContactDetails));
        public static readonly AuditAction Read = new("VictimContact.Read", AuditKind.Consultation, nameof(VictimContactDetails));
        public static readonly AuditAction Recorded = new("VictimContact.Recorded", AuditKind.Collection, nameof(VictimContactEvent));
        public static readonly AuditAction SearchedByPhone = new("VictimContact.SearchedByPhone", AuditKind.Consultation, nameof(VictimContactDetails));
    }

    public static class VictimUpdates
    {
        public static readonly AuditAction MessagesRead = new("VictimUpdates.MessagesRead", AuditKind.Consultation, nameof(VictimMessage));
        public static readonly AuditAction PreferencesChanged = new("VictimUpdates.PreferencesChanged", AuditKind.Alteration, nameof(VictimUpdatePreferences));
    }
}
