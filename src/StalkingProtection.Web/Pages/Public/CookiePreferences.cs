namespace StalkingProtection.Web.Pages.Public;

/// <summary>The visitor's choice about additional cookies, kept for a year in an essential cookie.</summary>
public static class CookiePreferences
{
    public const string CookieName = "sp-cookie-preferences";
    public const string SavedFlash = "CookiePreferencesSaved";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";

    /// <summary>True or false once the visitor has chosen; null before.</summary>
    public static bool? AdditionalAllowed(HttpRequest request) =>
        request.Cookies.TryGetValue(CookieName, out var value) ? value switch
        {
            Accepted => true,
            Rejected => false,
            _ => null,
        } : null;

    public static void Save(HttpResponse response, bool additionalAllowed, TimeProvider timeProvider) =>
        response.Cookies.Append(CookieName, additionalAllowed ? Accepted : Rejected, new CookieOptions
        {
            Expires = timeProvider.GetUtcNow().AddYears(1),
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
            Path = "/",
        });
}
