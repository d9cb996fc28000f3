using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace;

public class IndexModel : PageModel
{
    public string DisplayName => User.FindFirstValue(StaffClaims.DisplayName) ?? User.Identity?.Name ?? "";

    public IReadOnlyList<string> Roles => User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();

    public void OnGet()
    {
    }
}
