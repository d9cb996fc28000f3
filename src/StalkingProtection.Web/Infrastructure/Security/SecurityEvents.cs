using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace StalkingProtection.Web.Infrastructure.Security;

/// <summary>
/// Security events written through ILogger with stable event IDs, so a log processor can alert on them (docs/security/logging.md).
/// They name the method, the path without its query string and the request's trace identifier: never a name, an email,
/// an address or anything typed into a form.
/// </summary>
public static partial class SecurityEvents
{
    public const string Category = "StalkingProtection.Security";

    public const int AuthenticationRefusedId = 4010;
    public const int AccessDeniedId = 4030;
    public const int NotFoundOrRefusedId = 4040;
    public const int AntiforgeryRejectedId = 4001;
    public const int RateLimitedId = 4290;
    public const int SignInThrottledId = 4291;
    public const int SessionLimitReachedId = 4012;
    public const int OutboundRequestRefusedId = 4031;

    [LoggerMessage(EventId = AuthenticationRefusedId, EventName = "AuthenticationRefused", Level = LogLevel.Warning,
        Message = "Security event: authentication refused for {Method} {Path} (trace {TraceId})")]
    public static partial void AuthenticationRefused(ILogger logger, string method, string path, string traceId);

    [LoggerMessage(EventId = AccessDeniedId, EventName = "AccessDenied", Level = LogLevel.Warning,
        Message = "Security event: access denied to {Method} {Path} (trace {TraceId})")]
    public static partial void AccessDenied(ILogger logger, string method, string path, string traceId);

    [LoggerMessage(EventId = NotFoundOrRefusedId, EventName = "NotFoundOrRefused", Level = LogLevel.Warning,
        Message = "Security event: a signed-in request for {Method} {Path} found nothing it may see (trace {TraceId})")]
    public static partial void NotFoundOrRefused(ILogger logger, string method, string path, string traceId);

    [LoggerMessage(EventId = AntiforgeryRejectedId, EventName = "AntiforgeryRejected", Level = LogLevel.Warning,
        Message = "Security event: antiforgery token rejected for {Method} {Path} (trace {TraceId})")]
    public static partial void AntiforgeryRejected(ILogger logger, string method, string path, string traceId);

    [LoggerMessage(EventId = RateLimitedId, EventName = "RateLimited", Level = LogLevel.Warning,
        Message = "Security event: rate limit reached for {Method} {Path} (trace {TraceId})")]
    public static partial void RateLimited(ILogger logger, string method, string path, string traceId);

    [LoggerMessage(EventId = SignInThrottledId, EventName = "SignInThrottled", Level = LogLevel.Warning,
        Message = "Security event: sign-in refused while its address or email is throttled (trace {TraceId})")]
    public static partial void SignInThrottled(ILogger logger, string traceId);

    [LoggerMessage(EventId = SessionLimitReachedId, EventName = "SessionLimitReached", Level = LogLevel.Warning,
        Message = "Security event: a sign-in reached the limit of {Limit} sessions per account and ended the oldest {Ended} (trace {TraceId})")]
    public static partial void SessionLimitReached(ILogger logger, int limit, int ended, string traceId);

    [LoggerMessage(EventId = OutboundRequestRefusedId, EventName = "OutboundRequestRefused", Level = LogLevel.Warning,
        Message = "Security event: an outbound request to {Host} was refused: the host is not in the outbound allowlist")]
    public static partial void OutboundRequestRefused(ILogger logger, string host);
}

/// <summary>
/// Logs refused requests once, by the status the inner pipeline answered with, before the status code pages re-execute
/// to render the error page. A 404 is logged for signed-in requests only: a record outside someone's need to know
/// answers 404 exactly as one that does not exist (S4), so both are logged alike.
/// </summary>
public sealed class SecurityEventsMiddleware(RequestDelegate next, ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger(SecurityEvents.Category);

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            // The error page rendered for a refusal already logged.
            return;
        }

        var (method, path, trace) = (context.Request.Method, context.Request.Path.Value ?? "/", context.TraceIdentifier);
        switch (context.Response.StatusCode)
        {
            case StatusCodes.Status401Unauthorized:
                SecurityEvents.AuthenticationRefused(_logger, method, path, trace);
                break;
            case StatusCodes.Status403Forbidden:
                SecurityEvents.AccessDenied(_logger, method, path, trace);
                break;
            case StatusCodes.Status404NotFound when context.User.Identity?.IsAuthenticated == true:
                SecurityEvents.NotFoundOrRefused(_logger, method, path, trace);
                break;
            case StatusCodes.Status429TooManyRequests:
                SecurityEvents.RateLimited(_logger, method, path, trace);
                break;
        }
    }
}

/// <summary>A Razor Page POST whose antiforgery token is missing or wrong is refused by MVC's filter; this logs it.</summary>
public sealed class AntiforgeryRejectionLogFilter(ILoggerFactory loggerFactory) : IAlwaysRunResultFilter
{
    private readonly ILogger _logger = loggerFactory.CreateLogger(SecurityEvents.Category);

    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            SecurityEvents.AntiforgeryRejected(_logger, context.HttpContext.Request.Method, context.HttpContext.Request.Path.Value ?? "/", context.HttpContext.TraceIdentifier);
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
