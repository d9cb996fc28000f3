using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Integration;
using StalkingProtection.Core.Staff;

namespace StalkingProtection.Web.Infrastructure.Demo;

/// <summary>Fictional demo users (and data) for Development only. Never call it anywhere else.</summary>
public sealed class DemoDataSeeder(
    UserManager<StaffUser> userManager, StaffAccountService accounts, ApiClientService apiClients, StalkingProtectionDbContext db,
    TimeProvider timeProvider, IDataProtectionProvider dataProtection)
{
    public const string Password = "amber-harbour-lantern";
    public const string Team = "Coventry Public Protection Unit";

    /// <summary>The demo API key (read and write), listed in the README; it exists only in Development.</summary>
    public const string ApiKey = "spk_demo0000_stalking-protection-demo-key";

    public static IReadOnlyList<(string Email, string Name, string Role)> Users { get; } =
    [
        ("officer@demo.police.uk", "PC Sam Patel", StaffRoles.Officer),
        ("coordinator@demo.police.uk", "DS Alex Morgan", StaffRoles.Coordinator),
        ("legal@demo.police.uk", "Jo Whitfield", StaffRoles.LegalServices),
        ("lookup@demo.police.uk", "PC Chris Doyle", StaffRoles.Lookup),
        ("analyst@demo.police.uk", "Priya Shah", StaffRoles.Analyst),
        ("admin@demo.police.uk", "Morgan Lee", StaffRoles.Administrator),
    ];

    public async Task SeedAsync(bool isDevelopment)
    {
        if (!isDevelopment)
        {
            throw new InvalidOperationException("Demo data exists only in Development.");
        }

        foreach (var (email, name, role) in Users)
        {
            if (await userManager.FindByEmailAsync(email) is null)
            {
                var result = await accounts.CreateAsync(new CreateStaffAccountOptions(email, name, role, Team, Password), Actor.System);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(
                        $"Demo user {email} could not be created: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }
        }

        if (!await db.Cases.AnyAsync())
        {
            var officer = await userManager.FindByEmailAsync(Users[0].Email);
            await new DemoCases(db, Core.Time.LondonTime.DateOf(timeProvider.GetUtcNow()), officer!.Id.ToString(), officer.DisplayName, Team).SeedAsync();
            db.ChangeTracker.Clear();
        }

        if (!await db.PublicReports.AnyAsync())
        {
            var officer = await userManager.FindByEmailAsync(Users[0].Email);
            await new DemoTriage(db, dataProtection, timeProvider.GetUtcNow(), officer!.Id.ToString(), officer.DisplayName, Team).SeedAsync();
            db.ChangeTracker.Clear();
        }

        if ((await apiClients.FindByKeyAsync(ApiKey)).Client is null && !await db.Set<ApiClient>().AnyAsync(c => c.KeyPrefix == "demo0000"))
        {
            await apiClients.CreateAsync(new CreateApiClientOptions("Demo records system", ApiScope.ReadWrite, MayRecordDecisions: true), Actor.System, ApiKey);
        }
    }
}
