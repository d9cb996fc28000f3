using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Reviews;

/// <summary>The step in managing an order or a victim's contact that a command took.</summary>
public enum ReviewStep
{
    ReviewRecorded,
    PlanCreated,
    PlanRevised,
    VictimContactRecorded,
    TaskCompleted,
}

/// <summary>
/// What recording a management review, creating or revising the management plan (R42), recording contact with a victim (R41) or
/// completing a task did: the record made and what it decided, above all the next review date the review or plan set and whom the
/// "review the order's management" task is for. Pages and the API show the same words, from <see cref="Explain"/>.
/// </summary>
public sealed class ReviewStepOutcome
{
    private ReviewStepOutcome(ReviewStep step, Guid recordId, Guid? orderId)
    {
        Step = step;
        RecordId = recordId;
        OrderId = orderId;
    }

    public ReviewStep Step { get; }

    /// <summary>The review, the plan, the victim contact event or the task.</summary>
    public Guid RecordId { get; }

    public Guid? OrderId { get; }

    /// <summary>R42: the next review the review or the plan set, given to the review task.</summary>
    public DateOnly? NextReviewOn { get; private init; }

    /// <summary>R42: the lead officer the next review task is for.</summary>
    public string? LeadOfficer { get; private init; }

    /// <summary>R42: whether the review checked the order's entry on the Police National Computer.</summary>
    public bool? PncEntryChecked { get; private init; }

    /// <summary>The plan's version number after the command: 1 once created.</summary>
    public int? PlanVersion { get; private init; }

    public VictimContactEventType? ContactEvent { get; private init; }

    public ContactChannel? ContactChannel { get; private init; }

    /// <summary>R41: when the victim was consulted or told.</summary>
    public DateTimeOffset? OccurredAt { get; private init; }

    /// <summary>The task completed: its title as the task list shows it.</summary>
    public string? TaskTitle { get; private init; }

    public DateTimeOffset? CompletedAt { get; private init; }

    internal static ReviewStepOutcome ReviewRecorded(ManagementReview review) =>
        new(ReviewStep.ReviewRecorded, review.Id, review.OrderId)
        {
            NextReviewOn = review.NextReviewDue,
            LeadOfficer = review.LeadOfficer,
            PncEntryChecked = review.PncEntryChecked,
        };

    internal static ReviewStepOutcome PlanChanged(ManagementPlan plan, ManagementPlanRevision revision) =>
        new(revision.Number == 1 ? ReviewStep.PlanCreated : ReviewStep.PlanRevised, plan.Id, plan.OrderId)
        {
            NextReviewOn = revision.NextReviewOn,
            LeadOfficer = revision.LeadOfficer,
            PlanVersion = revision.Number,
        };

    internal static ReviewStepOutcome VictimContactRecorded(VictimContactEvent contact) =>
        new(ReviewStep.VictimContactRecorded, contact.Id, contact.OrderId)
        {
            ContactEvent = contact.EventType,
            ContactChannel = contact.Channel,
            OccurredAt = contact.OccurredAt,
        };

    internal static ReviewStepOutcome TaskCompleted(StaffTask task) =>
        new(ReviewStep.TaskCompleted, task.Id, task.OrderId) { TaskTitle = task.Title, CompletedAt = task.CompletedAt };

    /// <summary>The outcome in plain English, citing the rule.</summary>
    public string Explain()
    {
        var next = $"The next review is due by {DateWords.Of(NextReviewOn.GetValueOrDefault())}: a task to review the order's management was raised for {LeadOfficer} (R42).";
        return Step switch
        {
            ReviewStep.ReviewRecorded => $"Review recorded{(PncEntryChecked == true ? ", with the order's PNC entry checked" : ", without checking the order's PNC entry")}. {next}",
            ReviewStep.PlanCreated => $"Management plan created (version 1), with {LeadOfficer} as lead officer. {next}",
            ReviewStep.PlanRevised => $"Management plan revised (version {PlanVersion}); the earlier versions are kept. {next}",
            ReviewStep.VictimContactRecorded => $"Contact recorded: {Describe(ContactEvent!.Value)}, {Channel(ContactChannel!.Value)}, on {DateWords.At(OccurredAt!.Value)} (R41).",
            _ => $"Task marked as done: {TaskTitle}.",
        };
    }

    private static string Describe(VictimContactEventType type) => type switch
    {
        VictimContactEventType.ViewsSought => "the victim's views were sought",
        VictimContactEventType.ApplicationDecision => "the victim was told of the decision on the application",
        VictimContactEventType.HearingOutcome => "the victim was told of the hearing's outcome",
        VictimContactEventType.Service => "the victim was told the order was served",
        VictimContactEventType.Breach => "the victim was told of a breach",
        VictimContactEventType.Variation => "the victim was told of a variation",
        VictimContactEventType.Discharge => "the victim was told of the discharge",
        VictimContactEventType.Expiry => "the victim was told the order has expired",
        _ => "the victim was contacted",
    };

    private static string Channel(ContactChannel channel) => channel switch
    {
        Reviews.ContactChannel.InPerson => "in person",
        Reviews.ContactChannel.Phone => "by phone",
        Reviews.ContactChannel.Email => "by email",
        Reviews.ContactChannel.Letter => "by letter",
        _ => "through their advocate",
    };
}
