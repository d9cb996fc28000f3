using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Cases;

/// <summary>
/// What recording the "consider an SPO" decision did (R39): the decision <see cref="SpoDecision.Record"/> made with its reasons and who
/// made it, and the case's latest decision as <see cref="StalkingCase.NoteSpoDecision"/> left it, so that the case leaves the list of
/// cases with no decision. A decision to apply leads to drafting the application (R1, R3); a decision not to apply is considered
/// again at the next decision point (R39). Pages and the API show the same words, from <see cref="Explain"/>.
/// </summary>
public sealed class SpoDecisionRecordedOutcome
{
    private SpoDecisionRecordedOutcome(SpoDecision decision, StalkingCase stalkingCase)
    {
        DecisionId = decision.Id;
        CaseId = decision.CaseId;
        Decision = decision.Decision;
        Rationale = decision.Rationale;
        DecidedBy = decision.DecidedBy;
        DecidedAt = decision.DecidedAt;
        DecidedOn = decision.DecidedOn;
        AuthorisingOfficer = decision.AuthorisingOfficer;
        LegalServicesReference = decision.LegalServicesReference;
        CaseLatestDecisionOn = stalkingCase.LatestSpoDecisionOn!.Value;
    }

    public Guid DecisionId { get; }

    public Guid CaseId { get; }

    public SpoDecisionOutcome Decision { get; }

    /// <summary>R39: the reasons, kept whichever way the decision went.</summary>
    public string Rationale { get; }

    public string DecidedBy { get; }

    public DateTimeOffset DecidedAt { get; }

    public DateOnly DecidedOn { get; }

    public string? AuthorisingOfficer { get; }

    public string? LegalServicesReference { get; }

    /// <summary>The case's latest decision once this one was noted on it.</summary>
    public DateOnly CaseLatestDecisionOn { get; }

    public const string RuleId = "R39";

    public const string LegalSource = "Malik [2023] EWHC 3213 (Admin)";

    internal static SpoDecisionRecordedOutcome Recorded(SpoDecision decision, StalkingCase stalkingCase) => new(decision, stalkingCase);

    /// <summary>The outcome in plain English, citing the rules and the case law.</summary>
    public string Explain()
    {
        var authorised = string.IsNullOrWhiteSpace(AuthorisingOfficer) ? "" : $", authorised by {AuthorisingOfficer}";
        var legal = string.IsNullOrWhiteSpace(LegalServicesReference) ? "" : $" (legal services reference {LegalServicesReference})";
        var decided = $"decided by {DecidedBy}{authorised} on {DateWords.Of(DecidedOn)}{legal}. The reasons are kept ({RuleId}, {LegalSource}).";
        return Decision == SpoDecisionOutcome.Apply
            ? $"SPO decision recorded: apply for a stalking protection order, {decided} Next, draft the application: it names the chief officer "
                + "applying (R1) and links the evidence to each of the three limbs of SPA 2019 s.1(1) before it is submitted (R3)."
            : $"SPO decision recorded: do not apply for a stalking protection order, {decided} Consider an order again, and record that decision "
                + $"with its reasons, at the next decision point, such as a new act, a charge or a change in risk ({RuleId}).";
    }
}
