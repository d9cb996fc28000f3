using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Notify.Client;
using Notify.Exceptions;

namespace StalkingProtection.Core.VictimUpdates;

public sealed class NotifyOptions
{
    public const string SectionName = "StalkingProtection:Notify";

    /// <summary>The GOV.UK Notify API key; without one, updates go to the local sink that staff read.</summary>
    public string? ApiKey { get; set; }

    public bool SendUpdates { get; set; } = true;

    public TimeSpan SendInterval { get; set; } = TimeSpan.FromMinutes(1);

    public string SmsTemplateId { get; set; } = "";

    public string EmailTemplateId { get; set; } = "";

    public bool UsesNotify => !string.IsNullOrWhiteSpace(ApiKey);

    public string TemplateFor(VictimUpdateChannel channel) => channel == VictimUpdateChannel.Sms ? SmsTemplateId : EmailTemplateId;
}

/// <summary>The one personalisation field the templates take: the whole text of the update.</summary>
public static class NotifyTemplateFields
{
    public const string Update = "update";

    public static readonly IReadOnlySet<string> Supplied = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Update };
}

public sealed record ChannelReceipt(string Id, string Status, bool Delivered);

/// <summary>A failure that another attempt will not mend (the address is refused, the key is wrong).</summary>
public sealed class PermanentSendFailureException(string message) : Exception(message);

/// <summary>Where updates go: GOV.UK Notify, or the local sink.</summary>
public interface IVictimMessageChannel
{
    Task<ChannelReceipt> SendAsync(VictimMessage message, string recipient, CancellationToken ct);

    /// <summary>Notify's latest status for a message it accepted, or null when the channel has none to tell.</summary>
    Task<string?> StatusAsync(string id, CancellationToken ct);

    /// <summary>The message the channel already holds under this reference (the outbox message's id), or null when it has none.</summary>
    Task<ChannelReceipt?> FindAsync(string reference, CancellationToken ct);
}

/// <summary>Without a Notify key (development, tests) the outbox row itself is the message: marked delivered to the sink, read by staff.</summary>
public sealed class LocalSinkChannel : IVictimMessageChannel
{
    public const string SinkStatus = "local-sink";

    public Task<ChannelReceipt> SendAsync(VictimMessage message, string recipient, CancellationToken ct) =>
        Task.FromResult(new ChannelReceipt(SinkStatus, SinkStatus, Delivered: true));

    public Task<string?> StatusAsync(string id, CancellationToken ct) => Task.FromResult<string?>(null);

    public Task<ChannelReceipt?> FindAsync(string reference, CancellationToken ct) => Task.FromResult<ChannelReceipt?>(null);
}

/// <summary>GOV.UK Notify through its own client, over an HttpClient from the host (which applies the outbound allowlist).</summary>
public sealed partial class NotifyChannel(HttpClient http, IOptions<NotifyOptions> options) : IVictimMessageChannel
{
    private NotificationClient? _client;

    // The Notify client sets the HttpClient's base address, which may be set only before the first request: one client per channel.
    private NotificationClient Client() => _client ??= new NotificationClient(new HttpClientWrapper(http), options.Value.ApiKey);

    public async Task<ChannelReceipt> SendAsync(VictimMessage message, string recipient, CancellationToken ct)
    {
        var personalisation = new Dictionary<string, dynamic> { [NotifyTemplateFields.Update] = message.Body };
        var template = options.Value.TemplateFor(message.Channel);
        try
        {
            var id = message.Channel == VictimUpdateChannel.Sms
                ? (await Client().SendSmsAsync(recipient, template, personalisation, message.Id.ToString(), null)).id
                : (await Client().SendEmailAsync(recipient, template, personalisation, message.Id.ToString(), null)).id;
            return new ChannelReceipt(id, "created", Delivered: false);
        }
        catch (NotifyClientException ex) when (StatusCodeOf(ex.Message) is 400 or 403)
        {
            throw new PermanentSendFailureException(Describe(ex.Message));
        }
        catch (NotifyClientException ex)
        {
            throw new HttpRequestException(Describe(ex.Message), ex);
        }
    }

    public async Task<string?> StatusAsync(string id, CancellationToken ct) => (await Client().GetNotificationByIdAsync(id)).status;

    public async Task<ChannelReceipt?> FindAsync(string reference, CancellationToken ct)
    {
        try
        {
            var found = (await Client().GetNotificationsAsync(reference: reference)).notifications?.FirstOrDefault(n => n.reference == reference);
            return found is null ? null : new ChannelReceipt(found.id, found.status, found.status == "delivered");
        }
        catch (NotifyClientException ex)
        {
            throw new HttpRequestException(Describe(ex.Message), ex);
        }
    }

    /// <summary>The placeholders a template asks for, read from Notify; used to refuse a template at start-up, not at sending.</summary>
    public async Task<IReadOnlySet<string>> TemplateFieldsAsync(string templateId)
    {
        var template = await Client().GetTemplateByIdAsync(templateId);
        return Placeholder().Matches($"{template.subject} {template.body}").Select(m => m.Groups[1].Value.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static int? StatusCodeOf(string message) =>
        StatusCode().Match(message) is { Success: true } m && int.TryParse(m.Groups[1].Value, out var code) ? code : null;

    // Notify's error text may quote what was sent: only the status code and the error names are kept.
    private static string Describe(string message) =>
        StatusCodeOf(message) is { } code ? $"GOV.UK Notify answered {code}: {string.Join(", ", ErrorName().Matches(message).Select(m => m.Groups[1].Value).Distinct())}" : "GOV.UK Notify could not be reached";

    [GeneratedRegex(@"\(\(([^)]+)\)\)")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"Status code (\d{3})")]
    private static partial Regex StatusCode();

    [GeneratedRegex(@"""error""\s*:\s*""([A-Za-z]+)""")]
    private static partial Regex ErrorName();
}
