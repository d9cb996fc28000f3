namespace StalkingProtection.Web.Infrastructure.Errors;

/// <summary>
/// RL2: a staff member's session is checked against the database while the request is authenticated, before any page runs.
/// When the database is down that check cannot be made, and the error page could not run either (it authenticates the
/// request again), so the check marks the request and this answers it 503; the status-code page then shows "the service is
/// unavailable". The session cookie is kept for when the database is back.
/// </summary>
public sealed class DatabaseUnavailableMiddleware(RequestDelegate next)
{
    private const string Marker = "StalkingProtection.DatabaseUnavailable";

    public static void Mark(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[Marker] = true;
    }

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Items.Remove(Marker))
        {
            return next(context);
        }

        Answer(context.Response);
        return Task.CompletedTask;
    }

    /// <summary>503 with a short Retry-After: PostgreSQL restarting or a failover is over in seconds, and a retry will do.</summary>
    public static void Answer(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = "5";
    }
}
