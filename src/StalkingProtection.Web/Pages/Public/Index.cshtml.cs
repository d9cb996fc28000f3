using Microsoft.AspNetCore.Mvc.RazorPages;

namespace StalkingProtection.Web.Pages.Public;

public class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
