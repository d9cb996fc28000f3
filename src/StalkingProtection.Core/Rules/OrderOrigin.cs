namespace StalkingProtection.Core.Rules;

/// <summary>
/// How an order came to be made (R43). The court-made origins exist only once the Crime and Policing Act 2026
/// provisions are commenced: see <see cref="LegalRuleSet.IsOrderOriginAvailable"/>.
/// </summary>
public enum OrderOrigin
{
    /// <summary>Chief officer's application to a magistrates' court (SPA 2019 s.1).</summary>
    PoliceApplicationMagistrates = 0,

    /// <summary>Chief officer's application heard in the youth court because the defendant was under 18 (R7).</summary>
    PoliceApplicationYouthCourt = 1,

    /// <summary>Made by the court of its own volition on conviction (Crime and Policing Act 2026, when commenced).</summary>
    CourtOnConviction = 2,

    /// <summary>Made by the court of its own volition on acquittal (Crime and Policing Act 2026, when commenced).</summary>
    CourtOnAcquittal = 3,

    /// <summary>Made by the Crown Court on appeal (SPA 2019 s.7(4)).</summary>
    CrownCourtOnAppeal = 4,
}
