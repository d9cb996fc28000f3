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

    /// <summary>
    /// How many reports one address may start, and feedback forms it may send, in the window. Generous, because a
    /// whole household, refuge or library can share one address; reading a page is never limited.
    /// </summary>
    public int FormSubmissionsPerAddress { get; set; } = 60;

    /// <summary>How many times one report may be sent in the window (sending twice still makes one report).</summary>
    public int SendsPerReport { get; set; } = 10;

    public TimeSpan FormSubmissionWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// True once the site sets cookies that are not essential: only then is there a choice to ask for, so only then
    /// are the cookie banner and the preference cookie shown and set.
    /// </summary>
    public bool OptionalCookies { get; set; }

    /// <summary>Below this, the public page of live orders says "fewer than" rather than the exact number.</summary>
    public int LiveOrdersShownFrom { get; set; } = 5;
}

public static class PublicSite
{
    public const string FormRateLimitPolicy = "public-form";
    public const string SendReportRateLimitPolicy = "public-send-report";

    public static IServiceCollection AddPublicSite(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublicSiteOptions>().Bind(configuration.GetSection(PublicSiteOptions.SectionName))
            .Validate(o => o.FormSubmissionsPerAddress > 0 && o.SendsPerReport > 0 && o.LiveOrdersShownFrom >= 0 && o.FormSubmissionWindow > TimeSpan.Zero, "StalkingProtection:PublicSite: the form rate limit must be positive.")
            .ValidateOnStart();
        services.AddPublicReports();
        services.AddSingleton<ContentLibrary>();
        services.AddSingleton<ReportCookie>();
        services.AddSingleton<QuickExitScript>();
        services.AddSingleton<LiveOrderFigure>();
        services.AddHostedService<ExpiredDraftPurge>();
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = "sp-flash";
            o.Cookie.IsEssential = true;
        });

        // Only sending is limited, never reading. Per address, so that one sender cannot fill the triage queue (the
        // address is used here only, never stored); sending a report is limited per report, by its cookie.
        services.Configure<RateLimiterOptions>(o =>
        {
            o.AddPolicy(FormRateLimitPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => Window(context, s => s.FormSubmissionsPerAddress))
                : RateLimitPartition.GetNoLimiter("read"));
            o.AddPolicy(SendReportRateLimitPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Request.Cookies[ReportCookie.Name] ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => Window(context, s => s.SendsPerReport))
                : RateLimitPartition.GetNoLimiter("read"));
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions Window(HttpContext context, Func<PublicSiteOptions, int> permits)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<PublicSiteOptions>>().Value;
        return new FixedWindowRateLimiterOptions { PermitLimit = permits(options), Window = options.FormSubmissionWindow };
    }
}
