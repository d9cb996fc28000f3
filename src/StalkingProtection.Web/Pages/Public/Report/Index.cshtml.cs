using Microsoft.AspNetCore.Mvc.RazorPages;

namespace StalkingProtection.Web.Pages.Public.Report;

public class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
