using Microsoft.AspNetCore.Mvc.RazorPages;

namespace StalkingProtection.Web.Pages.Public.Report;

/// <summary>Before the report: how quick exit works and what it cannot hide.</summary>
public class StayingSafeModel : PageModel
{
    public void OnGet()
    {
    }
}
