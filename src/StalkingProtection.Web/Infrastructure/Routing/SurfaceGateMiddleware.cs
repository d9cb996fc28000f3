using Microsoft.Extensions.Options;

namespace StalkingProtection.Web.Infrastructure.Routing;

/// <summary>
/// A public-only deployment serves no workspace, sign-in or API route at all: they answer 404 as if they did not exist.
/// </summary>
public sealed class SurfaceGateMiddleware(RequestDelegate next, IOptions<WebOptions> options)
{
    private static readonly string[] _staffPrefixes = ["/workspace", "/api", "/sign-in", "/sign-out", "/openapi", "/account", "/calendar"];
    private static readonly string[] _alwaysPrefixes = ["/health", "/error", "/lib", "/css", "/js", "/favicon.ico"];

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var isStaff = _staffPrefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
        var isAlways = _alwaysPrefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
        var blocked = !isAlways && (isStaff ? !options.Value.EnableWorkspace : !options.Value.EnablePublicSite);
        if (blocked)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
