namespace StalkingProtection.Web.Infrastructure;

public sealed class WebOptions
{
    public const string SectionName = "StalkingProtection:Web";

    public string ServiceName { get; set; } = "Stalking Protection";

    public string ForceName { get; set; } = "Demo Constabulary";

    /// <summary>Serve the staff workspace, sign-in and the API. Off for a public-only, internet-facing deployment.</summary>
    public bool EnableWorkspace { get; set; } = true;

    public bool EnablePublicSite { get; set; } = true;

    /// <summary>Where "Leave this site" and the Escape key send a visitor: a neutral website.</summary>
    public string QuickExitUrl { get; set; } = "https://www.bbc.co.uk/weather";

    /// <summary>
    /// The public site's address (https://, no path), where the victim's copy of an order sends a victim to report a breach. Unset, the
    /// address is the one the staff member's request came in on, which is right only when staff and the public use the same host name.
    /// </summary>
    public string? PublicSiteUrl { get; set; }

    /// <summary>
    /// ASVS V3.5.4: the host name (no scheme, no port) the staff side (workspace, sign-in, account, API, OpenAPI, calendar feed) is
    /// served on. Set, the staff side answers 404 on every other host name and the public site answers 404 on this one.
    /// </summary>
    public string? StaffHostName { get; set; }

    /// <summary>The host name the public site is served on. Set, the public site answers 404 on every other host name and the staff side on this one.</summary>
    public string? PublicHostName { get; set; }

    /// <summary>
    /// ASVS V14.2.1: calendar apps that subscribe by address (Outlook, Google Calendar) send no credentials, so a subscription's
    /// address has to carry a token that stands for its owner. Off unless a force chooses it; staff can always download their
    /// deadlines as a file while signed in.
    /// </summary>
    public bool CalendarSubscriptions { get; set; }

    /// <summary>Answer every request with the 503 maintenance page.</summary>
    public bool MaintenanceMode { get; set; }

    /// <summary>Statistics, audit searches, tracker imports and register downloads served at once by this instance.</summary>
    public int CostlyWorkAtOnce { get; set; } = 2;

    /// <summary>Refuse to serve plain HTTP (ASVS V12.2.1); on unless set, outside Development.</summary>
    public bool? RequireHttps { get; set; }

    /// <summary>The staff side's https address when it has a host name of its own, for links made away from it (create-admin).</summary>
    public string? StaffSiteUrl => string.IsNullOrWhiteSpace(StaffHostName) ? null : $"https://{StaffHostName}";

    public static IEnumerable<string> Validate(WebOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ServiceName))
        {
            yield return "StalkingProtection:Web:ServiceName must not be empty.";
        }

        if (!options.EnableWorkspace && !options.EnablePublicSite)
        {
            yield return "StalkingProtection:Web: at least one of EnableWorkspace and EnablePublicSite must be true.";
        }

        var isLocal = options.QuickExitUrl.StartsWith('/') && !options.QuickExitUrl.StartsWith("//", StringComparison.Ordinal);
        var isHttp = Uri.TryCreate(options.QuickExitUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
        if (!isLocal && !isHttp)
        {
            yield return "StalkingProtection:Web:QuickExitUrl must be an http(s) address or a path starting with /.";
        }

        if (options.PublicSiteUrl is { Length: > 0 } publicSite
            && !(Uri.TryCreate(publicSite, UriKind.Absolute, out var site) && site.Scheme == Uri.UriSchemeHttps && site.AbsolutePath == "/"
                && site.Query.Length == 0 && site.Fragment.Length == 0 && site.UserInfo.Length == 0))
        {
            yield return "StalkingProtection:Web:PublicSiteUrl must be an https address with no path, such as https://report.force.police.uk.";
        }

        foreach (var (name, value) in new[] { ("StaffHostName", options.StaffHostName), ("PublicHostName", options.PublicHostName) })
        {
            if (value is { Length: > 0 } && Uri.CheckHostName(value) != UriHostNameType.Dns)
            {
                yield return $"StalkingProtection:Web:{name} must be a host name alone, such as spo.force.police.uk, with no scheme, port or path.";
            }
        }

        if (options.StaffHostName is { Length: > 0 } && string.Equals(options.StaffHostName, options.PublicHostName, StringComparison.OrdinalIgnoreCase))
        {
            yield return "StalkingProtection:Web:StaffHostName and PublicHostName must differ.";
        }

        if (options.CostlyWorkAtOnce is < 1 or > 64)
        {
            yield return "StalkingProtection:Web:CostlyWorkAtOnce must be between 1 and 64.";
        }
    }
}
