using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Reports;
using StalkingProtection.Web.Pages.Public.Report;

namespace StalkingProtection.Web.Pages.Public;

public sealed class PublicSiteOptions
{
    public const string SectionName = "StalkingProtection:PublicSite";

    /// <summary>How many reports started or sent, and feedback forms sent, one address may make in the window.</summary>
    public int FormSubmissionsPerAddress { get; set; } = 10;

    public TimeSpan FormSubmissionWindow { get; set; } = TimeSpan.FromMinutes(10);
}

public static class PublicSite
{
    public const string FormRateLimitPolicy = "public-form";

    public static IServiceCollection AddPublicSite(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublicSiteOptions>().Bind(configuration.GetSection(PublicSiteOptions.SectionName))
            .Validate(o => o.FormSubmissionsPerAddress > 0 && o.FormSubmissionWindow > TimeSpan.Zero, "StalkingProtection:PublicSite: the form rate limit must be positive.")
            .ValidateOnStart();
        services.AddPublicReports();
        services.AddSingleton<ContentLibrary>();
        services.AddSingleton<ReportCookie>();
        services.AddHostedService<ExpiredDraftPurge>();
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = "sp-flash";
            o.Cookie.IsEssential = true;
        });

        // Per address, so that one sender cannot fill the triage queue; the address is used here only, never stored.
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(FormRateLimitPolicy, context =>
        {
            var options = context.RequestServices.GetRequiredService<IOptions<PublicSiteOptions>>().Value;
            return RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.FormSubmissionsPerAddress, Window = options.FormSubmissionWindow });
        }));
        return services;
    }
}
