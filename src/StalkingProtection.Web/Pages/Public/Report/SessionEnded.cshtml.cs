using Microsoft.AspNetCore.Mvc.RazorPages;

namespace StalkingProtection.Web.Pages.Public.Report;

public class SessionEndedModel(ReportCookie cookie) : PageModel
{
    public void OnGet() => cookie.Delete(Response);
}
