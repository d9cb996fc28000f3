using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Web.Infrastructure.GovUk;

namespace StalkingProtection.Web.Infrastructure.Journeys;

/// <summary>Radio and select items for Core's enums, in plain words.</summary>
public static class Choices
{
    private static readonly Dictionary<string, string> _words = new(StringComparer.Ordinal)
    {
        ["AllUk"] = "Everywhere in the United Kingdom",
        ["Locality"] = "Only in a named locality",
        ["AsOrder"] = "As long as the order",
        ["FixedPeriod"] = "A fixed period",
        ["UntilFurtherOrder"] = "Until further order",
        ["PoliceApplicationMagistrates"] = "Police application to a magistrates' court",
        ["PoliceApplicationYouthCourt"] = "Police application to the youth court",
        ["CourtOnConviction"] = "Made by the court on conviction (Crime and Policing Act 2026)",
        ["CourtOnAcquittal"] = "Made by the court on acquittal (Crime and Policing Act 2026)",
        ["CrownCourtOnAppeal"] = "Crown Court on appeal",
        ["ChiefOfficer"] = "A chief officer of police",
        ["InPersonOral"] = "In person, spoken to the officer",
        ["InPersonWritten"] = "In person, in writing only",
        ["PresentInCourt"] = "Present in court when the order was made",
        ["Personal"] = "Handed to the respondent in person",
        ["OnlineOrSocialMedia"] = "Online or social media",
        ["DeviceOrInternet"] = "Device or internet use",
        ["DeviceSurrenderOrAccess"] = "Device surrender or access",
        ["ReportingOrSignOn"] = "Reporting or signing on",
        ["MakingOfS4OrderOnChiefOfficerApplication"] = "Making of a variation, renewal or discharge on a chief officer's application",
        ["RefusalOfS4OrderOnDefendantApplication"] = "Refusal of a variation, renewal or discharge on the defendant's application",
        ["RefusalOfS4OrderOnChiefOfficerApplication"] = "Refusal of a variation, renewal or discharge on a chief officer's application",
        ["MakingOfS4OrderOnDefendantApplication"] = "Making of a variation, renewal or discharge on the defendant's application",
        ["Submitted"] = "Lodged with the court",
        ["Listed"] = "Hearing listed",
        ["Adjourned"] = "Hearing adjourned",
        ["Determined"] = "Decided by the court",
        ["ThroughAdvocate"] = "Through their advocate",
        ["Marac"] = "MARAC (multi-agency risk assessment conference)",
        ["Mappa"] = "MAPPA (multi-agency public protection arrangements)",
        ["MasipStalkingClinic"] = "MASIP stalking clinic",
        ["StalkingThreatAssessmentCentre"] = "Stalking Threat Assessment Centre",
        ["ChildrensSafeguarding"] = "Children's safeguarding",
        ["SDash"] = "S-DASH",
        ["InitialService"] = "After service of the order",
        ["FinalDaySoa"] = "After Sexual Offences Act 2003 notification ends",
        ["NewName"] = "Of a new name",
        ["NewAddress"] = "Of a new home address",
        ["Sash"] = "SASH",
    };

    public static string Text<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return _words.TryGetValue(name, out var text) ? text : DateInputNames.Humanise(name) ?? name;
    }

    /// <summary>What became of a listing, as the application page lists its hearings.</summary>
    public static string Text(HearingOutcome outcome) => outcome switch
    {
        HearingOutcome.Pending => "Outcome not yet recorded",
        HearingOutcome.Adjourned => "Adjourned",
        HearingOutcome.Determined => "Application decided",
        HearingOutcome.Vacated => "Vacated (taken out of the list)",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static IReadOnlyList<SelectListItem> Of<T>(params T[] only)
        where T : struct, Enum =>
        (only.Length == 0 ? Enum.GetValues<T>() : only).Select(v => new SelectListItem(Text(v), v.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> Forces { get; } =
        Enum.GetValues<PoliceForce>().Select(f => new SelectListItem(Force(f), f.ToString())).ToList();

    /// <summary>A police force or area by its proper name: "West Yorkshire", "Avon and Somerset", "City of London".</summary>
    public static string Force(PoliceForce force) => PoliceForces.Name(force);

    public static string Force(PoliceForce? force) => force is { } f ? Force(f) : "";
}

/// <summary>How applications are named on pages: "Application for a full order", never "Full application".</summary>
public static class ApplicationWords
{
    public static string Title(ApplicationType type) => type switch
    {
        ApplicationType.Full => "Application for a full order",
        ApplicationType.Interim => "Application for an interim order",
        ApplicationType.Variation => "Application to vary the order",
        ApplicationType.Renewal => "Application to renew the order",
        ApplicationType.Discharge => "Application to discharge the order",
        _ => Choices.Text(type),
    };

    /// <summary>"on the application of a chief officer of police" or "of the defendant" (SPA 2019 s.4(1)).</summary>
    public static string OnTheApplicationOf(ApplicantParty party) =>
        party == ApplicantParty.Defendant ? "on the application of the defendant" : "on the application of a chief officer of police";
}

/// <summary>The s.11 offences by what happened, with the PNLD code beside the words.</summary>
public static class NotificationOffenceWords
{
    public static string Describe(string code) => code switch
    {
        Core.Notifications.NotificationOffence.InitialNotNotified => "Failing to notify after service of the order (offence H20165)",
        Core.Notifications.NotificationOffence.NewNameNotNotified => "Failing to notify a new name (offence H20166)",
        Core.Notifications.NotificationOffence.NewAddressNotNotified => "Failing to notify a new home address (offence H20167)",
        Core.Notifications.NotificationOffence.BiometricsRefused => "Refusing fingerprints or photographs when notifying (offence H20168)",
        Core.Notifications.NotificationOffence.FalseInformation => "Giving false information when notifying (offence H20169)",
        _ => $"Offence {code}",
    };
}
