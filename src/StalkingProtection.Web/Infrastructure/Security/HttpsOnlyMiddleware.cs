using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;

namespace StalkingProtection.Web.Infrastructure.Security;

/// <summary>
/// ASVS V12.2.1: nothing is served over plain HTTP unless <see cref="WebOptions.RequireHttps"/> is off (it is on outside
/// Development). Behind a proxy that ends TLS, a request counts as HTTPS only when a trusted proxy
/// (StalkingProtection:Proxy) says so in X-Forwarded-Proto. A page's GET or HEAD is redirected to https; anything else,
/// and every API request (whose key would already have been sent in clear), is refused with 400 before it is read, so
/// nothing sent over plain HTTP is saved. Health probes answer over plain HTTP: they carry no personal data and set no cookie.
/// </summary>
public sealed class HttpsOnlyMiddleware(RequestDelegate next, IOptions<WebOptions> options, IHostEnvironment environment)
{
    private readonly bool _required = options.Value.RequireHttps ?? !environment.IsDevelopment();

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!_required
            || request.IsHttps
            || request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            return next(context);
        }

        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && !request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
            context.Response.Headers.Location = UriHelper.BuildAbsolute(
                Uri.UriSchemeHttps, new HostString(request.Host.Host), request.PathBase, request.Path, request.QueryString);
            return Task.CompletedTask;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return Task.CompletedTask;
    }
}
