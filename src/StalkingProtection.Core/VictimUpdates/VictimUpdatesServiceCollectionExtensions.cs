using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace StalkingProtection.Core.VictimUpdates;

public static class VictimUpdatesServiceCollectionExtensions
{
    /// <summary>
    /// The sender, its lease and the channel. With StalkingProtection:Notify:ApiKey set, updates go through GOV.UK Notify on the
    /// host's <see cref="NotifyChannel"/> typed HttpClient, and the templates are checked at start-up; otherwise to the local sink.
    /// </summary>
    public static IServiceCollection AddVictimUpdates(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotifyOptions>().Bind(configuration.GetSection(NotifyOptions.SectionName))
            .Validate(o => o.SendInterval >= TimeSpan.FromSeconds(10), "StalkingProtection:Notify:SendInterval must be at least 10 seconds.")
            .Validate(o => !o.UsesNotify || (Guid.TryParse(o.SmsTemplateId, out _) && Guid.TryParse(o.EmailTemplateId, out _)),
                "StalkingProtection:Notify:SmsTemplateId and EmailTemplateId must be GOV.UK Notify template ids when an ApiKey is set.")
            .ValidateOnStart();
        services.AddScoped<IVictimMessageChannel>(sp => sp.GetRequiredService<IOptions<NotifyOptions>>().Value.UsesNotify
            ? sp.GetRequiredService<NotifyChannel>()
            : new LocalSinkChannel());
        services.AddScoped<VictimMessageDispatch>();
        services.AddHostedService<NotifyTemplateCheck>();
        services.AddSingleton<VictimMessageSender>();
        services.AddHostedService(sp => sp.GetRequiredService<VictimMessageSender>());
        return services;
    }
}

/// <summary>
/// A template that asks for a field the service does not supply, or lacks the update itself, is refused when the service
/// starts with it, not when a victim's message is due.
/// </summary>
public sealed class NotifyTemplateCheck(IServiceScopeFactory scopes, IOptions<NotifyOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.UsesNotify)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        await CheckAsync(scope.ServiceProvider.GetRequiredService<NotifyChannel>(), options.Value);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task CheckAsync(NotifyChannel notify, NotifyOptions options)
    {
        foreach (var channel in Enum.GetValues<VictimUpdateChannel>())
        {
            var id = options.TemplateFor(channel);
            var fields = await notify.TemplateFieldsAsync(id);
            var unknown = fields.Where(f => !NotifyTemplateFields.Supplied.Contains(f)).ToList();
            if (unknown.Count > 0 || !fields.Contains(NotifyTemplateFields.Update))
            {
                throw new OptionsValidationException(NotifyOptions.SectionName, typeof(NotifyOptions),
                [
                    $"The GOV.UK Notify {channel} template {id} must use the field (({NotifyTemplateFields.Update})) and no other" +
                    (unknown.Count > 0 ? $"; it asks for {string.Join(", ", unknown.Select(f => $"(({f}))"))}, which the service does not supply." : "."),
                ]);
            }
        }
    }
}
