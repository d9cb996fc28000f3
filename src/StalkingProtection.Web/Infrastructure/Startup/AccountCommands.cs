using System.Net.Mail;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Staff;

namespace StalkingProtection.Web.Infrastructure.Startup;

/// <summary>
/// <c>create-admin EMAIL</c>: a fresh database has no accounts, so the first administrator is created from the command
/// line. It prints a one-time set-up link; the password is chosen through it and two-factor set up after, so no password
/// ever passes through the command line or sits in the database in clear.
/// </summary>
public static class AccountCommands
{
    public static async Task<int> CreateAdministratorAsync(WebApplication app, string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || !MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            Console.Error.WriteLine("Give the administrator's email address: create-admin name@force.police.uk");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccountService>();
        var (result, link) = await accounts.InviteAsync(
            new InviteStaffOptions(email, email, [StaffRoles.Administrator], null), new Actor("create-admin", "create-admin command", null));
        if (!result.Succeeded || link is null)
        {
            Console.Error.WriteLine(result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")
                ? $"There is already an account for {email}."
                : $"Cannot create the account: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            return 1;
        }

        Console.WriteLine($"Administrator account created for {email}.");
        // With a staff host name of its own (ASVS V3.5.4) the link is whole, as the set-up page answers 404 on any other host name.
        var staffSite = app.Services.GetRequiredService<IOptions<WebOptions>>().Value.StaffSiteUrl;
        Console.WriteLine(staffSite is null
            ? $"Set-up link, which works once until {link.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC; open it on the service's address:"
            : $"Set-up link, which works once until {link.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC:");
        Console.WriteLine(staffSite + link.Path);
        return 0;
    }
}
