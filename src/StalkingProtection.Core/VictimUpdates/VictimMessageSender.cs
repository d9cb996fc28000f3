using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notify.Exceptions;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Jobs;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.VictimUpdates;

public sealed record VictimMessageRun(int Sent, int Deferred, int Retrying, int Failed, int Withheld, int EndingRaised);

/// <summary>
/// One pass over the outbox: raises "ending within 28 days" updates, then sends each message that is due and inside the
/// victim's safe times, saving after each so that a crash neither loses nor repeats one. A failed attempt waits longer each
/// time; the message stays in the outbox, where staff see it, until it is sent or every attempt is spent.
/// </summary>
public sealed class VictimMessageDispatch(StalkingProtectionDbContext db, IVictimMessageChannel channel, VictimContactService contacts,
    ReportedBreachService reportedBreaches, ILogger<VictimMessageDispatch> logger)
{
    public const int EndingNoticeDays = 28;
    private const int BatchSize = 50;

    public async Task<VictimMessageRun> RunAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var raised = await RaiseEndingAsync(now, ct);
        int sent = 0, deferred = 0, retrying = 0, failed = 0, withheld = 0;
        var due = await db.Set<VictimMessage>()
            .Where(m => (m.Status == VictimMessageStatus.Pending || m.Status == VictimMessageStatus.Sending) && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).Take(BatchSize).ToListAsync(ct);
        foreach (var message in due)
        {
            if (message.Status == VictimMessageStatus.Sending && await RecoverAsync(message, now, ct) is { } recovered)
            {
                if (recovered == VictimMessageStatus.Sending)
                {
                    retrying++;
                }
                else
                {
                    sent++;
                }

                await db.SaveChangesAsync(ct);
                continue;
            }

            var preferences = await db.Set<VictimUpdatePreferences>().AsNoTracking().SingleOrDefaultAsync(p => p.VictimId == message.VictimId, ct);
            if (preferences is null || !preferences.Wants(message.Event) || preferences.Channel != message.Channel)
            {
                // R41: the victim's latest choice decides, so a message queued before they changed it is not sent.
                message.Withhold(preferences?.DoNotContact == true ? "The victim asked not to be contacted" : "The victim no longer asks for this update by this channel");
                withheld++;
            }
            else if (preferences.SafeTimes.NextOpening(now) is { } opens && opens > now)
            {
                message.WaitUntil(opens);
                deferred++;
            }
            else
            {
                switch (await SendAsync(message, preferences, now, ct))
                {
                    case VictimMessageStatus.Failed:
                        failed++;
                        break;
                    case VictimMessageStatus.Pending or VictimMessageStatus.Sending:
                        retrying++;
                        break;
                    default:
                        sent++;
                        break;
                }
            }

            await db.SaveChangesAsync(ct);
        }

        await RefreshStatusesAsync(now, ct);
        return new VictimMessageRun(sent, deferred, retrying, failed, withheld, raised);
    }

    private async Task<VictimMessageStatus> SendAsync(VictimMessage message, VictimUpdatePreferences preferences, DateTimeOffset now, CancellationToken ct)
    {
        var contact = await contacts.ReadAsync(message.VictimId, Actor.System, $"Sending the update the victim asked for ({message.Event})", ct);
        var recipient = message.Channel == VictimUpdateChannel.Sms ? contact?.Phone : contact?.Email;
        if (string.IsNullOrWhiteSpace(recipient))
        {
            message.AttemptFailed("The victim's contact details no longer hold the chosen channel", now, permanent: true);
            return message.Status;
        }

        message.Claim(now);
        await db.SaveChangesAsync(ct);
        try
        {
            var receipt = await channel.SendAsync(message, recipient, ct);
            message.MarkSent(receipt.Id, receipt.Status, receipt.Delivered, now);
        }
        catch (PermanentSendFailureException ex)
        {
            message.AttemptFailed(ex.Message, now, permanent: true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning("Victim update {MessageId} was not sent (attempt {Attempt}): {Error}", message.Id, message.Attempts + 1, ex.GetType().Name);
            // An error answer from Notify means it did not take the message. Without an answer (a timeout, a dropped
            // connection) Notify may have taken it, so the next attempt asks Notify by reference before sending again.
            var answered = ex is HttpRequestException { InnerException: NotifyClientException };
            message.AttemptFailed(ex is HttpRequestException ? ex.Message : $"GOV.UK Notify could not be reached ({ex.GetType().Name})", now, permanent: false,
                resultUnknown: !answered);
            if (message.Status == VictimMessageStatus.Pending && preferences.SafeTimes.NextOpening(message.NextAttemptAt) is { } opens)
            {
                message.WaitUntil(opens);
            }
        }

        await DeliveredAsync(message, now, ct);
        return message.Status;
    }

    /// <summary>
    /// A message still claimed from an earlier run: that sender stopped after asking Notify to send it but before saving the answer.
    /// Notify is asked for a message with its reference (the outbox id) and what it holds is recorded instead of sending again;
    /// null when Notify has none, so the message is sent as usual. While Notify cannot be asked, the message waits.
    /// </summary>
    private async Task<VictimMessageStatus?> RecoverAsync(VictimMessage message, DateTimeOffset now, CancellationToken ct)
    {
        ChannelReceipt? found;
        try
        {
            found = await channel.FindAsync(message.Id.ToString(), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning("Could not ask GOV.UK Notify whether victim update {MessageId} arrived: {Error}", message.Id, ex.GetType().Name);
            message.AttemptFailed(ex is HttpRequestException ? ex.Message : $"GOV.UK Notify could not be reached ({ex.GetType().Name})", now, permanent: false, resultUnknown: true);
            return message.Status;
        }

        if (found is null)
        {
            message.NotReceived();
            return null;
        }

        message.MarkSent(found.Id, found.Status, found.Delivered, now);
        await DeliveredAsync(message, now, ct);
        return message.Status;
    }

    /// <summary>What follows from Notify delivering an update: the local sink tells no one, so it is not a delivery.</summary>
    private async Task DeliveredAsync(VictimMessage message, DateTimeOffset now, CancellationToken ct)
    {
        if (message.Status == VictimMessageStatus.Delivered && message.NotifyStatus != LocalSinkChannel.SinkStatus)
        {
            await reportedBreaches.RecordToldByUpdateAsync(message, now, ct);
        }
    }

    private async Task<int> RaiseEndingAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = LondonTime.DateOf(now);
        var horizon = today.AddDays(EndingNoticeDays);
        var ending = (await db.Orders.AsNoTracking()
                .Where(o => o.LastInForceDay != null && o.LastInForceDay >= today && o.LastInForceDay <= horizon)
                .ToListAsync(ct))
            .Where(o => o.IsInForceOn(today)).ToList();
        var raised = 0;
        foreach (var order in ending)
        {
            raised += await VictimUpdateOutbox.AddAsync(db, order.CaseId, VictimUpdateEvent.OrderEnding, order.VictimReference, order.LastInForceDay, now, ct,
                key: $"Ending:{order.Id:N}:{order.LastInForceDay:yyyyMMdd}");
        }

        if (raised > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return raised;
    }

    private async Task RefreshStatusesAsync(DateTimeOffset now, CancellationToken ct)
    {
        // Least recently asked first, each put last once asked: with more messages awaiting Notify than a batch, every one is
        // asked in turn, instead of the same batch on every run.
        var sent = await db.Set<VictimMessage>().Where(m => m.Status == VictimMessageStatus.Sent && m.NotifyId != null)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Take(BatchSize).ToListAsync(ct);
        foreach (var message in sent)
        {
            message.WaitUntil(now);
            try
            {
                if (await channel.StatusAsync(message.NotifyId!, ct) is { } status)
                {
                    message.RecordNotifyStatus(status);
                    await DeliveredAsync(message, now, ct);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("The status of victim update {MessageId} could not be read: {Error}", message.Id, ex.GetType().Name);
            }
        }

        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Sends victim updates every interval on whichever instance holds the lease, so no message goes twice.</summary>
public sealed class VictimMessageSender(IServiceScopeFactory scopes, IOptions<NotifyOptions> options, TimeProvider timeProvider, ILogger<VictimMessageSender> logger)
    : LeasedJob<VictimMessageRun>(scopes, timeProvider, logger)
{
    protected override string LeaseName => JobLease.VictimMessages;

    protected override bool Enabled => options.Value.SendUpdates;

    protected override TimeSpan Interval => options.Value.SendInterval;

    protected override Task<VictimMessageRun> RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<VictimMessageDispatch>().RunAsync(TimeProvider.GetUtcNow(), ct);
}
