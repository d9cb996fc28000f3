using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StalkingProtection.Core.Staff;

// The roles are part of the schema, so every environment has them; only demo users are seeded, and only in Development.
public sealed class StaffRoleConfiguration : IEntityTypeConfiguration<IdentityRole<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> builder)
    {
        var index = 1;
        builder.HasData(StaffRoles.All.Select(role => new IdentityRole<Guid>
        {
            Id = new Guid($"00000000-0000-0000-0000-{index++:D12}"),
            Name = role,
            NormalizedName = role.ToUpperInvariant(),
            ConcurrencyStamp = role,
        }));
    }
}
