using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.People;

public enum Gender
{
    NotKnown,
    Female,
    Male,
    Other,
}

/// <summary>Anyone the service records: a victim, a protected person or a respondent.</summary>
public class Person : IVersioned
{
    public const int PncIdMaxLength = 20;

    private readonly List<PersonName> _names = [];

    public required Guid Id { get; init; }

    public DateOnly? DateOfBirth { get; private set; }

    public Gender Gender { get; private set; }

    public string? PncId { get; private set; }

    public IReadOnlyList<PersonName> Names => _names;

    public DateTimeOffset CreatedAt { get; private init; }

    public long Version { get; set; }

    public PersonName PrimaryName => _names.First(n => !n.IsAlias);

    public static Person Create(string givenNames, string familyName, DateOnly? dateOfBirth, Gender gender, string? pncId, DateTimeOffset now)
    {
        var person = new Person { Id = Guid.CreateVersion7(now), CreatedAt = now.ToUniversalTime(), Gender = gender };
        person.Update(dateOfBirth, gender, pncId);
        person._names.Add(PersonName.Create(person.Id, givenNames, familyName, isAlias: false, firstUsedOn: null, now));
        return person;
    }

    public void Update(DateOnly? dateOfBirth, Gender gender, string? pncId)
    {
        if (pncId is { Length: > PncIdMaxLength })
        {
            throw new ArgumentException($"A PNC ID is at most {PncIdMaxLength} characters.", nameof(pncId));
        }

        DateOfBirth = dateOfBirth;
        Gender = gender;
        PncId = string.IsNullOrWhiteSpace(pncId) ? null : pncId.Trim();
    }

    /// <summary>SPA 2019 s.9(3): a name the person uses, from the day they first use it.</summary>
    public PersonName AddAlias(string givenNames, string familyName, DateOnly firstUsedOn, DateTimeOffset now)
    {
        var name = PersonName.Create(Id, givenNames, familyName, isAlias: true, firstUsedOn, now);
        _names.Add(name);
        return name;
    }

    public int? AgeOn(DateOnly date) => DateOfBirth is { } dob ? StatutoryDates.AgeOn(dob, date) : null;

    public override string ToString() => PrimaryName.FullName;
}

public class PersonName
{
    public const int NameMaxLength = 200;

    public required Guid Id { get; init; }

    public required Guid PersonId { get; init; }

    public required string GivenNames { get; init; }

    public required string FamilyName { get; init; }

    public bool IsAlias { get; private init; }

    /// <summary>SPA 2019 s.9(3), R27: the day the person first used the name.</summary>
    public DateOnly? FirstUsedOn { get; private init; }

    /// <summary>The day the respondent notified the police of this name (s.9).</summary>
    public DateOnly? NotifiedOn { get; private set; }

    public string FullName => $"{GivenNames} {FamilyName}".Trim();

    internal static PersonName Create(Guid personId, string givenNames, string familyName, bool isAlias, DateOnly? firstUsedOn, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(familyName) && string.IsNullOrWhiteSpace(givenNames))
        {
            throw new ArgumentException("A name needs a given name or a family name.", nameof(familyName));
        }

        if (givenNames.Length > NameMaxLength || familyName.Length > NameMaxLength)
        {
            throw new ArgumentException($"Each part of a name is at most {NameMaxLength} characters.", nameof(givenNames));
        }

        return new PersonName
        {
            Id = Guid.CreateVersion7(now),
            PersonId = personId,
            GivenNames = givenNames.Trim(),
            FamilyName = familyName.Trim(),
            IsAlias = isAlias,
            FirstUsedOn = firstUsedOn,
        };
    }

    public void MarkNotified(DateOnly on) => NotifiedOn ??= on;
}

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("people");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Gender).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.PncId).HasMaxLength(Person.PncIdMaxLength);
        builder.HasIndex(p => p.PncId);
        builder.HasMany(p => p.Names).WithOne().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Names).AutoInclude();
        builder.Ignore(p => p.PrimaryName);
    }
}

public sealed class PersonNameConfiguration : IEntityTypeConfiguration<PersonName>
{
    public void Configure(EntityTypeBuilder<PersonName> builder)
    {
        builder.ToTable("person_names");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.GivenNames).HasMaxLength(PersonName.NameMaxLength);
        builder.Property(n => n.FamilyName).HasMaxLength(PersonName.NameMaxLength);
        builder.Ignore(n => n.FullName);
        builder.HasIndex(n => new { n.FamilyName, n.GivenNames });
    }
}
