using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.Staff;

public sealed record CreateStaffAccountOptions(string Email, string DisplayName, string Role, string? Team, string? Password);

public sealed record InviteStaffOptions(string Email, string DisplayName, IReadOnlyList<string> Roles, string? Team);

/// <summary>An account waiting for its owner to set a password, and the one-time token of its set-up link (never stored).</summary>
public sealed record SetUpLink(Guid UserId, string Token, DateTimeOffset ExpiresAt)
{
    public string Path => $"/set-up-account/{Token}";
}

public sealed record StaffAccountSummary(
    Guid Id, string DisplayName, string? Email, IReadOnlyList<string> Roles, string? Team, DateTimeOffset? LastSignInAt,
    DateTimeOffset? DeactivatedAt, bool TwoFactorEnabled, bool ForceAccount, bool AwaitingSetUp, DateTimeOffset? SetUpLinkExpiresAt);

public sealed class StaffAccountService(
    StalkingProtectionDbContext db, UserManager<StaffUser> userManager, IUserStore<StaffUser> userStore, StaffSessions sessions,
    AuditLog auditLog, TimeProvider timeProvider)
{
    public static readonly TimeSpan SetUpLinkLifetime = TimeSpan.FromDays(3);
    public const int RecoveryCodeCount = 10;

    public async Task<IdentityResult> CreateAsync(CreateStaffAccountOptions options, Actor actor)
    {
        if (!StaffRoles.All.Contains(options.Role))
        {
            return IdentityResult.Failed(new IdentityError { Code = "UnknownRole", Description = $"Unknown role {options.Role}" });
        }

        var user = NewUser(options.Email, options.DisplayName, options.Team);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = options.Password is null
            ? await userManager.CreateAsync(user)
            : await userManager.CreateAsync(user, options.Password);
        if (result.Succeeded)
        {
            result = await userManager.AddToRoleAsync(user, options.Role);
        }

        if (!result.Succeeded)
        {
            return result;
        }

        auditLog.Add(actor, AuditEvents.StaffAccount.Created.For(user.Id,
            newValues: new { options.Email, options.DisplayName, options.Role, options.Team }));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return result;
    }

    /// <summary>Every account, local or created on first sign-in through the force's identity provider.</summary>
    public async Task<IReadOnlyList<StaffAccountSummary>> ListAsync(Guid? id = null)
    {
        var users = await db.Users.Where(u => id == null || u.Id == id).OrderBy(u => u.DisplayName).ToListAsync();
        var ids = users.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(r => ids.Contains(r.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync();
        var external = await db.UserLogins.Where(l => ids.Contains(l.UserId)).Select(l => l.UserId).Distinct().ToListAsync();
        return users.Select(u => new StaffAccountSummary(
            u.Id, u.DisplayName, u.Email,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(r => StaffRoles.All.ToList().IndexOf(r)).ToList(),
            u.Team, u.LastSignInAt, u.DeactivatedAt, u.TwoFactorEnabled, external.Contains(u.Id),
            u.PasswordHash is null && !external.Contains(u.Id), u.SetUpTokenExpiresAt)).ToList();
    }

    /// <summary>Creates an account with no password and a set-up link its owner uses once to choose one.</summary>
    public async Task<(IdentityResult Result, SetUpLink? Link)> InviteAsync(InviteStaffOptions options, Actor actor)
    {
        if (options.Roles.Count == 0 || options.Roles.Any(r => !StaffRoles.All.Contains(r)))
        {
            return (IdentityResult.Failed(new IdentityError { Code = "UnknownRole", Description = "Select at least one role" }), null);
        }

        var user = NewUser(options.Email.Trim(), options.DisplayName.Trim(), string.IsNullOrWhiteSpace(options.Team) ? null : options.Team.Trim());
        var link = IssueSetUpLink(user);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await userManager.CreateAsync(user);
        if (result.Succeeded)
        {
            result = await userManager.AddToRolesAsync(user, options.Roles);
        }

        if (!result.Succeeded)
        {
            return (result, null);
        }

        auditLog.Add(actor, AuditEvents.StaffAccount.Invited.For(user.Id,
            newValues: new { user.Email, user.DisplayName, Roles = options.Roles, user.Team, SetUpLinkExpiresAt = link.ExpiresAt }));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return (result, link);
    }

    /// <summary>A fresh set-up link for an account that has not set its password yet; the old link stops working.</summary>
    public async Task<SetUpLink?> ReissueSetUpLinkAsync(Guid userId, Actor actor)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId);
        if (user is null || !user.IsActive || user.PasswordHash is not null)
        {
            return null;
        }

        var link = IssueSetUpLink(user);
        auditLog.Add(actor, AuditEvents.StaffAccount.SetUpLinkIssued.For(user.Id,
            newValues: new { SetUpLinkExpiresAt = link.ExpiresAt }));
        await db.SaveChangesAsync();
        return link;
    }

    /// <summary>
    /// ASVS V6.4.3: an administrator resets a forgotten password without touching the second factor. The password is
    /// removed, every session ends, and a one-time set-up link lets the person choose a new password; they then sign in
    /// with it and their authenticator app or a recovery code, as before. Force accounts have no password here.
    /// </summary>
    public async Task<SetUpLink?> ResetPasswordAsync(Guid userId, Actor actor)
    {
        var user = await userManager.FindByIdAsync(userId.ToString());
        if (user is null || !user.IsActive || user.PasswordHash is null)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await userManager.RemovePasswordAsync(user);
        if (!result.Succeeded)
        {
            return null;
        }

        var link = IssueSetUpLink(user);
        await sessions.EndAllAsync(user.Id);
        auditLog.Add(actor, AuditEvents.StaffAccount.PasswordReset.For(user.Id,
            newValues: new { SetUpLinkExpiresAt = link.ExpiresAt, user.TwoFactorEnabled }));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return link;
    }

    public async Task<StaffUser?> FindBySetUpTokenAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var user = await db.Users.SingleOrDefaultAsync(u => u.SetUpTokenHash == hash);
        return user is { IsActive: true, SetUpTokenExpiresAt: { } expires } && expires > timeProvider.GetUtcNow() ? user : null;
    }

    /// <summary>Uses a set-up link: sets the password (NCSC rules) and spends the link, so it works once.</summary>
    public async Task<(IdentityResult Result, StaffUser? User)> SetPasswordWithLinkAsync(string token, string password)
    {
        var user = await FindBySetUpTokenAsync(token);
        if (user is null)
        {
            return (IdentityResult.Failed(new IdentityError { Code = "LinkNotValid", Description = "The link has expired or has been used" }), null);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await userManager.AddPasswordAsync(user, password);
        if (!result.Succeeded)
        {
            return (result, null);
        }

        user.SetUpTokenHash = null;
        user.SetUpTokenExpiresAt = null;
        auditLog.Add(new Actor(user.Id.ToString(), user.DisplayName, null), AuditEvents.StaffAccount.PasswordSet.For(user.Id));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return (result, user);
    }

    public async Task<StaffAccountChangedOutcome> ChangeRolesAndTeamAsync(Guid userId, IReadOnlyList<string> roles, string? team, Actor actor)
    {
        if (roles.Count == 0 || roles.Any(r => !StaffRoles.All.Contains(r)))
        {
            return StaffAccountChangedOutcome.Refused("UnknownRole", "Select at least one role", StaffAccountChange.RolesAndTeamChanged);
        }

        var user = await userManager.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return StaffAccountChangedOutcome.Refused("NotFound", "No such account", StaffAccountChange.RolesAndTeamChanged);
        }

        if (user.Id.ToString() == actor.Id && !roles.Contains(StaffRoles.Administrator))
        {
            return StaffAccountChangedOutcome.Refused("OwnAdministratorRole", "You cannot remove your own Administrator role", StaffAccountChange.RolesAndTeamChanged);
        }

        team = string.IsNullOrWhiteSpace(team) ? null : team.Trim();
        var current = await userManager.GetRolesAsync(user);
        var oldTeam = user.Team;
        await using var transaction = await db.Database.BeginTransactionAsync();
        user.Team = team;
        var result = await userManager.RemoveFromRolesAsync(user, current.Except(roles));
        if (result.Succeeded)
        {
            result = await userManager.AddToRolesAsync(user, roles.Except(current));
        }

        // A new security stamp makes every session of the person pick up the change on its next request.
        if (result.Succeeded)
        {
            result = await userManager.UpdateSecurityStampAsync(user);
        }

        if (!result.Succeeded)
        {
            return StaffAccountChangedOutcome.Refused(result, StaffAccountChange.RolesAndTeamChanged);
        }

        auditLog.Add(actor, AuditEvents.StaffAccount.RolesChanged.For(user.Id,
            oldValues: new { Roles = current.Order().ToList(), Team = oldTeam }, newValues: new { Roles = roles.Order().ToList(), Team = team }));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return StaffAccountChangedOutcome.Done(result, StaffAccountChange.RolesAndTeamChanged, user, roles);
    }

    /// <summary>Closes an account: it cannot sign in, and every session it has ends at once.</summary>
    public async Task<StaffAccountChangedOutcome> DeactivateAsync(Guid userId, Actor actor)
    {
        var user = await userManager.FindByIdAsync(userId.ToString());
        if (user is null || !user.IsActive)
        {
            return StaffAccountChangedOutcome.Refused("NotFound", "No such open account", StaffAccountChange.Deactivated);
        }

        if (user.Id.ToString() == actor.Id)
        {
            return StaffAccountChangedOutcome.Refused("Self", "You cannot deactivate your own account", StaffAccountChange.Deactivated);
        }

        var now = timeProvider.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync();
        user.DeactivatedAt = now;
        user.SetUpTokenHash = null;
        user.SetUpTokenExpiresAt = null;
        var result = await userManager.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            return StaffAccountChangedOutcome.Refused(result, StaffAccountChange.Deactivated);
        }

        await sessions.EndAllAsync(user.Id);
        auditLog.Add(actor, AuditEvents.StaffAccount.Deactivated.For(user.Id, newValues: new { DeactivatedAt = now }));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return StaffAccountChangedOutcome.Done(result, StaffAccountChange.Deactivated, user, [.. await userManager.GetRolesAsync(user)]);
    }

    /// <summary>
    /// The person changes their own password: the current one first, so a session left open cannot be used to take the
    /// account over. A wrong current password counts towards the account's lockout, as at sign-in.
    /// </summary>
    public async Task<(IdentityResult Result, int OtherSessionsEnded)> ChangePasswordAsync(
        StaffUser user, string currentPassword, string newPassword, bool endOtherSessions, Guid? currentSession, Actor actor)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await userManager.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync();
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                await userManager.AccessFailedAsync(user);
            }

            return (result, 0);
        }

        var ended = endOtherSessions ? await sessions.EndAllExceptAsync(user.Id, currentSession) : 0;
        auditLog.Add(actor, AuditEvents.StaffAccount.PasswordChanged.For(user.Id, newValues: new { OtherSessionsEnded = ended }));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return (result, ended);
    }

    /// <summary>The person ends one of their own sessions, from their list of sessions.</summary>
    public async Task<bool> EndOwnSessionAsync(Guid userId, Guid sessionId, Actor actor)
    {
        if (await sessions.EndOwnAsync(userId, sessionId) == 0)
        {
            return false;
        }

        auditLog.Add(actor, AuditEvents.StaffAccount.SessionEnded.For(userId, newValues: new { SessionId = sessionId }));
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>An administrator signs one person out everywhere; null when there is no such account.</summary>
    public async Task<int?> EndSessionsAsync(Guid userId, Actor actor)
    {
        if (await userManager.FindByIdAsync(userId.ToString()) is null)
        {
            return null;
        }

        var ended = await sessions.EndAllExceptAsync(userId, null);
        auditLog.Add(actor, AuditEvents.StaffAccount.SessionsEnded.For(userId, newValues: new { Ended = ended }));
        await db.SaveChangesAsync();
        return ended;
    }

    /// <summary>An administrator signs everyone else out (after a suspected compromise); their own session goes on.</summary>
    public async Task<int> EndEveryoneElsesSessionsAsync(Guid? administratorsSession, Actor actor)
    {
        var ended = await sessions.EndEveryoneExceptAsync(administratorsSession);
        auditLog.Add(actor, AuditEvents.StaffAccount.AllSessionsEnded.For(null, newValues: new { Ended = ended }));
        await db.SaveChangesAsync();
        return ended;
    }

    /// <summary>For a lost phone: turns two-factor off and ends the person's sessions; they set it up again when they next sign in.</summary>
    public async Task<StaffAccountChangedOutcome> ResetTwoFactorAsync(Guid userId, Actor actor)
    {
        var user = await userManager.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return StaffAccountChangedOutcome.Refused("NotFound", "No such account", StaffAccountChange.TwoFactorReset);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        user.LastAuthenticatorTimeStep = null;
        await RecoveryCodeStore.ReplaceCodesAsync(user, [], CancellationToken.None);
        await userManager.RemoveAuthenticationTokenAsync(user, PendingKeyProvider, PendingKeyName);
        var result = await userManager.SetTwoFactorEnabledAsync(user, false);
        if (result.Succeeded)
        {
            result = await userManager.ResetAuthenticatorKeyAsync(user);
        }

        if (!result.Succeeded)
        {
            return StaffAccountChangedOutcome.Refused(result, StaffAccountChange.TwoFactorReset);
        }

        await sessions.EndAllAsync(user.Id);
        auditLog.Add(actor, AuditEvents.StaffAccount.TwoFactorReset.For(user.Id));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return StaffAccountChangedOutcome.Done(result, StaffAccountChange.TwoFactorReset, user, [.. await userManager.GetRolesAsync(user)]);
    }

    /// <summary>Ten single-use recovery codes, returned once to be shown once; only their hashes are kept.</summary>
    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(StaffUser user)
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var codes = Enumerable.Range(0, RecoveryCodeCount)
            .Select(_ => string.Join('-', Enumerable.Range(0, 4).Select(_ => new string(RandomNumberGenerator.GetItems<char>(alphabet, 4)))))
            .ToList();
        await RecoveryCodeStore.ReplaceCodesAsync(user, codes.Select(HashRecoveryCode), CancellationToken.None);
        var result = await userManager.UpdateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The recovery codes could not be saved.");
        }

        return codes;
    }

    /// <summary>What a recovery code is stored and compared as: the hash of its letters and digits, however it was typed.</summary>
    public static string HashRecoveryCode(string code) =>
        Hash(new string(code.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray()));

    public Task<int> RecoveryCodesLeftAsync(StaffUser user) => userManager.CountRecoveryCodesAsync(user);

    /// <summary>First enrolment: the code proves the app holds the key; returns the recovery codes to show once, or null for a wrong code.</summary>
    public async Task<IReadOnlyList<string>?> EnableTwoFactorAsync(StaffUser user, string code, Actor actor)
    {
        if (user.TwoFactorEnabled || !await userManager.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code))
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await userManager.SetTwoFactorEnabledAsync(user, true);
        if (!result.Succeeded)
        {
            return null;
        }

        var codes = await NewRecoveryCodesAsync(user);
        auditLog.Add(actor, AuditEvents.StaffAccount.TwoFactorEnabled.For(user.Id));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return codes;
    }

    /// <summary>Changing the second factor starts with a code from the current one; returns the new key to enrol, or null.</summary>
    public async Task<string?> StartTwoFactorChangeAsync(StaffUser user, string currentCode, Actor actor)
    {
        if (!user.TwoFactorEnabled || !await userManager.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, currentCode))
        {
            return null;
        }

        var key = AuthenticatorCode.NewKey();
        await userManager.SetAuthenticationTokenAsync(user, PendingKeyProvider, PendingKeyName, key);
        auditLog.Add(actor, AuditEvents.StaffAccount.TwoFactorChangeStarted.For(user.Id));
        await db.SaveChangesAsync();
        return key;
    }

    public Task<string?> PendingAuthenticatorKeyAsync(StaffUser user) =>
        userManager.GetAuthenticationTokenAsync(user, PendingKeyProvider, PendingKeyName);

    /// <summary>A code from the new app replaces the old key and the recovery codes; returns the new codes, or null for a wrong code.</summary>
    public async Task<IReadOnlyList<string>?> CompleteTwoFactorChangeAsync(StaffUser user, string code, Actor actor)
    {
        var key = await PendingAuthenticatorKeyAsync(user);
        if (key is null || AuthenticatorCode.MatchingTimeStep(key, code, timeProvider.GetUtcNow()) is not { } step)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await ((IUserAuthenticatorKeyStore<StaffUser>)userStore).SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
        user.LastAuthenticatorTimeStep = step;
        await userManager.RemoveAuthenticationTokenAsync(user, PendingKeyProvider, PendingKeyName);
        var codes = await NewRecoveryCodesAsync(user);
        auditLog.Add(actor, AuditEvents.StaffAccount.TwoFactorChanged.For(user.Id));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return codes;
    }

    public const string PendingKeyProvider = "[StalkingProtection]";
    public const string PendingKeyName = "PendingAuthenticatorKey";

    private IUserTwoFactorRecoveryCodeStore<StaffUser> RecoveryCodeStore => (IUserTwoFactorRecoveryCodeStore<StaffUser>)userStore;

    private StaffUser NewUser(string email, string displayName, string? team) => new()
    {
        Id = Guid.CreateVersion7(timeProvider.GetUtcNow()),
        UserName = email,
        Email = email,
        EmailConfirmed = true,
        DisplayName = displayName,
        Team = team,
        CreatedAt = timeProvider.GetUtcNow(),
        LockoutEnabled = true,
    };

    private SetUpLink IssueSetUpLink(StaffUser user)
    {
        var token = Base64UrlToken();
        var expires = timeProvider.GetUtcNow() + SetUpLinkLifetime;
        user.SetUpTokenHash = Hash(token);
        user.SetUpTokenExpiresAt = expires;
        return new SetUpLink(user.Id, token, expires);
    }

    private static string Base64UrlToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    // The tokens and codes are random and long, so a plain SHA-256 is enough to make the stored value useless to a reader.
    private static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
