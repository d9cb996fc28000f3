using StalkingProtection.Core.Staff;

namespace StalkingProtection.Web.Infrastructure.Security;

public static class Policies
{
    /// <summary>Any signed-in member of staff with a role.</summary>
    public const string Staff = nameof(Staff);

    /// <summary>Officers, coordinators and legal services: the people who work on case content.</summary>
    public const string CaseWork = nameof(CaseWork);

    public const string Coordinator = nameof(Coordinator);

    /// <summary>Officers and coordinators, who triage online reports and merge people recorded twice; legal services only read.</summary>
    public const string Triage = nameof(Triage);

    /// <summary>Coordinators and legal services, who see every case of the force.</summary>
    public const string ForceWideCaseWork = nameof(ForceWideCaseWork);

    /// <summary>The frontline order lookup: Lookup role and everyone with a case role.</summary>
    public const string OrderLookup = nameof(OrderLookup);

    public const string Statistics = nameof(Statistics);

    public const string Administrator = nameof(Administrator);

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.All));
        options.AddPolicy(CaseWork, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.CaseRoles));
        options.AddPolicy(Triage, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.Officer, StaffRoles.Coordinator));
        options.AddPolicy(Coordinator, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.Coordinator));
        options.AddPolicy(ForceWideCaseWork, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.Coordinator, StaffRoles.LegalServices));
        options.AddPolicy(OrderLookup, p => p.RequireAuthenticatedUser().RequireRole([StaffRoles.Lookup, .. StaffRoles.CaseRoles]));
        options.AddPolicy(Statistics, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.Analyst, StaffRoles.Coordinator));
        options.AddPolicy(Administrator, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.Administrator));
    }
}
