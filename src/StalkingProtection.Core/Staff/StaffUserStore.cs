using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.Staff;

/// <summary>
/// Identity's store, with authenticator keys (the current one and one waiting to be enrolled) encrypted with Data
/// Protection before they reach <c>AspNetUserTokens</c>. A TOTP key cannot be hashed, since the service must compute codes
/// from it, so a copy of the database must not be enough to compute them (docs/security/data-classification.md, L3).
/// </summary>
public sealed class StaffUserStore(StalkingProtectionDbContext db, IDataProtectionProvider dataProtection, IdentityErrorDescriber? describer = null)
    : UserStore<StaffUser, IdentityRole<Guid>, StalkingProtectionDbContext, Guid>(db, describer)
{
    public const string AuthenticatorKeyPurpose = "StalkingProtection.AuthenticatorKey.v1";

    /// <summary>Where <see cref="UserStoreBase{TUser, TKey, TUserClaim, TUserLogin, TUserToken}"/> keeps the authenticator key.</summary>
    public const string AuthenticatorKeyProvider = "[AspNetUserStore]";
    public const string AuthenticatorKeyName = "AuthenticatorKey";

    private readonly IDataProtector _protector = dataProtection.CreateProtector(AuthenticatorKeyPurpose);

    public static bool IsAuthenticatorKey(string loginProvider, string name) =>
        (loginProvider == AuthenticatorKeyProvider && name == AuthenticatorKeyName)
        || (loginProvider == StaffAccountService.PendingKeyProvider && name == StaffAccountService.PendingKeyName);

    public override Task SetTokenAsync(StaffUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name, value is not null && IsAuthenticatorKey(loginProvider, name) ? _protector.Protect(value) : value, cancellationToken);

    public override async Task<string?> GetTokenAsync(StaffUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var value = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        return value is null || !IsAuthenticatorKey(loginProvider, name) || StoredInClear(value) ? value : _protector.Unprotect(value);
    }

    /// <summary>
    /// A key as versions before this store kept it: Base32, as authenticator apps take it, where Data Protection's output
    /// is far longer and has lower-case letters. It still works, and <c>rotate-keys</c> encrypts it.
    /// </summary>
    public static bool StoredInClear(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => c is (>= 'A' and <= 'Z') or (>= '2' and <= '7'));
}
