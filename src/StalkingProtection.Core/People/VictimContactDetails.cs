using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.People;

/// <summary>How to reach a victim safely. Never stored in plain text: see <see cref="VictimContactDetails"/>.</summary>
public sealed record VictimContact(string? Phone, string? Email, string? Address, string? SafeTimes, bool VoicemailAllowed)
{
    public const int PhoneMaxLength = 30;
    public const int EmailMaxLength = 254;
    public const int AddressMaxLength = 500;
    public const int SafeTimesMaxLength = 500;
}

/// <summary>
/// A victim's contact details encrypted at rest with ASP.NET Core Data Protection, plus keyed HMAC-SHA256 hashes of the phone
/// number and email for exact-match search. Read only through VictimContactService, which audits every read (DPA 2018 s.62).
/// </summary>
public class VictimContactDetails : IVersioned
{
    public const int CiphertextMaxLength = 8000;
    public const int HashLength = 64;

    public required Guid Id { get; init; }

    public required Guid VictimId { get; init; }

    public string Ciphertext { get; private set; } = "";

    public string? PhoneHash { get; private set; }

    public string? EmailHash { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public long Version { get; set; }

    internal void Set(string ciphertext, string? phoneHash, string? emailHash, DateTimeOffset now)
    {
        if (ciphertext.Length > CiphertextMaxLength)
        {
            throw RuleViolationException.Input("contactDetails", "The contact details are too long");
        }

        Ciphertext = ciphertext;
        PhoneHash = phoneHash;
        EmailHash = emailHash;
        UpdatedAt = now.ToUniversalTime();
    }
}

public sealed class VictimContactDetailsConfiguration : IEntityTypeConfiguration<VictimContactDetails>
{
    public void Configure(EntityTypeBuilder<VictimContactDetails> builder)
    {
        builder.ToTable("victim_contact_details");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Ciphertext).HasMaxLength(VictimContactDetails.CiphertextMaxLength);
        builder.Property(d => d.PhoneHash).HasMaxLength(VictimContactDetails.HashLength).IsFixedLength();
        builder.Property(d => d.EmailHash).HasMaxLength(VictimContactDetails.HashLength).IsFixedLength();
        builder.HasOne<Victim>().WithOne().HasForeignKey<VictimContactDetails>(d => d.VictimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.VictimId).IsUnique();
        builder.HasIndex(d => d.PhoneHash);
        builder.HasIndex(d => d.EmailHash);
    }
}
