using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;

namespace StalkingProtection.Core.Cases;

// SPA 2019 s.1(1)(c), s.2(1)(c), R4: the person to protect need not be the victim of any act (stalking by proxy).
public enum VictimRole
{
    DirectVictim,
    ProtectedPerson,
    Both,
}

public enum RelationshipToRespondent
{
    ExIntimate,
    Acquaintance,
    Stranger,
    Work,
    Family,
    Other,
}

/// <summary>A person's role on a case: a direct victim of the acts, a person to protect, or both.</summary>
public class Victim : IVersioned
{
    private Guid _personId;

    public required Guid Id { get; init; }

    public required Guid CaseId { get; init; }

    public required Guid PersonId { get => _personId; init => _personId = value; }

    public Person Person { get; private set; } = null!;

    public VictimRole Role { get; private set; }

    public RelationshipToRespondent Relationship { get; private set; }

    public long Version { get; set; }

    public bool IsProtectedPerson => Role is VictimRole.ProtectedPerson or VictimRole.Both;

    public static Victim Add(Guid caseId, Person person, VictimRole role, RelationshipToRespondent relationship, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), CaseId = caseId, PersonId = person.Id, Person = person, Role = role, Relationship = relationship };

    public void ChangeRole(VictimRole role) => Role = role;

    /// <summary>The person was recorded twice; this role now belongs to the record kept.</summary>
    internal void MoveTo(Person person)
    {
        _personId = person.Id;
        Person = person;
    }
}

public sealed class VictimConfiguration : IEntityTypeConfiguration<Victim>
{
    public void Configure(EntityTypeBuilder<Victim> builder)
    {
        builder.ToTable("victims");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Relationship).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<StalkingCase>().WithMany().HasForeignKey(v => v.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(v => v.Person).WithMany().HasForeignKey(v => v.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(v => v.Person).AutoInclude();
        builder.Ignore(v => v.IsProtectedPerson);
        builder.HasIndex(v => new { v.CaseId, v.PersonId }).IsUnique();
    }
}
