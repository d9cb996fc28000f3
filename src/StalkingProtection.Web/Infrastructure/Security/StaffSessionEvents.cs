using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Errors;

namespace StalkingProtection.Web.Infrastructure.Security;

/// <summary>
/// Ties each session cookie to a <see cref="StaffSession"/> row. Every request reads that row with its account (one query
/// by primary key): a session that was signed out, has passed its absolute lifetime, or whose account was deactivated is
/// refused; a changed security stamp (roles, team) rebuilds the signed-in user from the database on that request.
/// The idle timeout is the cookie's own sliding expiry.
/// </summary>
public static class StaffSessionEvents
{
    private static readonly string[] _kept = ["amr", StaffClaims.ExternalProvider, StaffClaims.SessionId];

    public static async Task SigningInAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity
            || !Guid.TryParse(identity.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var userId))
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<SignInOptions>>().Value;
        var started = await services.GetRequiredService<StaffSessions>().StartAsync(
            userId, context.HttpContext.User.SessionIdOf(), new StaffSessionLimit(options.MaxSessionsPerAccount, options.SessionLifetime));
        if (started.OldestEnded > 0)
        {
            SecurityEvents.SessionLimitReached(
                services.GetRequiredService<ILoggerFactory>().CreateLogger(SecurityEvents.Category), options.MaxSessionsPerAccount, started.OldestEnded, context.HttpContext.TraceIdentifier);
        }

        var sessionId = started.Id;
        foreach (var old in identity.FindAll(StaffClaims.SessionId).ToList())
        {
            identity.RemoveClaim(old);
        }

        identity.AddClaim(new Claim(StaffClaims.SessionId, sessionId.ToString()));
    }

    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await ValidateAsync(context);
        }
        catch (Exception e) when (DatabaseUnavailable.Caused(e))
        {
            // RL2: the session cannot be checked while the database is down. The request goes unauthenticated and is answered
            // 503; the cookie is kept, so the person is still signed in once the database is back.
            context.RejectPrincipal();
            DatabaseUnavailableMiddleware.Mark(context.HttpContext);
        }
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var principal = context.Principal;
        var state = principal?.SessionIdOf() is { } sessionId ? await services.GetRequiredService<StaffSessions>().FindAsync(sessionId) : null;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var lifetime = services.GetRequiredService<IOptions<SignInOptions>>().Value.SessionLifetime;
        if (principal is null || state is null || state.EndedAt is not null || state.DeactivatedAt is not null || now - state.StartedAt >= lifetime)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (principal.FindFirstValue(stampClaim) == state.SecurityStamp)
        {
            return;
        }

        var signInManager = services.GetRequiredService<SignInManager<StaffUser>>();
        var user = await signInManager.UserManager.GetUserAsync(principal);
        if (user is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        var refreshed = await signInManager.CreateUserPrincipalAsync(user);
        var identity = (ClaimsIdentity)refreshed.Identity!;
        foreach (var claim in principal.Claims.Where(c => _kept.Contains(c.Type)))
        {
            identity.AddClaim(new Claim(claim.Type, claim.Value));
        }

        context.ReplacePrincipal(refreshed);
        context.ShouldRenew = true;
    }
}
