using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Integration;
using StalkingProtection.Core.Staff;

namespace StalkingProtection.Benchmarks;

/// <summary>
/// The HTTP load mode (bench/load): what wrk needs to call the published service on a seeded database, and the bare EF
/// Core endpoints it is measured beside.
/// </summary>
internal static class HttpLoad
{
    /// <summary>
    /// Writes a shell file of what the load script sends: an API key of a client that sees every team, an order in force
    /// and its respondent's family name, date of birth and PNC ID, and the email, password and authenticator key of a
    /// coordinator with two-factor through whom the load signs in to the workspace pages.
    /// </summary>
    public static async Task WriteFixtureAsync(Func<StalkingProtectionDbContext> create, IReadOnlyList<Subject> subjects, string file)
    {
        await using var db = create();
        var actor = new Actor("bench-admin", "Bench Administrator", StaffRoles.Administrator, "Stalking Team");
        var (_, key) = await new ApiClientService(db, new AuditLog(db, TimeProvider.System), TimeProvider.System, Options.Create(new ApiClientOptions()))
            .CreateAsync(new CreateApiClientOptions($"HTTP load {DateTimeOffset.UtcNow:O}", ApiScope.Read, MayRecordDecisions: false), actor);
        var (email, password, authenticatorKey) = await StaffAccountAsync(db);
        var subject = subjects[subjects.Count / 2];
        var lines = new Dictionary<string, string>
        {
            ["API_KEY"] = key,
            ["ORDER_ID"] = subject.OrderId.ToString(),
            ["FAMILY_NAME"] = subject.FamilyName,
            ["DATE_OF_BIRTH"] = subject.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["PNC_ID"] = subject.PncId,
            ["STAFF_EMAIL"] = email,
            ["STAFF_PASSWORD"] = password,
            ["STAFF_TOTP_SECRET"] = authenticatorKey,
        };
        await File.WriteAllLinesAsync(file, lines.Select(l => $"{l.Key}='{l.Value.Replace("'", "'\\''", StringComparison.Ordinal)}'"));
    }

    /// <summary>
    /// The one member of staff of the benchmark database, created on its first fixture and given a new password and
    /// authenticator key on every later one. A coordinator, who sees every team's cases, with two-factor on as outside
    /// Development. The key is written in clear, as versions before the encrypted store kept keys (which the service still
    /// reads): the service's key-encryption key is made afresh by each load run.
    /// </summary>
    private static async Task<(string Email, string Password, string AuthenticatorKey)> StaffAccountAsync(StalkingProtectionDbContext db)
    {
        const string email = "bench.load@police.example";
        const string normalizedEmail = "BENCH.LOAD@POLICE.EXAMPLE";
        var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var authenticatorKey = AuthenticatorCode.NewKey();
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail);
        if (user is null)
        {
            user = new StaffUser
            {
                Id = Guid.CreateVersion7(),
                DisplayName = "Bench Load Coordinator",
                UserName = email,
                NormalizedUserName = normalizedEmail,
                Email = email,
                NormalizedEmail = normalizedEmail,
                EmailConfirmed = true,
                LockoutEnabled = true,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Users.Add(user);
            var coordinator = await db.Roles.SingleAsync(r => r.Name == StaffRoles.Coordinator);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = coordinator.Id });
        }

        user.PasswordHash = new PasswordHasher<StaffUser>(Options.Create(new PasswordHasherOptions { IterationCount = 210_000 })).HashPassword(user, password);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        user.TwoFactorEnabled = true;
        user.LastAuthenticatorTimeStep = null;
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        user.DeactivatedAt = null;
        await db.UserTokens.Where(t => t.UserId == user.Id && t.LoginProvider == StaffUserStore.AuthenticatorKeyProvider && t.Name == StaffUserStore.AuthenticatorKeyName)
            .ExecuteDeleteAsync();
        db.UserTokens.Add(new IdentityUserToken<Guid>
        {
            UserId = user.Id, LoginProvider = StaffUserStore.AuthenticatorKeyProvider, Name = StaffUserStore.AuthenticatorKeyName, Value = authenticatorKey,
        });
        await db.SaveChangesAsync();
        return (email, password, authenticatorKey);
    }

    /// <summary>
    /// The bare baseline: one order by primary key and a keyset page of 25 cases, a new DbContext per request as in the
    /// service, with no authentication, no audit and no rules. Serves until the process is stopped.
    /// </summary>
    public static async Task ServeBaselineAsync(Func<StalkingProtectionDbContext> create, string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        app.MapGet("/order/{id:guid}", async (Guid id) =>
        {
            await using var db = create();
            var order = await db.Orders.IgnoreAutoIncludes().AsNoTracking().Where(o => o.Id == id)
                .Select(o => new { o.Id, o.CaseId, o.MadeOn, o.LastInForceDay }).SingleOrDefaultAsync();
            return order is null ? Results.NotFound() : Results.Text(JsonSerializer.Serialize(order), "application/json");
        });
        app.MapGet("/cases", async () =>
        {
            await using var db = create();
            var page = await db.Cases.IgnoreAutoIncludes().AsNoTracking().OrderByDescending(c => c.ReportedOn).ThenBy(c => c.Id).Take(25)
                .Select(c => new { c.Id, c.ReportedOn, c.Status, c.OfficerInCharge }).ToListAsync();
            return Results.Text(JsonSerializer.Serialize(page), "application/json");
        });
        await app.RunAsync();
    }
}
