using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Time;
using StalkingProtection.Core.VictimUpdates;
using Microsoft.Extensions.Options;

namespace StalkingProtection.Core;

public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddStalkingProtectionCore(
        this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        var section = configuration.GetSection(DatabaseOptions.SectionName);
        services.AddOptions<DatabaseOptions>().Bind(section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), "StalkingProtection:Database:DataDirectory must not be empty.")
            .Validate(o => o.Provider != DatabaseProvider.Postgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "StalkingProtection:Database:ConnectionString is required when the provider is Postgres.")
            .Validate(o => string.IsNullOrWhiteSpace(o.ServiceRole) || (o.Provider == DatabaseProvider.Postgres && DatabaseRoles.IsValidRoleName(o.ServiceRole)),
                "StalkingProtection:Database:ServiceRole is for PostgreSQL only and must be a plain role name (lower-case letters, digits and underscores).")
            .Validate(o => string.IsNullOrWhiteSpace(o.PasswordFile) || (o.Provider == DatabaseProvider.Postgres && Path.IsPathRooted(o.PasswordFile)),
                "StalkingProtection:Database:PasswordFile is for PostgreSQL only and must be an absolute path.")
            .Validate(o => o.PasswordRefreshInterval >= TimeSpan.FromSeconds(1) && o.PasswordRefreshInterval <= TimeSpan.FromHours(1),
                "StalkingProtection:Database:PasswordRefreshInterval must be from 1 second to 1 hour.")
            .ValidateOnStart();

        var options = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddStalkingProtectionDatabase(
            options.Provider, options.ResolveConnectionString(contentRootPath), options.PasswordFile, options.PasswordRefreshInterval);

        services.AddOptions<LegalRuleSet>().Bind(configuration.GetSection(LegalRuleSet.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LegalRuleSet>, LegalRuleSetValidator>();
        services.TryAddSingleton(BankHolidayCalendar.EnglandAndWales);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => ConsultationWriter.InDatabase(
            sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ConsultationWriter>>()));
        services.AddHostedService(sp => sp.GetRequiredService<ConsultationWriter>());
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditChain>();
        services.AddScoped<ChangeFeed>();
        services.AddScoped<StaffAccountService>();
        services.AddScoped<SignInThrottle>();
        services.AddScoped<StaffSessions>();
        services.AddScoped<Jobs.JobLeases>();
        services.AddOptions<Jobs.JobOptions>().Bind(configuration.GetSection(Jobs.JobOptions.SectionName))
            .Validate(o => o.DeadlineCheckInterval >= TimeSpan.FromSeconds(10), "StalkingProtection:Jobs:DeadlineCheckInterval must be at least 10 seconds.")
            .Validate(o => o.AuditSealInterval >= TimeSpan.FromSeconds(10), "StalkingProtection:Jobs:AuditSealInterval must be at least 10 seconds.")
            .Validate(o => o.StatisticsInterval >= TimeSpan.FromSeconds(10), "StalkingProtection:Jobs:StatisticsInterval must be at least 10 seconds.")
            .ValidateOnStart();
        services.AddSingleton<Jobs.DeadlineCheckJob>();
        services.AddHostedService(sp => sp.GetRequiredService<Jobs.DeadlineCheckJob>());
        services.AddSingleton<Jobs.AuditSealJob>();
        services.AddHostedService(sp => sp.GetRequiredService<Jobs.AuditSealJob>());
        services.AddScoped<Statistics.StatisticsMonthStore>();
        services.AddSingleton<Jobs.StatisticsMonthsJob>();
        services.AddHostedService(sp => sp.GetRequiredService<Jobs.StatisticsMonthsJob>());
        services.AddSingleton<Statistics.DashboardFigureCache>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, Statistics.DashboardChangeInterceptor>();
        services.AddHostedService<Jobs.DashboardFigureRefresh>();
        services.AddVictimUpdates(configuration);
        services.AddScoped<Integration.ApiClientService>();
        services.AddOptions<Integration.ApiClientOptions>().Bind(configuration.GetSection(Integration.ApiClientOptions.SectionName))
            .Validate(o => o.KeyRotationOverlap >= TimeSpan.Zero, "StalkingProtection:Api:KeyRotationOverlap cannot be negative.")
            .Validate(o => o.KeyLifetimeDays is >= 1 and <= Integration.ApiClientOptions.MaxKeyLifetimeDays,
                $"StalkingProtection:Api:KeyLifetimeDays must be from 1 to {Integration.ApiClientOptions.MaxKeyLifetimeDays} days.")
            .Validate(o => o.KeyRotationOverlap < TimeSpan.FromDays(o.KeyLifetimeDays),
                "StalkingProtection:Api:KeyRotationOverlap must be shorter than StalkingProtection:Api:KeyLifetimeDays.")
            .ValidateOnStart();
        return services;
    }
}
