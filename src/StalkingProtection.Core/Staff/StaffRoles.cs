namespace StalkingProtection.Core.Staff;

public static class StaffRoles
{
    public const string Officer = "Officer";
    public const string Coordinator = "Coordinator";
    public const string LegalServices = "LegalServices";
    public const string Lookup = "Lookup";
    public const string Analyst = "Analyst";
    public const string Administrator = "Administrator";

    public static IReadOnlyList<string> All { get; } =
        [Officer, Coordinator, LegalServices, Lookup, Analyst, Administrator];

    /// <summary>Roles that work on case content; the others see lookups, aggregates or accounts only.</summary>
    public static IReadOnlyList<string> CaseRoles { get; } = [Officer, Coordinator, LegalServices];

    public static string DisplayName(string role) => role switch
    {
        LegalServices => "Legal services",
        Lookup => "Frontline lookup",
        _ => role,
    };
}
