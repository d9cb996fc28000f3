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
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<MaintenanceMiddleware>();
        app.UseMiddleware<SurfaceGateMiddleware>();
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=86400",
        });
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
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
}
