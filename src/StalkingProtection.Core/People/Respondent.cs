using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.People;

public enum AddressSource
{
    Notification,
    Other,
}

/// <summary>The person an order is sought against (the Act's "defendant").</summary>
public class Respondent : IVersioned
{
    private readonly List<RespondentAddress> _addresses = [];
    private readonly List<SoaNotificationPeriod> _soaPeriods = [];
    private Guid _personId;

    public required Guid Id { get; init; }

    public required Guid PersonId { get => _personId; init => _personId = value; }

    public Person Person { get; private set; } = null!;

    /// <summary>SPA 2019 s.10(1)(b), R29: notifies where the court that last made an order sits.</summary>
    public bool NoEnglandWalesHomeAddress { get; private set; }

    public IReadOnlyList<RespondentAddress> Addresses => _addresses;

    /// <summary>Sexual Offences Act 2003 Part 2 notification periods (SPA 2019 s.9(5)–(7)).</summary>
    public IReadOnlyList<SoaNotificationPeriod> SoaPeriods => _soaPeriods;

    /// <summary>Set when the person was recorded twice as a respondent and this record was merged into another.</summary>
    public Guid? MergedIntoId { get; private set; }

    public bool IsMerged => MergedIntoId is not null;

    public long Version { get; set; }

    public static Respondent Create(Person person, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), PersonId = person.Id, Person = person };

    /// <summary>R7: a youth is under 18 on the day asked about (derived, never stored).</summary>
    public bool IsYouthOn(DateOnly date) => Person.AgeOn(date) is < 18;

    /// <summary>SPA 2019 s.9(5), R25: s.9 does not apply while the person is subject to SOA 2003 Part 2.</summary>
    public bool IsSubjectToSoaPart2On(DateOnly date) =>
        _soaPeriods.Any(p => p.StartedOn <= date && (p.FinalDay is null || p.FinalDay >= date));

    public RespondentAddress? HomeAddressOn(DateOnly date) =>
        _addresses.Where(a => a.FromDate <= date && (a.ToDate is null || a.ToDate >= date))
            .OrderByDescending(a => a.FromDate).FirstOrDefault();

    /// <summary>Records a home address from <paramref name="fromDate"/>; the previous open address ends the day before.</summary>
    public RespondentAddress MoveTo(string address, PoliceForce? policeArea, DateOnly fromDate, AddressSource source, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(address) || address.Length > RespondentAddress.AddressMaxLength)
        {
            throw RuleViolationException.Input(nameof(address), $"Enter the address in at most {RespondentAddress.AddressMaxLength} characters");
        }

        foreach (var open in _addresses.Where(a => a.ToDate is null && a.FromDate < fromDate))
        {
            open.End(fromDate.AddDays(-1));
        }

        var added = new RespondentAddress
        {
            Id = Guid.CreateVersion7(now),
            RespondentId = Id,
            Address = address.Trim(),
            PoliceArea = policeArea,
            FromDate = fromDate,
            Source = source,
        };
        _addresses.Add(added);
        NoEnglandWalesHomeAddress = policeArea is null;
        return added;
    }

    /// <summary>The person was recorded twice; the respondent, with every order and notification, belongs to the record kept.</summary>
    internal void MoveTo(Person person)
    {
        _personId = person.Id;
        Person = person;
    }

    /// <summary>
    /// The person was recorded twice, each time as a respondent. <paramref name="other"/>'s address history and SOA 2003
    /// Part 2 periods are copied here, as its names are copied to the person kept, and it points at this record; the copies
    /// skip what this record already holds. An address left open ends the day before a later one starts, as on a move.
    /// </summary>
    internal void Absorb(Respondent other, DateTimeOffset now)
    {
        var periods = other._soaPeriods.Where(p => !_soaPeriods.Any(k => k.StartedOn == p.StartedOn && k.FinalDay == p.FinalDay)).ToList();
        var clash = periods.FirstOrDefault(p => _soaPeriods.Any(k => k.StartedOn <= (p.FinalDay ?? DateOnly.MaxValue) && p.StartedOn <= (k.FinalDay ?? DateOnly.MaxValue)));
        new Rules.RuleCheck()
            .Must(other.Id != Id && !IsMerged && !other.IsMerged, "Status", "mergeId", "That respondent has already been merged into another record", "")
            .Must(clash is null, "R25", "mergeId",
                $"Both records show Sexual Offences Act 2003 Part 2 notification on {clash?.StartedOn:d MMMM yyyy} with different dates: correct the periods so they agree, then merge",
                "SPA 2019 s.9(5)")
            .ThrowIfBroken();

        foreach (var period in periods)
        {
            var copy = new SoaNotificationPeriod { Id = Guid.CreateVersion7(now), RespondentId = Id, StartedOn = period.StartedOn };
            if (period.FinalDay is { } finalDay)
            {
                copy.EndOn(finalDay);
            }

            _soaPeriods.Add(copy);
        }

        var latestHere = _addresses.Select(a => (DateOnly?)a.FromDate).Max();
        var latestThere = other._addresses.Select(a => (DateOnly?)a.FromDate).Max();
        foreach (var address in other._addresses.Where(a => !_addresses.Any(k => k.FromDate == a.FromDate && string.Equals(k.Address, a.Address, StringComparison.OrdinalIgnoreCase))))
        {
            var copy = new RespondentAddress
            {
                Id = Guid.CreateVersion7(now),
                RespondentId = Id,
                Address = address.Address,
                PoliceArea = address.PoliceArea,
                FromDate = address.FromDate,
                Source = address.Source,
            };
            if (address.ToDate is { } toDate)
            {
                copy.End(toDate);
            }

            _addresses.Add(copy);
        }

        foreach (var open in _addresses.Where(a => a.ToDate is null))
        {
            if (_addresses.Where(a => a.FromDate > open.FromDate).Select(a => (DateOnly?)a.FromDate).Min() is { } next)
            {
                open.End(next.AddDays(-1));
            }
        }

        if (latestThere is not null && (latestHere is null || latestThere > latestHere))
        {
            NoEnglandWalesHomeAddress = other.NoEnglandWalesHomeAddress;
        }

        other.MergedIntoId = Id;
    }

    public void SetNoEnglandWalesHomeAddress(bool value) => NoEnglandWalesHomeAddress = value;

    /// <summary>SPA 2019 s.9(5), R25: from <paramref name="startedOn"/> the respondent is subject to SOA 2003 Part 2, so s.9 does not apply.</summary>
    public SoaNotificationPeriod StartSoaPart2(DateOnly startedOn, DateTimeOffset now)
    {
        var overlapping = _soaPeriods.FirstOrDefault(p => p.FinalDay is null || p.FinalDay >= startedOn);
        new Rules.RuleCheck()
            .Must(overlapping is null, "R25", "startedOn",
                overlapping?.FinalDay is { } last
                    ? $"The respondent was already subject to Sexual Offences Act 2003 Part 2 notification until {last:d MMMM yyyy}: a new period starts after that day"
                    : $"The respondent has been subject to Sexual Offences Act 2003 Part 2 notification since {overlapping?.StartedOn:d MMMM yyyy}: record its final day first",
                "SPA 2019 s.9(5)")
            .ThrowIfBroken();
        var period = new SoaNotificationPeriod { Id = Guid.CreateVersion7(now), RespondentId = Id, StartedOn = startedOn };
        _soaPeriods.Add(period);
        return period;
    }

    /// <summary>SPA 2019 s.9(6), R26: records the "final day" of the SOA 2003 Part 2 period.</summary>
    public void EndSoaPart2(DateOnly finalDay)
    {
        var open = _soaPeriods.SingleOrDefault(p => p.FinalDay is null && p.StartedOn <= finalDay);
        new Rules.RuleCheck()
            .Must(open is not null, "R26", "finalDay", "The respondent has no Sexual Offences Act 2003 Part 2 notification period that was open on that day",
                "SPA 2019 s.9(6)")
            .ThrowIfBroken();
        open!.EndOn(finalDay);
    }
}

public class RespondentAddress
{
    public const int AddressMaxLength = 500;

    public required Guid Id { get; init; }

    public required Guid RespondentId { get; init; }

    public required string Address { get; init; }

    /// <summary>The police area the address lies in; null when it is outside England and Wales.</summary>
    public PoliceForce? PoliceArea { get; init; }

    public required DateOnly FromDate { get; init; }

    public DateOnly? ToDate { get; private set; }

    public AddressSource Source { get; init; }

    internal void End(DateOnly lastDay) => ToDate = lastDay;
}

public class SoaNotificationPeriod
{
    public required Guid Id { get; init; }

    public required Guid RespondentId { get; init; }

    public required DateOnly StartedOn { get; init; }

    public DateOnly? FinalDay { get; private set; }

    internal void EndOn(DateOnly finalDay) => FinalDay = finalDay;
}

public sealed class RespondentConfiguration : IEntityTypeConfiguration<Respondent>
{
    public void Configure(EntityTypeBuilder<Respondent> builder)
    {
        builder.ToTable("respondents");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne(r => r.Person).WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.PersonId).IsUnique();
        builder.HasOne<Respondent>().WithMany().HasForeignKey(r => r.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Addresses).WithOne().HasForeignKey(a => a.RespondentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.SoaPeriods).WithOne().HasForeignKey(p => p.RespondentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Person).AutoInclude();
        builder.Navigation(r => r.Addresses).AutoInclude();
        builder.Navigation(r => r.SoaPeriods).AutoInclude();
    }
}

public sealed class RespondentAddressConfiguration : IEntityTypeConfiguration<RespondentAddress>
{
    public void Configure(EntityTypeBuilder<RespondentAddress> builder)
    {
        builder.ToTable("respondent_addresses");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Address).HasMaxLength(RespondentAddress.AddressMaxLength);
        builder.Property(a => a.PoliceArea).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Source).HasConversion<string>().HasMaxLength(20);
    }
}

public sealed class SoaNotificationPeriodConfiguration : IEntityTypeConfiguration<SoaNotificationPeriod>
{
    public void Configure(EntityTypeBuilder<SoaNotificationPeriod> builder)
    {
        builder.ToTable("respondent_soa_periods");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
    }
}

internal static class RespondentSetExtensions
{
    /// <summary>A respondent to record something against; refused for a record merged into another, so nothing new lands there.</summary>
    public static async Task<Respondent> SingleToChangeAsync(this DbSet<Respondent> respondents, Guid id, CancellationToken ct)
    {
        var respondent = await respondents.SingleAsync(r => r.Id == id, ct);
        new Rules.RuleCheck()
            .Must(!respondent.IsMerged, "Status", "respondentId",
                $"This respondent was recorded twice and has been merged into respondent {respondent.MergedIntoId}: record it against that respondent", "")
            .ThrowIfBroken();
        return respondent;
    }
}
