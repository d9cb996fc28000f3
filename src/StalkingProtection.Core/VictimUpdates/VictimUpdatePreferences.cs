using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.VictimUpdates;

/// <summary>R41: the stages of a case a victim may ask to be told about.</summary>
[Flags]
public enum VictimUpdateEvent
{
    None = 0,
    ApplicationMade = 1,
    HearingListed = 2,
    OrderGranted = 4,
    OrderRefused = 8,
    OrderServed = 16,
    BreachReported = 32,
    BreachOutcome = 64,
    OrderVaried = 128,
    OrderRenewed = 256,
    OrderDischarged = 512,
    OrderEnding = 1024,
}

public enum VictimUpdateChannel
{
    Sms,
    Email,
}

[Flags]
public enum SafeDays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
    Weekdays = Monday | Tuesday | Wednesday | Thursday | Friday,
    Every = Weekdays | Saturday | Sunday,
}

/// <summary>
/// What a victim asked to be told, by which channel they said is safe and when. A victim who asked not to be contacted is
/// sent nothing, whatever else is recorded (R41).
/// </summary>
public class VictimUpdatePreferences : IVersioned
{
    public required Guid Id { get; init; }

    public required Guid VictimId { get; init; }

    public bool DoNotContact { get; private set; }

    public VictimUpdateEvent Events { get; private set; }

    public VictimUpdateChannel Channel { get; private set; }

    public SafeDays SafeDays { get; private set; }

    public TimeOnly SafeFrom { get; private set; }

    public TimeOnly SafeTo { get; private set; }

    public SafeTimeWindow SafeTimes => new(SafeDays, SafeFrom, SafeTo);

    public DateTimeOffset UpdatedAt { get; private set; }

    public long Version { get; set; }

    public bool Wants(VictimUpdateEvent update) => !DoNotContact && update != VictimUpdateEvent.None && Events.HasFlag(update);

    internal void Set(bool doNotContact, VictimUpdateEvent events, VictimUpdateChannel channel, SafeTimeWindow safeTimes, DateTimeOffset now)
    {
        new RuleCheck()
            .Must(doNotContact || events == VictimUpdateEvent.None || safeTimes.Days != SafeDays.None, "Input", "safeDays",
                "Select the days when it is safe to send updates", "")
            .Must(doNotContact || events == VictimUpdateEvent.None || safeTimes.From < safeTimes.To, "Input", "safeFrom",
                "The time safe messages start must be before the time they end", "")
            .ThrowIfBroken();
        DoNotContact = doNotContact;
        Events = doNotContact ? VictimUpdateEvent.None : events;
        Channel = channel;
        SafeDays = safeTimes.Days;
        SafeFrom = safeTimes.From;
        SafeTo = safeTimes.To;
        UpdatedAt = now.ToUniversalTime();
    }
}

public sealed class VictimUpdatePreferencesConfiguration : IEntityTypeConfiguration<VictimUpdatePreferences>
{
    public void Configure(EntityTypeBuilder<VictimUpdatePreferences> builder)
    {
        builder.ToTable("victim_update_preferences");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Ignore(p => p.SafeTimes);
        builder.HasOne<Victim>().WithOne().HasForeignKey<VictimUpdatePreferences>(p => p.VictimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.VictimId).IsUnique();
    }
}
