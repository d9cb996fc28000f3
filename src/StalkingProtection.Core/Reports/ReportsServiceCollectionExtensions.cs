using Microsoft.Extensions.DependencyInjection;

namespace StalkingProtection.Core.Reports;

public static class ReportsServiceCollectionExtensions
{
    public static IServiceCollection AddPublicReports(this IServiceCollection services)
    {
        services.AddScoped<PublicReportService>();
        services.AddScoped<FeedbackService>();
        services.AddScoped<Breaches.ReportedBreachService>();
        return services;
    }
}
