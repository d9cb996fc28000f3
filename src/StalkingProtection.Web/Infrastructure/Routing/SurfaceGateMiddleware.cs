using Microsoft.Extensions.Options;

namespace StalkingProtection.Web.Infrastructure.Routing;

/// <summary>
/// A public-only deployment serves no workspace, sign-in or API route at all: they answer 404 as if they did not exist. With host
/// names of their own (ASVS V3.5.4), each side answers 404 in the same way on the other's host name; health checks, error pages and
/// static assets are served on both.
/// </summary>
public sealed class SurfaceGateMiddleware(RequestDelegate next, IOptions<WebOptions> options)
{
    private static readonly string[] _staffPrefixes = ["/workspace", "/api", "/sign-in", "/sign-out", "/openapi", "/account", "/set-up-account", "/calendar"];
    private static readonly string[] _alwaysPrefixes = ["/health", "/error", "/lib", "/css", "/js", "/favicon.ico"];

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var isStaff = _staffPrefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
        var isAlways = _alwaysPrefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
        var web = options.Value;
        var host = context.Request.Host.Host;
        var blocked = !isAlways && (isStaff
            ? !web.EnableWorkspace || !Serves(web.StaffHostName, web.PublicHostName, host)
            : !web.EnablePublicSite || !Serves(web.PublicHostName, web.StaffHostName, host));
        if (blocked)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return next(context);
    }

    /// <summary>A side with a host name of its own is served only there; one without, on any host name but the other side's.</summary>
    private static bool Serves(string? own, string? other, string host) => !string.IsNullOrWhiteSpace(own)
        ? string.Equals(own, host, StringComparison.OrdinalIgnoreCase)
        : string.IsNullOrWhiteSpace(other) || !string.Equals(other, host, StringComparison.OrdinalIgnoreCase);
}
