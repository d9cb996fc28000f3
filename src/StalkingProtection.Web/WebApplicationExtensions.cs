using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using StalkingProtection.Web.Api;
using StalkingProtection.Web.Pages.Workspace.Tasks;
using StalkingProtection.Web.Infrastructure.Errors;
using StalkingProtection.Web.Infrastructure.Health;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web;

public static class WebApplicationExtensions
{
    public static WebApplication UseStalkingProtection(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<HostCookiePrefixMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();

        // TRACE would echo request headers (cookies included) back to a script; nothing here needs it.
        app.Use((context, next) =>
        {
            if (!HttpMethods.IsTrace(context.Request.Method))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return Task.CompletedTask;
        });
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<HttpsOnlyMiddleware>();
        app.UseMiddleware<SecurityEventsMiddleware>();
        app.UseMiddleware<MaintenanceMiddleware>();
        app.UseMiddleware<SurfaceGateMiddleware>();
        app.UseMiddleware<FormInputGuardMiddleware>();
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = TextAssetsInUtf8(),
            // An address with a content hash (asp-append-version, the import map) never changes what it serves.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                context.Context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "no-cache",
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<DatabaseUnavailableMiddleware>();
        app.UseAuthorization();
        // After authorization, so that each caller's own budget applies (API clients are authenticated by their policy).
        app.UseRateLimiter();
        app.UseMiddleware<RequireSecondFactorMiddleware>();

        // Live: the process answers, without touching the database. Ready (and /health, its older name): the database can be written.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync }).AllowAnonymous();
        var ready = new HealthCheckOptions { Predicate = c => c.Tags.Contains(DatabaseHealthCheck.Tag), ResponseWriter = HealthResponseWriter.WriteAsync };
        app.MapHealthChecks("/health/ready", ready).AllowAnonymous();
        app.MapHealthChecks("/health", ready).AllowAnonymous();
        app.MapRazorPages();
        app.MapStalkingProtectionApi();
        app.MapCalendarFeed();
        return app;
    }

    private static Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider TextAssetsInUtf8()
    {
        var provider = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider();
        provider.Mappings[".css"] = "text/css; charset=utf-8";
        provider.Mappings[".js"] = "text/javascript; charset=utf-8";
        provider.Mappings[".svg"] = "image/svg+xml; charset=utf-8";
        return provider;
    }
}
