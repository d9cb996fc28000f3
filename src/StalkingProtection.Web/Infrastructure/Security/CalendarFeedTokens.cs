using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using StalkingProtection.Core.Staff;

namespace StalkingProtection.Web.Infrastructure.Security;

/// <summary>
/// A calendar app cannot sign in, so each user's feed address carries a protected token naming them and their
/// security stamp: changing the stamp ("reset my calendar address") makes every earlier address stop working.
/// </summary>
public sealed class CalendarFeedTokens(IDataProtectionProvider dataProtection, UserManager<StaffUser> users)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("StalkingProtection.CalendarFeed.v1");

    public async Task<string> CreateAsync(StaffUser user) =>
        WebEncoders.Base64UrlEncode(_protector.Protect(System.Text.Encoding.UTF8.GetBytes($"{user.Id}|{await users.GetSecurityStampAsync(user)}")));

    public async Task<StaffUser?> ReadAsync(string token)
    {
        try
        {
            var parts = System.Text.Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('|');
            var user = await users.FindByIdAsync(parts[0]);
            return user is { IsActive: true } && await users.GetSecurityStampAsync(user) == parts[1] ? user : null;
        }
        catch (Exception ex) when (ex is FormatException or System.Security.Cryptography.CryptographicException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    public static string? TeamOf(ClaimsPrincipal user) => user.FindFirstValue(StaffClaims.Team);
}
