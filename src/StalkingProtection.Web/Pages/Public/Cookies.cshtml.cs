using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace StalkingProtection.Web.Pages.Public;

public class CookiesModel(ContentLibrary content, TimeProvider timeProvider, IOptions<PublicSiteOptions> options) : PageModel
{
    /// <summary>Whether the site sets optional cookies, so that there is a choice to make.</summary>
    public bool OptionalCookies => options.Value.OptionalCookies;

    public ContentPage Text { get; private set; } = null!;

    [BindProperty]
    public string? AdditionalCookies { get; set; }

    /// <summary>Where the cookie banner was, so the visitor goes back there.</summary>
    [BindProperty]
    public string? ReturnUrl { get; set; }

    public bool Saved { get; private set; }

    public void OnGet()
    {
        Text = content.Find("cookies")!;
        Saved = TempData[CookiePreferences.SavedFlash] is not null;
        AdditionalCookies = CookiePreferences.AdditionalAllowed(Request) switch { true => "yes", false => "no", null => null };
    }

    public IActionResult OnPost()
    {
        if (!OptionalCookies)
        {
            return Redirect("/cookies");
        }

        if (AdditionalCookies is not ("yes" or "no"))
        {
            Text = content.Find("cookies")!;
            ModelState.AddModelError(nameof(AdditionalCookies), "Select yes if you want to accept additional cookies");
            return Page();
        }

        CookiePreferences.Save(Response, AdditionalCookies == "yes", timeProvider);
        TempData[CookiePreferences.SavedFlash] = AdditionalCookies == "yes" ? CookiePreferences.Accepted : CookiePreferences.Rejected;
        return Redirect("/cookies");
    }

    /// <summary>The cookie banner's accept and reject buttons, which work without JavaScript.</summary>
    public IActionResult OnPostBanner(string? cookies)
    {
        if (OptionalCookies && cookies is CookiePreferences.Accepted or CookiePreferences.Rejected)
        {
            CookiePreferences.Save(Response, cookies == CookiePreferences.Accepted, timeProvider);
            TempData[CookiePreferences.SavedFlash] = cookies;
        }

        return Redirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
