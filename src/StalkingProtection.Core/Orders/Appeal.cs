using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Orders;

public enum AppellantType
{
    Defendant,
    ApplicantChiefOfficer,
    RelevantChiefOfficer,
}

// SPA 2019 s.7(1)–(3): what can be appealed.
public enum AppealableDecision
{
    MakingOfOrder,
    MakingOfInterimOrder,
    MakingOfS4OrderOnChiefOfficerApplication,
    RefusalOfS4OrderOnDefendantApplication,
    RefusalOfOrder,
    RefusalOfInterimOrder,
    RefusalOfS4OrderOnChiefOfficerApplication,
    MakingOfS4OrderOnDefendantApplication,
}

public enum AppealOutcome
{
    Pending,
    Allowed,
    Dismissed,
    Abandoned,
}

/// <summary>An appeal to the Crown Court (SPA 2019 s.7).</summary>
public class Appeal : IVersioned
{
    public const int GroundsMaxLength = 4000;
    public const int ReferenceMaxLength = 100;
    public const int ConsequentialOrdersMaxLength = 4000;

    public required Guid Id { get; init; }

    public Guid? OrderId { get; private init; }

    public Guid? ApplicationId { get; private init; }

    public AppellantType Appellant { get; private init; }

    public AppealableDecision Decision { get; private init; }

    public DateOnly DecisionOn { get; private init; }

    /// <summary>R24: provisional lodging deadline (15 business days, CrimPR 34.2), computed by the calendar and passed in.</summary>
    public DateOnly LodgingDeadline { get; private init; }

    public DateOnly? NoticeServedOn { get; private init; }

    public bool LodgedLate { get; private init; }

    public string Grounds { get; private init; } = "";

    public string? CrownCourtReference { get; private set; }

    public AppealOutcome Outcome { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    /// <summary>SPA 2019 s.7(4): orders the Crown Court made to give effect to its decision, and incidental or consequential orders.</summary>
    public string? ConsequentialOrders { get; private set; }

    /// <summary>SPA 2019 s.7(4): allowing an appeal against the making of an order quashes it.</summary>
    public bool QuashesOrderIfAllowed => Decision is AppealableDecision.MakingOfOrder or AppealableDecision.MakingOfInterimOrder;

    public long Version { get; set; }

    /// <summary>SPA 2019 s.7, R24: who may appeal against what.</summary>
    public static bool IsAllowedBySection7(AppellantType appellant, AppealableDecision decision) => (appellant, decision) switch
    {
        (AppellantType.Defendant, AppealableDecision.MakingOfOrder) => true, // s.7(1)(a)
        (AppellantType.Defendant, AppealableDecision.MakingOfInterimOrder) => true, // s.7(1)(b)
        (AppellantType.Defendant, AppealableDecision.MakingOfS4OrderOnChiefOfficerApplication) => true, // s.7(1)(c)
        (AppellantType.Defendant, AppealableDecision.RefusalOfS4OrderOnDefendantApplication) => true, // s.7(1)(d)
        (AppellantType.ApplicantChiefOfficer, AppealableDecision.RefusalOfOrder) => true, // s.7(2)(a)
        (AppellantType.ApplicantChiefOfficer, AppealableDecision.RefusalOfInterimOrder) => true, // s.7(2)(b)
        (AppellantType.ApplicantChiefOfficer, AppealableDecision.RefusalOfS4OrderOnChiefOfficerApplication) => true, // s.7(2)(c)
        (AppellantType.RelevantChiefOfficer, AppealableDecision.MakingOfS4OrderOnDefendantApplication) => true, // s.7(3)
        _ => false,
    };

    public static Appeal Lodge(Guid? orderId, Guid? applicationId, AppellantType appellant, AppealableDecision decision, DateOnly decisionOn,
        DateOnly lodgingDeadline, DateOnly? noticeServedOn, string grounds, Override? @override, DateTimeOffset now,
        out IReadOnlyList<RuleWarning> overridden)
    {
        var late = noticeServedOn is { } served && served > lodgingDeadline;
        overridden = new RuleCheck()
            // SPA 2019 s.7(1)–(3), R24.
            .Must(IsAllowedBySection7(appellant, decision), "R24", "decision",
                $"A {Describe(appellant)} cannot appeal against that decision under SPA 2019 s.7 (R24)", "SPA 2019 s.7")
            .Must(orderId is not null || applicationId is not null, "R24", "orderId", "Link the appeal to the order or application decided", "SPA 2019 s.7")
            .Must(lodgingDeadline >= decisionOn, "R24", "lodgingDeadline", "The lodging deadline cannot be before the decision", "CrimPR r.34.2")
            .Must(grounds.Length <= GroundsMaxLength, "Input", "grounds", $"The grounds are at most {GroundsMaxLength} characters", "")
            // CrimPR r.34.2(2), R24: 15 business days, applicability to s.7 appeals unconfirmed, so late notice warns.
            .Should(!late, "R24", "noticeServedOn",
                $"The appeal notice was served after the provisional deadline of {lodgingDeadline:d MMMM yyyy} (15 business days, CrimPR r.34.2, R24): record why it is still being pursued",
                "CrimPR r.34.2")
            .ThrowIfBroken(@override);

        return new Appeal
        {
            Id = Guid.CreateVersion7(now),
            OrderId = orderId,
            ApplicationId = applicationId,
            Appellant = appellant,
            Decision = decision,
            DecisionOn = decisionOn,
            LodgingDeadline = lodgingDeadline,
            NoticeServedOn = noticeServedOn,
            LodgedLate = late,
            Grounds = grounds.Trim(),
            Outcome = AppealOutcome.Pending,
        };
    }

    public void Decide(AppealOutcome outcome, DateOnly decidedOn, string? crownCourtReference, string? consequentialOrders = null, DateOnly? today = null)
    {
        CheckDecision(outcome, decidedOn, crownCourtReference, consequentialOrders, today);
        Outcome = outcome;
        DecidedOn = decidedOn;
        CrownCourtReference = string.IsNullOrWhiteSpace(crownCourtReference) ? null : crownCourtReference.Trim();
        ConsequentialOrders = string.IsNullOrWhiteSpace(consequentialOrders) ? null : consequentialOrders.Trim();
    }

    /// <summary>The rules of <see cref="Decide"/> without deciding, so that a page can ask them where the answers are given.</summary>
    public void CheckDecision(AppealOutcome outcome, DateOnly decidedOn, string? crownCourtReference, string? consequentialOrders = null, DateOnly? today = null) =>
        new RuleCheck()
            .Must(Outcome == AppealOutcome.Pending, "R24", "outcome", "The appeal has already been decided", "SPA 2019 s.7(4)")
            .Must(Enum.IsDefined(outcome) && outcome != AppealOutcome.Pending, "R24", "outcome", "Choose the outcome of the appeal", "SPA 2019 s.7(4)")
            .Must(decidedOn >= DecisionOn, "R24", "decidedOn", "The appeal cannot be decided before the decision appealed", "SPA 2019 s.7")
            .HasHappened(today is null || decidedOn <= today, "decidedOn")
            .Must(crownCourtReference is null || crownCourtReference.Length <= ReferenceMaxLength, "Input", "crownCourtReference",
                $"The Crown Court reference is at most {ReferenceMaxLength} characters", "")
            .Must(consequentialOrders is null || consequentialOrders.Length <= ConsequentialOrdersMaxLength, "Input", "consequentialOrders",
                $"The consequential orders are at most {ConsequentialOrdersMaxLength} characters", "")
            .ThrowIfBroken();

    private static string Describe(AppellantType appellant) => appellant switch
    {
        AppellantType.Defendant => "defendant",
        AppellantType.ApplicantChiefOfficer => "chief officer who applied",
        _ => "relevant chief officer",
    };
}

public sealed class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> builder)
    {
        builder.ToTable("appeals");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Appellant).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Decision).HasConversion<string>().HasMaxLength(60);
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Grounds).HasMaxLength(Appeal.GroundsMaxLength);
        builder.Property(a => a.CrownCourtReference).HasMaxLength(Appeal.ReferenceMaxLength);
        builder.Property(a => a.ConsequentialOrders).HasMaxLength(Appeal.ConsequentialOrdersMaxLength);
        builder.Ignore(a => a.QuashesOrderIfAllowed);
        builder.HasOne<StalkingProtectionOrder>().WithMany().HasForeignKey(a => a.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.ApplicationId);
    }
}
