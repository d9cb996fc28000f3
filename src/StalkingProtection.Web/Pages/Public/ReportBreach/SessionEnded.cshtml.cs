using Microsoft.AspNetCore.Mvc.RazorPages;
using StalkingProtection.Web.Pages.Public.Report;

namespace StalkingProtection.Web.Pages.Public.ReportBreach;

public class SessionEndedModel(ReportCookie cookie) : PageModel
{
    public void OnGet() => cookie.Delete(Response);
}
