using Microsoft.AspNetCore.Mvc.RazorPages;

namespace StalkingProtection.Web.Pages.Public.ReportBreach;

/// <summary>The start of the breach report: 999 first, what the form is for and what it asks.</summary>
public class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
