using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Hearings;

/// <summary>
/// What listing or adjourning a hearing did: when and where the application is heard, the application's status as
/// <see cref="Hearing.List"/> or <see cref="Hearing.Adjourn"/> left it, and the "prepare for the hearing" task raised or met. The
/// court's decision at a hearing answers with the application's own outcome. Pages and the API show the same words, from
/// <see cref="Explain"/>.
/// </summary>
public sealed class HearingRecordedOutcome
{
    private HearingRecordedOutcome(Hearing hearing)
    {
        HearingId = hearing.Id;
        ApplicationId = hearing.ApplicationId;
        Outcome = hearing.Outcome;
        ListedFor = hearing.ListedFor;
        CourtName = hearing.CourtName;
        AdjournmentReason = hearing.AdjournmentReason;
        NextHearingAt = hearing.NextHearingAt;
    }

    public Guid HearingId { get; }

    public Guid ApplicationId { get; }

    /// <summary>Pending once listed, Adjourned once adjourned.</summary>
    public HearingOutcome Outcome { get; }

    public DateTimeOffset ListedFor { get; }

    public string CourtName { get; }

    public string? AdjournmentReason { get; }

    public DateTimeOffset? NextHearingAt { get; }

    /// <summary>Listing: whom the task to prepare for the hearing was raised for.</summary>
    public string? PreparationTaskFor { get; private init; }

    internal static HearingRecordedOutcome Listed(Hearing hearing, string? preparationTaskFor) => new(hearing) { PreparationTaskFor = preparationTaskFor };

    internal static HearingRecordedOutcome Adjourned(Hearing hearing) => new(hearing);

    /// <summary>The outcome in plain English.</summary>
    public string Explain()
    {
        if (Outcome == HearingOutcome.Adjourned)
        {
            var next = NextHearingAt is { } at ? $" The next hearing is on {DateWords.At(at)}: add it when the court lists it." : " Add the next hearing when the court lists it.";
            return $"Hearing adjourned: the hearing at {CourtName} on {DateWords.At(ListedFor)} was adjourned ({AdjournmentReason}). "
                + $"The application is not yet determined.{next}";
        }

        var task = string.IsNullOrWhiteSpace(PreparationTaskFor) ? "" : $" A task to prepare for it was raised for {PreparationTaskFor}.";
        return $"Hearing added: the application is listed at {CourtName} on {DateWords.At(ListedFor)}.{task}";
    }
}
