using Microsoft.AspNetCore.Identity;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.Staff;

public sealed record CreateStaffAccountOptions(string Email, string DisplayName, string Role, string? Team, string? Password);

public sealed class StaffAccountService(
    StalkingProtectionDbContext db, UserManager<StaffUser> userManager, AuditLog auditLog, TimeProvider timeProvider)
{
    public async Task<IdentityResult> CreateAsync(CreateStaffAccountOptions options, Actor actor)
    {
        if (!StaffRoles.All.Contains(options.Role))
        {
            return IdentityResult.Failed(new IdentityError { Code = "UnknownRole", Description = $"Unknown role {options.Role}" });
        }

        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(timeProvider.GetUtcNow()),
            UserName = options.Email,
            Email = options.Email,
            EmailConfirmed = true,
            DisplayName = options.DisplayName,
            Team = options.Team,
            CreatedAt = timeProvider.GetUtcNow(),
            LockoutEnabled = true,
        };

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

        auditLog.Add(actor, AuditKind.Administration, "StaffAccount.Created", nameof(StaffUser), user.Id,
            newValues: new { options.Email, options.DisplayName, options.Role, options.Team });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return result;
    }
}
