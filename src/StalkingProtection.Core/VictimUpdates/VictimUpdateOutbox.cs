using System.Globalization;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.VictimUpdates;

/// <summary>
/// Adds victim updates to the caller's unit of work, so that they commit with the event they tell of or not at all. Each
/// victim on the case who opted in to the event gets one message; a victim who asked not to be contacted gets none (R41).
/// </summary>
internal static class VictimUpdateOutbox
{
    private static readonly CultureInfo _english = CultureInfo.GetCultureInfo("en-GB");

    public static async Task<int> AddAsync(StalkingProtectionDbContext db, Guid caseId, VictimUpdateEvent update, string? victimReference, DateOnly? on,
        DateTimeOffset now, CancellationToken ct, string? key = null)
    {
        var victimIds = await db.Victims.Where(v => v.CaseId == caseId).Select(v => v.Id).ToListAsync(ct);
        var preferences = await db.Set<VictimUpdatePreferences>().AsNoTracking().Where(p => victimIds.Contains(p.VictimId)).ToListAsync(ct);
        var added = 0;
        foreach (var wanted in preferences.Where(p => p.Wants(update)))
        {
            var messageKey = key is null ? null : $"{key}:{wanted.VictimId:N}";
            if (messageKey is not null && await db.Set<VictimMessage>().AnyAsync(m => m.Key == messageKey, ct))
            {
                continue;
            }

            var message = new VictimMessage
            {
                Id = Guid.CreateVersion7(now),
                VictimId = wanted.VictimId,
                CaseId = caseId,
                Event = update,
                Channel = wanted.Channel,
                Body = Text(update, victimReference, on),
                Key = messageKey,
                CreatedAt = now.ToUniversalTime(),
            };
            message.WaitUntil(wanted.SafeTimes.NextOpening(now) ?? now);
            db.Set<VictimMessage>().Add(message);
            added++;
        }

        return added;
    }

    /// <summary>
    /// The whole text of an update: the event, its date and the order's victim reference, nothing else. No name, address,
    /// phone number or email address is ever put in, so none can reach a message (R41).
    /// </summary>
    internal static string Text(VictimUpdateEvent update, string? victimReference, DateOnly? on)
    {
        var date = on is { } d ? d.ToString("d MMMM yyyy", _english) : null;
        var what = update switch
        {
            VictimUpdateEvent.ApplicationMade => "The police have applied to the court for a Stalking Protection Order",
            VictimUpdateEvent.HearingListed => date is null ? "A court hearing has been listed" : $"A court hearing has been listed for {date}",
            VictimUpdateEvent.OrderGranted => "The court made a Stalking Protection Order",
            VictimUpdateEvent.OrderRefused => "The court did not make a Stalking Protection Order",
            VictimUpdateEvent.OrderServed => "The Stalking Protection Order has been served",
            VictimUpdateEvent.BreachReported => "A breach of the Stalking Protection Order has been recorded",
            VictimUpdateEvent.BreachOutcome => "There is an outcome on a reported breach of the Stalking Protection Order",
            VictimUpdateEvent.OrderVaried => "The court varied the Stalking Protection Order",
            VictimUpdateEvent.OrderRenewed => "The court renewed the Stalking Protection Order",
            VictimUpdateEvent.OrderDischarged => "The court discharged the Stalking Protection Order",
            VictimUpdateEvent.OrderEnding => date is null ? "The Stalking Protection Order ends soon" : $"The Stalking Protection Order ends after {date}",
            _ => throw new ArgumentOutOfRangeException(nameof(update)),
        };
        var when = update is VictimUpdateEvent.HearingListed or VictimUpdateEvent.OrderEnding || date is null ? "" : $" on {date}";
        var reference = string.IsNullOrEmpty(victimReference) ? "" : $" Reference: {victimReference}.";
        return $"{what}{when}.{reference} Contact your officer if you have questions.";
    }
}
