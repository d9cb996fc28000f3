using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Cases;

namespace StalkingProtection.Core.VictimUpdates;

public enum VictimMessageStatus
{
    /// <summary>Waiting for the victim's safe time or for the next attempt.</summary>
    Pending,

    /// <summary>Accepted by GOV.UK Notify, not yet delivered.</summary>
    Sent,

    /// <summary>Delivered to the victim, or to the local sink when no Notify key is configured.</summary>
    Delivered,

    /// <summary>Notify refused it for good, or every attempt failed: staff contact the victim another way.</summary>
    Failed,

    /// <summary>Not sent: the victim asked not to be contacted, or stopped wanting this update, before it went.</summary>
    Withheld,

    /// <summary>
    /// Claimed by the sender just before Notify is asked to send it. Found in this state after the claim has run out, the
    /// sender stopped before saving Notify's answer, so the result is unknown until Notify is asked for the message.
    /// </summary>
    Sending,
}

/// <summary>
/// An update for a victim, written in the same transaction as the event it tells of (the outbox) and sent later by
/// <see cref="VictimMessageSender"/> inside the victim's safe times. The text names the order by its victim reference at
/// most: never an address, a phone number, an email address or the respondent (R41).
/// </summary>
public class VictimMessage
{
    public const int BodyMaxLength = 600;
    public const int KeyMaxLength = 120;
    public const int NotifyIdMaxLength = 64;
    public const int NotifyStatusMaxLength = 40;
    public const int ErrorMaxLength = 500;
    public const int MaxAttempts = 12;

    /// <summary>How long a claimed message is left to the sender that claimed it: as long as the sender's lease.</summary>
    public static readonly TimeSpan SendingClaim = TimeSpan.FromMinutes(10);

    public required Guid Id { get; init; }

    public required Guid VictimId { get; init; }

    public required Guid CaseId { get; init; }

    public required VictimUpdateEvent Event { get; init; }

    public required VictimUpdateChannel Channel { get; init; }

    public required string Body { get; init; }

    /// <summary>Set for updates that must be raised once however often their event is seen: a periodic check, a breach's outcome, a decision on a reported breach.</summary>
    public string? Key { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public VictimMessageStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? NotifyId { get; private set; }

    public string? NotifyStatus { get; private set; }

    public string? LastError { get; private set; }

    public bool IsOutstanding => Status is VictimMessageStatus.Pending or VictimMessageStatus.Sending or VictimMessageStatus.Sent;

    /// <summary>Saved before Notify is asked to send, so that a sender stopping before it saves the answer leaves a trace.</summary>
    internal void Claim(DateTimeOffset now)
    {
        Status = VictimMessageStatus.Sending;
        NextAttemptAt = (now + SendingClaim).ToUniversalTime();
    }

    /// <summary>Notify has no message with this one's reference: the earlier attempt never reached it, so it may be sent.</summary>
    internal void NotReceived() => Status = VictimMessageStatus.Pending;

    internal void WaitUntil(DateTimeOffset at) => NextAttemptAt = at.ToUniversalTime();

    internal void Withhold(string reason)
    {
        Status = VictimMessageStatus.Withheld;
        LastError = reason;
    }

    internal void MarkSent(string notifyId, string notifyStatus, bool delivered, DateTimeOffset now)
    {
        Attempts++;
        Status = delivered ? VictimMessageStatus.Delivered : VictimMessageStatus.Sent;
        NotifyId = notifyId;
        NotifyStatus = notifyStatus;
        SentAt = now.ToUniversalTime();
        LastError = null;
    }

    /// <summary>
    /// Exponential back-off from one minute, at most six hours; after the last attempt staff are left to act. While the result of
    /// an earlier attempt is still unknown the message stays claimed, so it is asked about again rather than sent.
    /// </summary>
    internal void AttemptFailed(string error, DateTimeOffset now, bool permanent, bool resultUnknown = false)
    {
        Attempts++;
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        if (permanent || Attempts >= MaxAttempts)
        {
            Status = VictimMessageStatus.Failed;
            return;
        }

        Status = resultUnknown ? VictimMessageStatus.Sending : VictimMessageStatus.Pending;

        var delay = TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Attempts - 1), 360));
        NextAttemptAt = (now + delay).ToUniversalTime();
    }

    internal void RecordNotifyStatus(string status)
    {
        NotifyStatus = status.Length > NotifyStatusMaxLength ? status[..NotifyStatusMaxLength] : status;
        Status = status switch
        {
            "delivered" => VictimMessageStatus.Delivered,
            "permanent-failure" or "temporary-failure" or "technical-failure" or "validation-failed" => VictimMessageStatus.Failed,
            _ => Status,
        };
    }
}

public sealed class VictimMessageConfiguration : IEntityTypeConfiguration<VictimMessage>
{
    public void Configure(EntityTypeBuilder<VictimMessage> builder)
    {
        builder.ToTable("victim_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Event).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Body).HasMaxLength(VictimMessage.BodyMaxLength);
        builder.Property(m => m.Key).HasMaxLength(VictimMessage.KeyMaxLength);
        builder.Property(m => m.NotifyId).HasMaxLength(VictimMessage.NotifyIdMaxLength);
        builder.Property(m => m.NotifyStatus).HasMaxLength(VictimMessage.NotifyStatusMaxLength);
        builder.Property(m => m.LastError).HasMaxLength(VictimMessage.ErrorMaxLength);
        builder.HasOne<Victim>().WithMany().HasForeignKey(m => m.VictimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StalkingCase>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => new { m.VictimId, m.CreatedAt });
        builder.HasIndex(m => m.Key).IsUnique();
    }
}
