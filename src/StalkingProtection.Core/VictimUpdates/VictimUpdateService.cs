using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.VictimUpdates;

public sealed record SetVictimUpdatePreferencesOptions(
    Guid VictimId,
    bool DoNotContact,
    VictimUpdateEvent Events,
    VictimUpdateChannel Channel,
    SafeTimeWindow SafeTimes,
    long? ExpectedVersion = null);

public sealed record VictimMessageBacklog(int Pending, int Failed, DateTimeOffset? OldestPendingSince);

/// <summary>R41: what a victim wants to be told and how, and the updates sent to them, each read audited (DPA 2018 s.62).</summary>
public sealed class VictimUpdateService(StalkingProtectionDbContext db, TimeProvider timeProvider, AuditLog audit, VictimContactService contacts)
{
    public Task<VictimUpdatePreferences?> PreferencesAsync(Guid victimId, CancellationToken ct = default) =>
        db.Set<VictimUpdatePreferences>().AsNoTracking().SingleOrDefaultAsync(p => p.VictimId == victimId, ct);

    /// <summary>The channel must be one the victim's contact details hold, so an update can only go where the victim said is safe.</summary>
    public async Task<VictimUpdatePreferencesOutcome> SetPreferencesAsync(SetVictimUpdatePreferencesOptions request, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        _ = await db.Victims.SingleAsync(v => v.Id == request.VictimId, ct);
        if (!request.DoNotContact && request.Events != VictimUpdateEvent.None)
        {
            var contact = await contacts.ReadAsync(request.VictimId, actor, "Checking the victim's safe channel for updates", ct);
            var held = request.Channel == VictimUpdateChannel.Sms ? contact?.Phone : contact?.Email;
            new RuleCheck()
                .Must(!string.IsNullOrWhiteSpace(held), "R41", "channel",
                    request.Channel == VictimUpdateChannel.Sms
                        ? "Record the victim's phone number before choosing text messages"
                        : "Record the victim's email address before choosing email", "")
                .ThrowIfBroken();
        }

        var preferences = await db.Set<VictimUpdatePreferences>().SingleOrDefaultAsync(p => p.VictimId == request.VictimId, ct);
        var before = preferences is null ? null : new { preferences.DoNotContact, preferences.Events, preferences.Channel, preferences.SafeDays, preferences.SafeFrom, preferences.SafeTo };
        if (preferences is null)
        {
            preferences = new VictimUpdatePreferences { Id = Guid.CreateVersion7(now), VictimId = request.VictimId };
            db.Set<VictimUpdatePreferences>().Add(preferences);
        }
        else
        {
            db.ExpectVersion(preferences, request.ExpectedVersion);
        }

        preferences.Set(request.DoNotContact, request.Events, request.Channel, request.SafeTimes, now);
        var withheld = 0;
        if (preferences.DoNotContact)
        {
            // A victim who asks not to be contacted is sent nothing more, not even what was already waiting.
            foreach (var waiting in await db.Set<VictimMessage>().Where(m => m.VictimId == request.VictimId && m.Status == VictimMessageStatus.Pending).ToListAsync(ct))
            {
                waiting.Withhold("The victim asked not to be contacted");
                withheld++;
            }
        }

        audit.Add(actor, AuditEvents.VictimUpdates.PreferencesChanged.For(request.VictimId, oldValues: before,
            newValues: new { preferences.DoNotContact, preferences.Events, preferences.Channel, preferences.SafeDays, preferences.SafeFrom, preferences.SafeTo })
            with { Kind = before is null ? AuditKind.Collection : AuditKind.Alteration });
        await db.SaveChangesAsync(ct);
        return new VictimUpdatePreferencesOutcome(request.VictimId, preferences.DoNotContact, preferences.Events, preferences.Channel, withheld);
    }

    /// <summary>The updates written for a victim, newest first; the read is recorded as a consultation.</summary>
    public async Task<IReadOnlyList<VictimMessage>> MessagesAsync(Guid victimId, Actor actor, CancellationToken ct = default)
    {
        var messages = await db.Set<VictimMessage>().AsNoTracking().Where(m => m.VictimId == victimId).ToListAsync(ct);
        await audit.RecordConsultationAsync(actor, AuditEvents.VictimUpdates.MessagesRead.For(victimId), ct);
        return [.. messages.OrderByDescending(m => m.CreatedAt)];
    }

    /// <summary>How much is waiting or has failed across the service, so staff can see a backlog when Notify is down.</summary>
    public async Task<VictimMessageBacklog> BacklogAsync(CancellationToken ct = default)
    {
        var outstanding = await db.Set<VictimMessage>().AsNoTracking()
            .Where(m => m.Status == VictimMessageStatus.Pending || m.Status == VictimMessageStatus.Sending || m.Status == VictimMessageStatus.Failed)
            .Select(m => new { m.Status, m.CreatedAt }).ToListAsync(ct);
        var pending = outstanding.Where(m => m.Status != VictimMessageStatus.Failed).ToList();
        return new VictimMessageBacklog(pending.Count, outstanding.Count - pending.Count, pending.Count == 0 ? null : pending.Min(m => m.CreatedAt));
    }
}
