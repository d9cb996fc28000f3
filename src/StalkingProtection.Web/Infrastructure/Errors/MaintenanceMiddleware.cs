using Microsoft.Extensions.Options;

namespace StalkingProtection.Web.Infrastructure.Errors;

/// <summary>In maintenance mode every page answers 503; the status-code page shows the maintenance message.</summary>
public sealed class MaintenanceMiddleware(RequestDelegate next, IOptionsMonitor<WebOptions> options)
{
    private static readonly string[] _open = ["/health", "/error", "/lib", "/css", "/js"];

    public Task InvokeAsync(HttpContext context)
    {
        if (options.CurrentValue.MaintenanceMode && !_open.Any(p => context.Request.Path.StartsWithSegments(p)))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "3600";
            return Task.CompletedTask;
        }

        return next(context);
    }
}
