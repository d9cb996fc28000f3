using StalkingProtection.Core.Applications;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Orders;

/// <summary>Who may apply to vary, renew or discharge an order (SPA 2019 s.4, s.5(7), s.14(1), R20).</summary>
public static class RelevantChiefOfficer
{
    /// <summary>
    /// The relevant chief officers for an order: the chief officer who applied for it and, for a full order, the chief officer
    /// for the area in which the defendant resides, if in England or Wales (HANS18 amendment 2). For an interim order only the
    /// applicant chief officer (s.5(7)).
    /// </summary>
    public static IReadOnlyCollection<PoliceForce> For(StalkingProtectionOrder order, Respondent respondent, DateOnly today)
    {
        var forces = new HashSet<PoliceForce>();
        if (order.ApplicantForce is { } applicant)
        {
            forces.Add(applicant);
        }

        if (order.Kind == OrderKind.Full && respondent.HomeAddressOn(today)?.PoliceArea is { } residence)
        {
            forces.Add(residence);
        }

        return forces;
    }

    public static RuleCheck Check(ApplicantParty party, PoliceForce? applicantForce, IReadOnlyCollection<PoliceForce> relevantChiefOfficers,
        OrderKind kind = OrderKind.Full) =>
        new RuleCheck()
            // SPA 2019 s.4(1), s.5(7), R20: the defendant or a relevant chief officer; never the victim or the CPS.
            .Must(party == ApplicantParty.Defendant || (applicantForce is { } force && relevantChiefOfficers.Contains(force)), "R20", "applicantForce",
                kind == OrderKind.Interim
                    ? "Only the defendant or the chief officer who applied for the interim order can apply to vary, renew or discharge it (SPA 2019 s.5(7), R20)"
                    : "Only the defendant or a relevant chief officer (the force that applied for the order, or the force where the defendant lives) can apply to vary, renew or discharge it (SPA 2019 s.4, s.5(7), R20)",
                kind == OrderKind.Interim ? "SPA 2019 s.5(7)" : "SPA 2019 s.4, s.5(7), s.14(1)");

    /// <summary>SPA 2019 s.4, R20: a change recorded on an application is the court's decision on it, so the applicant is the one on the application.</summary>
    public static RuleCheck CheckAgainstApplication(Application? application, Guid orderId, ApplicationType type, ApplicantParty party, PoliceForce? applicantForce) =>
        new RuleCheck()
            .Must(application is null || (application.OrderId == orderId && application.Type == type && application.IsOpen), "R20", "applicationId",
                $"The application must be an open {type.ToString().ToLowerInvariant()} application for this order", "SPA 2019 s.4")
            .Must(application is null || (application.ApplicantParty == party && (party == ApplicantParty.Defendant || application.ApplicantForce == applicantForce)), "R20", "applicantParty",
                "The court decides the application made: record the same applicant as on the application (SPA 2019 s.4, R20)", "SPA 2019 s.4");
}
