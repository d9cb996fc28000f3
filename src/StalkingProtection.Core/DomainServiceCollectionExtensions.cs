using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Core.Tasks;

namespace StalkingProtection.Core;

public static class DomainServiceCollectionExtensions
{
    /// <summary>
    /// Registers the domain services (scoped, like the DbContext). The host registers the database and Data Protection, and binds
    /// <see cref="VictimContactOptions"/> from <see cref="VictimContactOptions.SectionName"/>.
    /// </summary>
    public static IServiceCollection AddStalkingProtectionDomain(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<AuditLog>();
        services.AddScoped<StaffTaskRaiser>();
        services.AddOptions<VictimContactOptions>();
        services.AddScoped<CaseService>();
        services.AddScoped<ApplicationService>();
        services.AddScoped<Hearings.HearingService>();
        services.AddScoped<OrderService>();
        services.AddScoped<AppealService>();
        services.AddScoped<OrderStatusQueries>();
        services.AddScoped<Search.RecordSearchService>();
        services.AddScoped<NotificationService>();
        services.AddScoped<BreachService>();
        services.AddScoped<ReviewService>();
        services.AddScoped<DeadlineCheckService>();
        services.AddScoped<VictimContactService>();
        services.AddScoped<VictimUpdates.VictimUpdateService>();
        services.AddScoped<PersonMergeService>();
        services.AddScoped<Import.TrackerImportService>();
        services.AddScoped<Import.TrackerExport>();
        services.AddScoped<Documents.DocumentService>();
        services.AddScoped<Reports.TriageService>();
        services.AddScoped<Statistics.DashboardQueries>();
        services.AddScoped<Statistics.StatisticsService>();
        services.AddScoped<Lookup.OrderLookupService>();
        services.AddScoped<MyTasksQuery>();
        return services;
    }
}
