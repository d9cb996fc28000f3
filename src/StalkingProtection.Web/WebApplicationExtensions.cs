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
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<MaintenanceMiddleware>();
        app.UseMiddleware<SurfaceGateMiddleware>();
        app.UseMiddleware<FormInputGuardMiddleware>();
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

        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync }).AllowAnonymous();
        app.MapRazorPages();
        app.MapStalkingProtectionApi();
        app.MapCalendarFeed();
        return app;
    }
}
