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

    public bool IsActive => DeactivatedAt is null;
}

public sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(StaffUser.DisplayNameMaxLength);
        builder.Property(u => u.Team).HasMaxLength(StaffUser.TeamMaxLength);
    }
}
