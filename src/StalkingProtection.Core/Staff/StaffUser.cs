using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StalkingProtection.Core.Staff;

public class StaffUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 200;
    public const int TeamMaxLength = 100;

    public required string DisplayName { get; set; }

    /// <summary>Officers see the cases of their own team (need-to-know).</summary>
    public string? Team { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DeactivatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>The RFC 6238 time step of the last authenticator code accepted, so that no code is accepted twice.</summary>
    public long? LastAuthenticatorTimeStep { get; set; }

    /// <summary>SHA-256 of the one-time set-up link's token (an invitation, or the first administrator's); never the token.</summary>
    public string? SetUpTokenHash { get; set; }

    public DateTimeOffset? SetUpTokenExpiresAt { get; set; }

    public bool IsActive => DeactivatedAt is null;
}

public sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(StaffUser.DisplayNameMaxLength);
        builder.Property(u => u.Team).HasMaxLength(StaffUser.TeamMaxLength);
        builder.Property(u => u.SetUpTokenHash).HasMaxLength(64);
        builder.HasIndex(u => u.SetUpTokenHash).IsUnique();
    }
}
