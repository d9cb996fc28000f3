using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Infrastructure.Errors;

namespace StalkingProtection.Web.Pages.Public;

[IgnoreAntiforgeryToken]
public class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public int ErrorStatusCode { get; private set; }

    public string? Reference { get; private set; }

    /// <summary>The error happened in the staff workspace: show it inside the workspace, with a way back, not the public site.</summary>
    public bool InWorkspace { get; private set; }

    public string Heading => ErrorStatusCode switch
    {
        404 => "Page not found",
        403 => "You do not have access to this page",
        400 => "Sorry, there is a problem with your request",
        405 => "This page cannot be used that way",
        415 => "Sorry, what was sent is in a form the service does not accept",
        429 when InWorkspace => "Sorry, the service is busy",
        429 => "Sorry, we could not take this form just now",
        503 => "Sorry, the service is unavailable",
        _ => "Sorry, there was a technical problem",
    };

    /// <summary>API clients get the status's own name (RFC 9457 §3.1.3), not the wording for people.</summary>
    private string ApiTitle => ErrorStatusCode switch
    {
        >= 500 and not 503 => Heading,
        _ => ReasonPhrases.GetReasonPhrase(ErrorStatusCode) is { Length: > 0 } phrase ? phrase : Heading,
    };

    // The status is read from the route, never bound: binding would read a re-executed POST's body again, and a body the
    // form reader refused (a NUL byte) would then leave the status unbound and the page answering 500 for a 400.
    public IActionResult OnGet() => Render(StatusCodeFromRoute());

    public IActionResult OnPost() => Render(StatusCodeFromRoute());

    // Re-executed for a PUT, PATCH or DELETE, which no handler takes, the page still answers with the status it was given.
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HandlerMethod is null)
        {
            context.Result = Render(StatusCodeFromRoute());
        }
    }

    private int? StatusCodeFromRoute() =>
        int.TryParse(RouteData.Values["statusCode"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : null;

    private IActionResult Render(int? statusCode)
    {
        ErrorStatusCode = statusCode is >= 400 and < 600 ? statusCode.Value : 500;
        var exception = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var originalPath = exception?.Path ?? HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? "";
        if (exception?.Error is { } error && DatabaseUnavailable.Caused(error))
        {
            // RL2: the database is down or recovering. Nothing was saved that the caller was told of, and a retry will do.
            DatabaseUnavailableMiddleware.Answer(Response);
            ErrorStatusCode = Response.StatusCode;
            logger.LogWarning("The database is unavailable: {Method} {Path} answered 503", HttpContext.Request.Method, originalPath);
        }

        // Opened by hand, /error/500 is not a failure of the service and logs nothing.
        var reExecuted = exception is not null || HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        if (ErrorStatusCode is >= 500 and not 503 && reExecuted)
        {
            Reference = "SP-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
            // The path can hold record ids but never personal data; query strings are not logged.
            logger.LogError(exception?.Error, "Unhandled error {Reference} on {Method} {Path}", Reference, HttpContext.Request.Method, originalPath);
        }

        InWorkspace = originalPath.StartsWith("/workspace", StringComparison.OrdinalIgnoreCase) && User.Identity?.IsAuthenticated == true;
        Response.StatusCode = ErrorStatusCode;
        if (originalPath.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            return new ObjectResult(new ProblemDetails
            {
                Status = ErrorStatusCode,
                Title = ApiTitle,
                Extensions = { ["reference"] = Reference },
            })
            { StatusCode = ErrorStatusCode, ContentTypes = { "application/problem+json" } };
        }

        return Page();
    }
}
