using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StalkingProtection.Core.Staff;

namespace StalkingProtection.Web.Pages.SignIn;

public class SignOutModel(SignInManager<StaffUser> signInManager) : PageModel
{
    public async Task OnGetAsync()
    {
        await signInManager.SignOutAsync();
        HttpContext.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
    }
}
