using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Staff;

namespace StalkingProtection.Web.Infrastructure.Security;

public sealed class StaffClaimsPrincipalFactory(
    UserManager<StaffUser> userManager, RoleManager<IdentityRole<Guid>> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaims.DisplayName, user.DisplayName));
        if (user.Team is not null)
        {
            identity.AddClaim(new Claim(StaffClaims.Team, user.Team));
        }

        return identity;
    }
}
