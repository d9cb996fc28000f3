using System.Reflection;
using StalkingProtection.Core.Auditing;

namespace StalkingProtection.Core.Tests.Auditing;

/// <summary>
/// The action names stored in the audit log are read by the audit viewer, the change feed, statistics and the force's systems:
/// the typed events must write exactly the names, kinds and record types written before them.
/// </summary>
public class AuditEventsTests
{
    private static readonly (string Action, AuditKind Kind, string RecordType)[] _stored =
    [
        ("Act.Amended", AuditKind.Alteration, "StalkingAct"),
        ("Act.Recorded", AuditKind.Collection, "StalkingAct"),
        ("Api.Applications.Listed", AuditKind.Consultation, "Application"),
        ("Api.Cases.Listed", AuditKind.Consultation, "StalkingCase"),
        ("Api.Changes.Listed", AuditKind.Consultation, "ChangeFeed"),
        ("Api.Orders.Listed", AuditKind.Consultation, "StalkingProtectionOrder"),
        ("Api.Respondents.Listed", AuditKind.Consultation, "Respondent"),
        ("Api.Statistics.LiveOrders", AuditKind.Consultation, "Statistics"),
        ("ApiClient.Created", AuditKind.Administration, "ApiClient"),
        ("ApiClient.KeyRotated", AuditKind.Administration, "ApiClient"),
        ("ApiClient.Revoked", AuditKind.Administration, "ApiClient"),
        ("ApiClient.TeamChanged", AuditKind.Administration, "ApiClient"),
        ("Appeal.Decided", AuditKind.Alteration, "Appeal"),
        ("Appeal.Lodged", AuditKind.Collection, "Appeal"),
        ("Application.AuthorisationAsked", AuditKind.Alteration, "Application"),
        ("Application.AuthorisationWithdrawn", AuditKind.Alteration, "Application"),
        ("Application.Authorised", AuditKind.Alteration, "Application"),
        ("Application.ChangeSoughtAmended", AuditKind.Alteration, "Application"),
        ("Application.Commented", AuditKind.Collection, "Application"),
        ("Application.ConditionProposed", AuditKind.Alteration, "Application"),
        ("Application.CourtChosen", AuditKind.Alteration, "Application"),
        ("Application.Created", AuditKind.Collection, "Application"),
        ("Application.Determined", AuditKind.Alteration, "Application"),
        ("Application.EvidenceAdded", AuditKind.Alteration, "Application"),
        ("Application.JurisdictionSet", AuditKind.Alteration, "Application"),
        ("Application.ProposedConditionChanged", AuditKind.Alteration, "Application"),
        ("Application.ProposedConditionRemoved", AuditKind.Alteration, "Application"),
        ("Application.ProtectedPersonAdded", AuditKind.Alteration, "Application"),
        ("Application.Returned", AuditKind.Alteration, "Application"),
        ("Application.Submitted", AuditKind.Alteration, "Application"),
        ("Application.Viewed", AuditKind.Consultation, "Application"),
        ("Applications.AwaitingAuthorisationListed", AuditKind.Consultation, "Application"),
        ("Applications.Downloaded", AuditKind.Disclosure, "Application"),
        ("Applications.Listed", AuditKind.Consultation, "Application"),
        ("AuditLog.Searched", AuditKind.Consultation, "AuditEntry"),
        ("Breach.OutcomeRecorded", AuditKind.Alteration, "Breach"),
        ("Breach.ProgressRecorded", AuditKind.Alteration, "Breach"),
        ("Breach.Recorded", AuditKind.Collection, "Breach"),
        ("Breach.Updated", AuditKind.Alteration, "Breach"),
        ("CalendarFeed.Read", AuditKind.Consultation, "StaffTask"),
        ("CalendarFeed.Reset", AuditKind.Administration, "StaffUser"),
        ("Case.FourAssessed", AuditKind.Alteration, "StalkingCase"),
        ("Case.Opened", AuditKind.Collection, "StalkingCase"),
        ("Case.Reassigned", AuditKind.Alteration, "StalkingCase"),
        ("Case.ReportAdded", AuditKind.Collection, "StalkingCase"),
        ("Case.RespondentLinked", AuditKind.Combination, "StalkingCase"),
        ("Case.Viewed", AuditKind.Consultation, "StalkingCase"),
        ("Cases.Downloaded", AuditKind.Disclosure, "StalkingCase"),
        ("Cases.Listed", AuditKind.Consultation, "StalkingCase"),
        ("Dashboard.ListViewed", AuditKind.Consultation, "Dashboard"),
        ("Document.Generated", AuditKind.Disclosure, "StalkingProtectionOrder"),
        ("Feedback.Read", AuditKind.Consultation, "Feedback"),
        ("Hearing.Adjourned", AuditKind.Alteration, "Hearing"),
        ("Hearing.Determined", AuditKind.Alteration, "Hearing"),
        ("Hearing.Listed", AuditKind.Collection, "Hearing"),
        ("Hearing.StandardOfProofRecorded", AuditKind.Alteration, "Hearing"),
        ("Keys.Rotated", AuditKind.Administration, "DataProtectionKey"),
        ("ManagementPlan.Created", AuditKind.Collection, "ManagementPlan"),
        ("ManagementPlan.Revised", AuditKind.Alteration, "ManagementPlan"),
        ("Notification.AcknowledgementViewed", AuditKind.Consultation, "NotificationEvent"),
        ("Notification.Recorded", AuditKind.Collection, "NotificationEvent"),
        ("NotificationOffence.OutcomeRecorded", AuditKind.Alteration, "NotificationOffence"),
        ("NotificationOffence.Recorded", AuditKind.Collection, "NotificationOffence"),
        ("Obligation.Created", AuditKind.Collection, "NotificationObligation"),
        ("Obligation.Excused", AuditKind.Alteration, "NotificationObligation"),
        ("Obligation.Met", AuditKind.Alteration, "NotificationObligation"),
        ("Obligation.Overdue", AuditKind.Alteration, "NotificationObligation"),
        ("Order.Ceased", AuditKind.Alteration, "StalkingProtectionOrder"),
        ("Order.Discharged", AuditKind.Alteration, "StalkingProtectionOrder"),
        ("Order.Made", AuditKind.Collection, "StalkingProtectionOrder"),
        ("Order.PncRecorded", AuditKind.Alteration, "StalkingProtectionOrder"),
        ("Order.Quashed", AuditKind.Alteration, "StalkingProtectionOrder"),
        ("Order.Renewed", AuditKind.Alteration, "StalkingProtectionOrder"),
        ("Order.ServiceRecorded", AuditKind.Alteration, "StalkingProtectionOrder"),
        ("Order.Varied", AuditKind.Alteration, "StalkingProtectionOrder"),
        ("Order.Viewed", AuditKind.Consultation, "StalkingProtectionOrder"),
        ("OrderLookup.Searched", AuditKind.Consultation, "OrderLookup"),
        ("OrderLookup.SubjectShown", AuditKind.Consultation, "Respondent"),
        ("Orders.Downloaded", AuditKind.Disclosure, "StalkingProtectionOrder"),
        ("Orders.Listed", AuditKind.Consultation, "StalkingProtectionOrder"),
        ("People.DuplicatesListed", AuditKind.Consultation, "Person"),
        ("Person.Merged", AuditKind.Combination, "Person"),
        ("Person.MergedInto", AuditKind.Combination, "Person"),
        ("PublicReport.ContactDetailsCopied", AuditKind.Consultation, "PublicReport"),
        ("PublicReport.ContactDetailsViewed", AuditKind.Consultation, "PublicReport"),
        ("PublicReport.Submitted", AuditKind.Collection, "PublicReport"),
        ("PublicReport.TriageStarted", AuditKind.Alteration, "PublicReport"),
        ("PublicReport.Triaged", AuditKind.Alteration, "PublicReport"),
        ("PublicReport.Viewed", AuditKind.Consultation, "PublicReport"),
        ("PublicReports.Listed", AuditKind.Consultation, "PublicReport"),
        ("Referral.OutcomeRecorded", AuditKind.Alteration, "MultiAgencyReferral"),
        ("Referral.Recorded", AuditKind.Collection, "MultiAgencyReferral"),
        ("Register.Exported", AuditKind.Disclosure, "StalkingProtectionOrder"),
        ("ReportedBreach.ContactDetailsViewed", AuditKind.Consultation, "ReportedBreach"),
        ("ReportedBreach.Decided", AuditKind.Alteration, "ReportedBreach"),
        ("ReportedBreach.ReporterTold", AuditKind.Alteration, "ReportedBreach"),
        ("ReportedBreach.Submitted", AuditKind.Collection, "ReportedBreach"),
        ("ReportedBreach.Viewed", AuditKind.Consultation, "ReportedBreach"),
        ("Respondent.Added", AuditKind.Collection, "Respondent"),
        ("Respondent.AddressChanged", AuditKind.Alteration, "Respondent"),
        ("Respondent.MergedInto", AuditKind.Combination, "Respondent"),
        ("Respondent.NameAdded", AuditKind.Alteration, "Person"),
        ("Respondent.OtherOrderRecorded", AuditKind.Collection, "RespondentOtherOrder"),
        ("Respondent.SoaPart2Ended", AuditKind.Alteration, "Respondent"),
        ("Respondent.SoaPart2Started", AuditKind.Alteration, "Respondent"),
        ("Review.Recorded", AuditKind.Collection, "ManagementReview"),
        ("RightToKnow.Decided", AuditKind.Collection, "RightToKnowDisclosure"),
        ("RightToKnow.Disclosed", AuditKind.Disclosure, "Respondent"),
        ("RiskAssessment.Recorded", AuditKind.Collection, "RiskAssessment"),
        ("Search.Searched", AuditKind.Consultation, "Search"),
        ("SignIn.Failed", AuditKind.SignIn, "StaffUser"),
        ("SignIn.IdentityProvider", AuditKind.SignIn, "StaffUser"),
        ("SignIn.IdentityProviderAccountConflict", AuditKind.SignIn, "StaffUser"),
        ("SignIn.IdentityProviderTooWeak", AuditKind.SignIn, "StaffUser"),
        ("SignIn.LockedOut", AuditKind.SignIn, "StaffUser"),
        ("SignIn.Password", AuditKind.SignIn, "StaffUser"),
        ("SignIn.PasswordAwaitingSecondFactor", AuditKind.SignIn, "StaffUser"),
        ("SignIn.RecoveryCode", AuditKind.SignIn, "StaffUser"),
        ("SignIn.RecoveryCodeFailed", AuditKind.SignIn, "StaffUser"),
        ("SignIn.TwoFactor", AuditKind.SignIn, "StaffUser"),
        ("SignIn.TwoFactorFailed", AuditKind.SignIn, "StaffUser"),
        ("SignOut", AuditKind.SignIn, "StaffUser"),
        ("SpoDecision.Recorded", AuditKind.Collection, "SpoDecision"),
        ("StaffAccount.AllSessionsEnded", AuditKind.Administration, "StaffUser"),
        ("StaffAccount.Created", AuditKind.Administration, "StaffUser"),
        ("StaffAccount.Deactivated", AuditKind.Administration, "StaffUser"),
        ("StaffAccount.Invited", AuditKind.Administration, "StaffUser"),
        ("StaffAccount.PasswordChanged", AuditKind.Administration, "StaffUser"),
        ("StaffAccount.PasswordReset", AuditKind.Administration, "StaffUser"),
        ("StaffAccount.PasswordSet", AuditKind.Administration, "StaffUser"),
        ("StaffAccount.RolesChanged", AuditKind.Administration, "StaffUser"),
        ("StaffAccount.SessionEnded", AuditKind.Administration, "StaffUser"),
        ("StaffAccount.SessionsEnded", AuditKind.Administration, "StaffUser"),
        ("StaffAccount.SetUpLinkIssued", AuditKind.Administration, "StaffUser"),
        ("StaffAccount.TwoFactorChangeStarted", AuditKind.Administration, "StaffUser"),
        ("StaffAccount.TwoFactorChanged", AuditKind.Administration, "StaffUser"),
        ("StaffAccount.TwoFactorEnabled", AuditKind.Administration, "StaffUser"),
        ("StaffAccount.TwoFactorReset", AuditKind.Administration, "StaffUser"),
        ("Statistics.Viewed", AuditKind.Consultation, "Statistics"),
        ("Task.Cancelled", AuditKind.Alteration, "StaffTask"),
        ("Task.Completed", AuditKind.Alteration, "StaffTask"),
        ("Task.Raised", AuditKind.Collection, "StaffTask"),
        ("Task.Replaced", AuditKind.Alteration, "StaffTask"),
        ("TrackerImport.Started", AuditKind.Collection, "TrackerImport"),
        ("Victim.Added", AuditKind.Collection, "Victim"),
        ("VictimContact.Changed", AuditKind.Alteration, "VictimContactDetails"),
        ("VictimContact.Read", AuditKind.Consultation, "VictimContactDetails"),
        ("VictimContact.Recorded", AuditKind.Collection, "VictimContactEvent"),
        ("VictimContact.SearchedByPhone", AuditKind.Consultation, "VictimContactDetails"),
        ("VictimUpdates.MessagesRead", AuditKind.Consultation, "VictimMessage"),
        ("VictimUpdates.PreferencesChanged", AuditKind.Alteration, "VictimUpdatePreferences"),
    ];

    public static TheoryData<string, AuditKind, string> Stored()
    {
        var rows = new TheoryData<string, AuditKind, string>();
        foreach (var (action, kind, recordType) in _stored)
        {
            rows.Add(action, kind, recordType);
        }

        return rows;
    }

    private static IReadOnlyList<AuditAction> All() =>
        [.. typeof(AuditEvents).GetNestedTypes()
            .SelectMany(area => area.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(field => field.FieldType == typeof(AuditAction))
            .Select(field => (AuditAction)field.GetValue(null)!)];

    [Theory]
    [MemberData(nameof(Stored))]
    public void EveryStoredAction_KeepsItsNameKindAndRecordType(string action, AuditKind kind, string recordType)
    {
        // Act
        var found = All().Single(a => a.Name == action);

        // Assert
        Assert.Equal((kind, recordType), (found.Kind, found.RecordType));
    }

    [Fact]
    public void AuditEvents_HoldNoActionOutsideTheStoredNames()
    {
        // Arrange
        var stored = _stored.Select(row => row.Action).ToHashSet();

        // Act
        var names = All().Select(a => a.Name).ToList();

        // Assert
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.Contains(n, stored));
    }

    [Fact]
    public void ApiRead_IsNamedByTheRecordType()
    {
        // Act
        var read = AuditEvents.Api.Read("StalkingCase").For(Guid.Empty, "Read through the API");

        // Assert
        Assert.Equal(("Api.StalkingCase.Read", AuditKind.Consultation, "StalkingCase", "Read through the API"),
            (read.Action, read.Kind, read.RecordType, read.Justification));
    }
}
