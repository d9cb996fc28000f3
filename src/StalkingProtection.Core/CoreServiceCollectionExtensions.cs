using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Demo;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Time;
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
            .ValidateOnStart();

        var options = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddStalkingProtectionDatabase(options.Provider, options.ResolveConnectionString(contentRootPath));

        services.AddOptions<LegalRuleSet>().Bind(configuration.GetSection(LegalRuleSet.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LegalRuleSet>, LegalRuleSetValidator>();
        services.TryAddSingleton(BankHolidayCalendar.EnglandAndWales);

        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<AuditLog>();
        services.AddScoped<StaffAccountService>();
        services.AddScoped<SignInThrottle>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<Integration.ApiClientService>();
        return services;
    }
}
