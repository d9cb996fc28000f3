namespace StalkingProtection.Core.Rules;

// R43: where an order came from. The court-made origins exist only once the Crime and Policing Act 2026 provisions commence.
public enum OrderOrigin
{
    PoliceApplicationMagistrates,
    PoliceApplicationYouthCourt,
    CourtOnConviction,
    CourtOnAcquittal,
    CrownCourtOnAppeal,
}
