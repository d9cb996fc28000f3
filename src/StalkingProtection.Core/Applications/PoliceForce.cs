using System.Text.RegularExpressions;

namespace StalkingProtection.Core.Applications;

// SPA 2019 s.1(1), s.14, R1: only a chief officer of police may apply: the 43 territorial forces of England and Wales
// (including the Metropolitan Police and the City of London Police), British Transport Police and Ministry of Defence Police.
public enum PoliceForce
{
    AvonAndSomerset,
    Bedfordshire,
    Cambridgeshire,
    Cheshire,
    CityOfLondon,
    Cleveland,
    Cumbria,
    Derbyshire,
    DevonAndCornwall,
    Dorset,
    Durham,
    DyfedPowys,
    Essex,
    Gloucestershire,
    GreaterManchester,
    Gwent,
    Hampshire,
    Hertfordshire,
    Humberside,
    Kent,
    Lancashire,
    Leicestershire,
    Lincolnshire,
    Merseyside,
    Metropolitan,
    Norfolk,
    NorthWales,
    NorthYorkshire,
    Northamptonshire,
    Northumbria,
    Nottinghamshire,
    SouthWales,
    SouthYorkshire,
    Staffordshire,
    Suffolk,
    Surrey,
    Sussex,
    ThamesValley,
    Warwickshire,
    WestMercia,
    WestMidlands,
    WestYorkshire,
    Wiltshire,
    BritishTransportPolice,
    MinistryOfDefencePolice,
}

public static class PoliceForces
{
    public const int TerritorialForceCount = 43;

    /// <summary>SPA 2019 s.1(3), R2: BTP and MoD Police have no police area, so the territorial limit does not apply to them.</summary>
    public static bool IsTerritorial(PoliceForce force) =>
        force is not (PoliceForce.BritishTransportPolice or PoliceForce.MinistryOfDefencePolice);

    public static bool IsKnown(PoliceForce force) => Enum.IsDefined(force);

    /// <summary>A police force or area by its proper name, as pages and documents print it: "West Yorkshire", "Avon and Somerset", "City of London".</summary>
    public static string Name(PoliceForce force) => force switch
    {
        PoliceForce.Metropolitan => "Metropolitan Police",
        PoliceForce.DyfedPowys => "Dyfed-Powys",
        PoliceForce.BritishTransportPolice => "British Transport Police",
        PoliceForce.MinistryOfDefencePolice => "Ministry of Defence Police",
        _ => string.Join(' ', Regex.Split(force.ToString(), "(?<=[a-z])(?=[A-Z])").Select(w => w is "And" or "Of" ? w.ToLowerInvariant() : w)),
    };
}
