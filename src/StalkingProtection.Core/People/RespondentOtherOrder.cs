using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.People;

public enum OtherOrderType
{
    RestrainingOrder,
    NonMolestationOrder,
    DomesticAbuseProtectionOrder,
    SexualHarmPreventionOrder,
    Other,
}

/// <summary>
/// An order other than an SPO that binds the respondent (spo-rules.md §11 Respondent: "other orders"), recorded so that officers
/// see it beside the SPO and draft conditions that fit with it.
/// </summary>
public class RespondentOtherOrder
{
    public const int NameMaxLength = 200;
    public const int ReferenceMaxLength = 100;
    public const int NotesMaxLength = 4000;
    public const string Source = "spo-rules.md §11 Respondent";

    public required Guid Id { get; init; }

    public Guid RespondentId { get; private set; }

    /// <summary>The person was recorded twice, each time as a respondent: this now belongs to the respondent kept.</summary>
    internal void TransferTo(Respondent kept) => RespondentId = kept.Id;

    public OtherOrderType Type { get; private init; }

    public string? OtherTypeDescription { get; private init; }

    public string CourtName { get; private init; } = "";

    public DateOnly MadeOn { get; private init; }

    public bool UntilFurtherOrder { get; private init; }

    /// <summary>The last day the order is in force; null when it lasts until further order.</summary>
    public DateOnly? EndsOn { get; private init; }

    public string? Reference { get; private init; }

    public string? Notes { get; private init; }

    public DateTimeOffset RecordedAt { get; private init; }

    public bool IsInForceOn(DateOnly date) => MadeOn <= date && (UntilFurtherOrder || EndsOn >= date);

    public static RespondentOtherOrder Record(Respondent respondent, OtherOrderType type, string? otherTypeDescription, string courtName, DateOnly madeOn,
        bool untilFurtherOrder, DateOnly? endsOn, string? reference, string? notes, DateOnly today, DateTimeOffset now)
    {
        new RuleCheck()
            .Must(type != OtherOrderType.Other || !string.IsNullOrWhiteSpace(otherTypeDescription), "Input", "otherTypeDescription", "Say what kind of order it is",
                Source)
            .Must((otherTypeDescription?.Length ?? 0) <= NameMaxLength, "Input", "otherTypeDescription", $"At most {NameMaxLength} characters", "")
            .Must(!string.IsNullOrWhiteSpace(courtName) && courtName.Length <= NameMaxLength, "Input", "courtName", "Enter the court that made the order", Source)
            .HasHappened(madeOn <= today, "madeOn")
            .Must(untilFurtherOrder != (endsOn is not null), "Input", "endsOn", "Enter the order's last day, or say that it lasts until further order", Source)
            .Must(endsOn is null || endsOn >= madeOn, "Input", "endsOn", "The order cannot end before it was made", Source)
            .Must((reference?.Length ?? 0) <= ReferenceMaxLength, "Input", "reference", $"The reference is at most {ReferenceMaxLength} characters", "")
            .Must((notes?.Length ?? 0) <= NotesMaxLength, "Input", "notes", $"The notes are at most {NotesMaxLength} characters", "")
            .ThrowIfBroken();
        return new RespondentOtherOrder
        {
            Id = Guid.CreateVersion7(now),
            RespondentId = respondent.Id,
            Type = type,
            OtherTypeDescription = type == OtherOrderType.Other ? otherTypeDescription!.Trim() : null,
            CourtName = courtName.Trim(),
            MadeOn = madeOn,
            UntilFurtherOrder = untilFurtherOrder,
            EndsOn = endsOn,
            Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim(),
            Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
            RecordedAt = now.ToUniversalTime(),
        };
    }
}

public sealed class RespondentOtherOrderConfiguration : IEntityTypeConfiguration<RespondentOtherOrder>
{
    public void Configure(EntityTypeBuilder<RespondentOtherOrder> builder)
    {
        builder.ToTable("respondent_other_orders");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(o => o.OtherTypeDescription).HasMaxLength(RespondentOtherOrder.NameMaxLength);
        builder.Property(o => o.CourtName).HasMaxLength(RespondentOtherOrder.NameMaxLength);
        builder.Property(o => o.Reference).HasMaxLength(RespondentOtherOrder.ReferenceMaxLength);
        builder.Property(o => o.Notes).HasMaxLength(RespondentOtherOrder.NotesMaxLength);
        builder.HasOne<Respondent>().WithMany().HasForeignKey(o => o.RespondentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.RespondentId, o.MadeOn });
    }
}
