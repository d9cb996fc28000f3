using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Search;
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

    /// <summary>The PNC ID in <see cref="ReferenceKeys.PncId"/> form, which the search finds by equality on its index (P1).</summary>
    public string? PncIdKey { get; private set; }

    public IReadOnlyList<PersonName> Names => _names;

    public DateTimeOffset CreatedAt { get; private init; }

    /// <summary>Set when this record was found to be the same person as another and merged into it; never deleted.</summary>
    public Guid? MergedIntoId { get; private set; }

    public DateTimeOffset? MergedAt { get; private set; }

    public long Version { get; set; }

    public PersonName PrimaryName => _names.First(n => !n.IsAlias);

    public bool IsMerged => MergedIntoId is not null;

    public static Person Create(string givenNames, string familyName, DateOnly? dateOfBirth, Gender gender, string? pncId, DateTimeOffset now)
    {
        var person = new Person { Id = Guid.CreateVersion7(now), CreatedAt = now.ToUniversalTime(), Gender = gender };
        person.Update(dateOfBirth, gender, pncId);
        var name = PersonName.Create(person.Id, givenNames, familyName, isAlias: false, firstUsedOn: null, now);
        name.SetMatchKey(dateOfBirth);
        person._names.Add(name);
        return person;
    }

    public void Update(DateOnly? dateOfBirth, Gender gender, string? pncId)
    {
        if (pncId is { Length: > PncIdMaxLength })
        {
            throw RuleViolationException.Input(nameof(pncId), $"A PNC ID is at most {PncIdMaxLength} characters");
        }

        DateOfBirth = dateOfBirth;
        Gender = gender;
        PncId = string.IsNullOrWhiteSpace(pncId) ? null : pncId.Trim();
        PncIdKey = PncId is null ? null : ReferenceKeys.PncId(PncId);
        foreach (var name in _names)
        {
            name.SetMatchKey(IsMerged ? null : dateOfBirth);
        }
    }

    /// <summary>SPA 2019 s.9(3): a name the person uses, from the day they first use it.</summary>
    public PersonName AddAlias(string givenNames, string familyName, DateOnly firstUsedOn, DateTimeOffset now)
    {
        var name = PersonName.Create(Id, givenNames, familyName, isAlias: true, firstUsedOn, now);
        name.SetMatchKey(DateOfBirth);
        _names.Add(name);
        return name;
    }

    /// <summary>
    /// Takes the names of <paramref name="other"/> as aliases (keeping when each was first used and notified, SPA 2019 s.9(3))
    /// and marks <paramref name="other"/> merged into this record. Roles are moved by the caller; both records stay.
    /// </summary>
    public IReadOnlyList<PersonName> AbsorbNamesOf(Person other, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(other);
        new Rules.RuleCheck()
            .Must(other.Id != Id, "Input", "mergeId", "Choose two different records: a record cannot be merged into itself", "")
            .Must(!IsMerged, "Status", "keepId", "The record to keep has itself been merged into another record", "")
            .Must(!other.IsMerged, "Status", "mergeId", "That record has already been merged into another record", "")
            .ThrowIfBroken();
        var added = new List<PersonName>();
        foreach (var name in other.Names)
        {
            var key = PersonName.NormaliseName(name.GivenNames, name.FamilyName);
            if (_names.Any(n => PersonName.NormaliseName(n.GivenNames, n.FamilyName) == key && n.FirstUsedOn == name.FirstUsedOn))
            {
                continue;
            }

            var copy = PersonName.Create(Id, name.GivenNames, name.FamilyName, isAlias: true, name.FirstUsedOn, now);
            if (name.NotifiedOn is { } notified)
            {
                copy.MarkNotified(notified);
            }

            copy.SetMatchKey(DateOfBirth);
            _names.Add(copy);
            added.Add(copy);
        }

        DateOfBirth ??= other.DateOfBirth;
        PncId ??= other.PncId;
        PncIdKey = PncId is null ? null : ReferenceKeys.PncId(PncId);
        other.MergedIntoId = Id;
        other.MergedAt = now.ToUniversalTime();
        foreach (var name in other._names)
        {
            name.SetMatchKey(null);
        }

        return added;
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

    /// <summary>
    /// The family name as the lookup and the lists compare it (<see cref="SearchKey"/>), kept with the name and indexed, so
    /// "Brontë", "BRONTE" and "bronte" find each other on SQLite and PostgreSQL alike.
    /// </summary>
    public string FamilySearchKey { get; private init; } = "";

    /// <summary>SPA 2019 s.9(3), R27: the day the person first used the name.</summary>
    public DateOnly? FirstUsedOn { get; private init; }

    /// <summary>The day the respondent notified the police of this name (s.9).</summary>
    public DateOnly? NotifiedOn { get; private set; }

    public string FullName => FullNameOf(GivenNames, FamilyName);

    public static string FullNameOf(string givenNames, string familyName) => $"{givenNames} {familyName}".Trim();

    private readonly List<PersonNameWord> _words = [];

    /// <summary>The words of the name as the workspace search compares them, kept with the name and indexed.</summary>
    public IReadOnlyList<PersonNameWord> Words => _words;

    internal static PersonName Create(Guid personId, string givenNames, string familyName, bool isAlias, DateOnly? firstUsedOn, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(familyName) && string.IsNullOrWhiteSpace(givenNames))
        {
            throw RuleViolationException.Input(nameof(familyName), "Enter a given name or a family name");
        }

        if (givenNames.Length > NameMaxLength || familyName.Length > NameMaxLength)
        {
            throw RuleViolationException.Input(nameof(givenNames), $"Each part of a name is at most {NameMaxLength} characters");
        }

        var name = new PersonName
        {
            Id = Guid.CreateVersion7(now),
            PersonId = personId,
            GivenNames = givenNames.Trim(),
            FamilyName = familyName.Trim(),
            FamilySearchKey = SearchKey(familyName),
            IsAlias = isAlias,
            FirstUsedOn = firstUsedOn,
        };
        name._words.AddRange(PersonNameWord.Of(name.Id, name.GivenNames, name.FamilyName));
        return name;
    }

    /// <summary>
    /// The normalised name and date of birth, for finding possible duplicates from an index; null when the date of birth is
    /// unknown or the person has been merged into another record.
    /// </summary>
    public string? MatchKey { get; private set; }

    public const int MatchKeyMaxLength = 2 * NameMaxLength + 12;

    public void MarkNotified(DateOnly on) => NotifiedOn ??= on;

    internal void SetMatchKey(DateOnly? dateOfBirth) =>
        MatchKey = dateOfBirth is { } dob ? $"{NormaliseName(GivenNames, FamilyName)}|{dob:yyyy-MM-dd}" : null;

    /// <summary>A family name with case, accents, spaces, hyphens and apostrophes taken out: "O'Brien-Smith", "o brien smith" and "OBRIENSMITH" are one key.</summary>
    public static string SearchKey(string familyName) => NormaliseName("", familyName).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>Case, spacing, punctuation and accents ignored: "Zoë  O'Brien" and "zoe obrien" are the same.</summary>
    public static string NormaliseName(string givenNames, string familyName)
    {
        var decomposed = $"{givenNames} {familyName}".Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019' or '.')
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || c == '-')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
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
        builder.Property(p => p.PncIdKey).HasMaxLength(Person.PncIdMaxLength);
        builder.HasIndex(p => p.PncIdKey);
        builder.HasMany(p => p.Names).WithOne().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Names).AutoInclude();
        builder.Ignore(p => p.PrimaryName);
        builder.Ignore(p => p.IsMerged);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
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
        builder.Property(n => n.MatchKey).HasMaxLength(PersonName.MatchKeyMaxLength);
        builder.HasIndex(n => new { n.MatchKey, n.PersonId });

        // P1: the lookup by family name and date of birth reads this index.
        builder.Property(n => n.FamilySearchKey).HasMaxLength(PersonName.NameMaxLength);
        builder.HasIndex(n => n.FamilySearchKey);
        builder.HasMany(n => n.Words).WithOne().HasForeignKey(w => w.PersonNameId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(n => n.Words).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

/// <summary>
/// One word of a name as <see cref="SearchNames"/> compares it (case, accents and punctuation taken out), with the word
/// after it joined on, so the workspace search finds "Smith-Jones" from "smith", "jones" or "smithjones" through an index.
/// </summary>
public class PersonNameWord
{
    public required Guid PersonNameId { get; init; }

    public required int Position { get; init; }

    public required string Word { get; init; }

    /// <summary>This word and the next written as one ("SmithJones" for "Smith-Jones"); null for the last word.</summary>
    public string? Joined { get; init; }

    public static IEnumerable<PersonNameWord> Of(Guid personNameId, string givenNames, string familyName)
    {
        var words = SearchNames.Tokens($"{givenNames} {familyName}");
        return words.Select((word, i) => new PersonNameWord
        {
            PersonNameId = personNameId,
            Position = i,
            Word = word,
            Joined = i + 1 < words.Count ? word + words[i + 1] : null,
        });
    }
}

public sealed class PersonNameWordConfiguration : IEntityTypeConfiguration<PersonNameWord>
{
    public void Configure(EntityTypeBuilder<PersonNameWord> builder)
    {
        builder.ToTable("person_name_words");
        builder.HasKey(w => new { w.PersonNameId, w.Position });
        builder.Property(w => w.Word).HasMaxLength(PersonName.NameMaxLength);
        builder.Property(w => w.Joined).HasMaxLength(2 * PersonName.NameMaxLength);

        // P1: the workspace search finds names by a word, or two words written as one, through these.
        builder.HasIndex(w => w.Word);
        builder.HasIndex(w => w.Joined);
    }
}
