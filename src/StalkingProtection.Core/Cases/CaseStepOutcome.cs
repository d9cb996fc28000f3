using StalkingProtection.Core.People;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Cases;

/// <summary>The step on a case's record that a command took.</summary>
public enum CaseStep
{
    Opened,
    RespondentAdded,
    VictimAdded,
    ActRecorded,
    ActAmended,
    FourAssessed,
    RiskAssessed,
    ReferralRecorded,
    ReferralOutcomeRecorded,
    RightToKnowDecided,
    OtherOrderRecorded,
}

/// <summary>
/// What a command on a case's record did: the record it made or changed and what the entity decided, such as the date a case
/// was reported, the role a protected person holds (SPA 2019 s.1(1)(c), R4), whether the FOUR check points to stalking, the
/// next risk review, or the way a Right to Know decision went (R39). The SPO decision answers with
/// <see cref="SpoDecisionRecordedOutcome"/>. Pages and the API show the same words, from <see cref="Explain"/>.
/// </summary>
public sealed class CaseStepOutcome
{
    private CaseStepOutcome(CaseStep step, Guid? caseId, Guid recordId)
    {
        Step = step;
        CaseId = caseId;
        RecordId = recordId;
    }

    public CaseStep Step { get; }

    /// <summary>The case; null for an order other than an SPO, which is recorded on the respondent.</summary>
    public Guid? CaseId { get; }

    /// <summary>The record made or changed: the case, respondent, victim, act, risk assessment, referral, Right to Know decision or other order.</summary>
    public Guid RecordId { get; }

    /// <summary>The day the record is about: the case reported, the act began, the referral, the decision or the other order made.</summary>
    public DateOnly? On { get; private init; }

    /// <summary>The name of the person added, or the team that holds a case opened.</summary>
    public string? Name { get; private init; }

    /// <summary>SPA 2019 s.1(1)(c), R4: a protected person need not be a victim of any act.</summary>
    public VictimRole? VictimRole { get; private init; }

    /// <summary>R5: the country the act happened in, recorded wherever it was.</summary>
    public string? Country { get; private init; }

    /// <summary>R6: how many of the categories of act associated with stalking the act was given.</summary>
    public int? CategoryCount { get; private init; }

    public FourAssessment? Four { get; private init; }

    public RiskLevel? RiskLevel { get; private init; }

    public RiskTool? RiskTool { get; private init; }

    /// <summary>The next risk review the assessment set, and the open risk-review tasks it met.</summary>
    public DateOnly? NextReviewOn { get; private init; }

    public int RiskReviewsCompleted { get; private init; }

    public ReferralForum? Forum { get; private init; }

    /// <summary>The referral's outcome, or the name of another forum or another kind of order.</summary>
    public string? Detail { get; private init; }

    public DisclosureDecision? Disclosure { get; private init; }

    public OtherOrderType? OtherOrderType { get; private init; }

    /// <summary>The day an order other than an SPO ends; null while it lasts until further order.</summary>
    public DateOnly? EndsOn { get; private init; }

    internal static CaseStepOutcome Opened(StalkingCase stalkingCase) =>
        new(CaseStep.Opened, stalkingCase.Id, stalkingCase.Id) { On = stalkingCase.ReportedOn, Name = stalkingCase.Team };

    internal static CaseStepOutcome RespondentAdded(Guid caseId, Respondent respondent, Person person) =>
        new(CaseStep.RespondentAdded, caseId, respondent.Id) { Name = NameOf(person) };

    internal static CaseStepOutcome VictimAdded(Victim victim, Person person) =>
        new(CaseStep.VictimAdded, victim.CaseId, victim.Id) { Name = NameOf(person), VictimRole = victim.Role };

    internal static CaseStepOutcome ActRecorded(StalkingAct act, bool amended) =>
        new(amended ? CaseStep.ActAmended : CaseStep.ActRecorded, act.CaseId, act.Id)
        {
            On = LondonTime.DateOf(act.OccurredFrom),
            Country = act.LocationCountry,
            CategoryCount = Enum.GetValues<ActCategory>().Count(c => c != ActCategory.None && act.Categories.HasFlag(c)),
        };

    internal static CaseStepOutcome FourAssessed(StalkingCase stalkingCase) =>
        new(CaseStep.FourAssessed, stalkingCase.Id, stalkingCase.Id) { Four = stalkingCase.Four };

    internal static CaseStepOutcome RiskAssessed(RiskAssessment assessment, int reviewsCompleted) =>
        new(CaseStep.RiskAssessed, assessment.CaseId, assessment.Id)
        {
            RiskTool = assessment.Tool,
            RiskLevel = assessment.Level,
            NextReviewOn = assessment.NextReviewOn,
            RiskReviewsCompleted = reviewsCompleted,
        };

    internal static CaseStepOutcome ReferralRecorded(MultiAgencyReferral referral) =>
        new(CaseStep.ReferralRecorded, referral.CaseId, referral.Id) { Forum = referral.Forum, Detail = referral.OtherForum, On = referral.ReferredOn };

    internal static CaseStepOutcome ReferralOutcomeRecorded(MultiAgencyReferral referral) =>
        new(CaseStep.ReferralOutcomeRecorded, referral.CaseId, referral.Id) { Forum = referral.Forum, Detail = referral.Outcome, On = referral.OutcomeOn };

    internal static CaseStepOutcome RightToKnowDecided(RightToKnowDisclosure disclosure) =>
        new(CaseStep.RightToKnowDecided, disclosure.CaseId, disclosure.Id) { Disclosure = disclosure.Decision, On = disclosure.DecidedOn };

    internal static CaseStepOutcome OtherOrderRecorded(RespondentOtherOrder order) =>
        new(CaseStep.OtherOrderRecorded, null, order.Id)
        {
            OtherOrderType = order.Type,
            Detail = order.OtherTypeDescription,
            On = order.MadeOn,
            EndsOn = order.UntilFurtherOrder ? null : order.EndsOn,
        };

    /// <summary>The outcome in plain English, citing the rule where one decides.</summary>
    public string Explain() => Step switch
    {
        CaseStep.Opened => $"Case opened: reported on {DateWords.Of(On!.Value)}, held by {Name}. Consider a stalking protection order from the start of the "
            + "investigation, and record the decision with its reasons (R39).",
        CaseStep.RespondentAdded => $"Respondent added: {Name} is the respondent on the case (the \"defendant\" of SPA 2019 s.1).",
        CaseStep.VictimAdded => $"Person added: {Name}, {Role(VictimRole!.Value)}."
            + (VictimRole == Cases.VictimRole.ProtectedPerson ? " A protected person need not be the victim of any act (SPA 2019 s.1(1)(c), R4)." : ""),
        CaseStep.ActRecorded or CaseStep.ActAmended => $"{(Step == CaseStep.ActAmended ? "Act changed" : "Act recorded")}: from {DateWords.Of(On!.Value)}, in {Country}, "
            + $"with {CategoryCount} {(CategoryCount == 1 ? "category" : "categories")} of act associated with stalking (SPA 2019 s.1(6), R5, R6).",
        CaseStep.FourAssessed => Four!.IndicatesStalking
            ? "FOUR check recorded: the behaviour is fixated, obsessive, unwanted and repeated, so think stalking first and consider a stalking protection order (R39)."
            : $"FOUR check recorded: not all four were found ({Missing(Four!)}). Record the decision on an order with its reasons all the same (R39).",
        CaseStep.RiskAssessed => $"Risk assessment recorded: {RiskTools.Name(RiskTool!.Value)} found the risk {RiskTools.LevelText(RiskLevel!.Value)}. "
            + $"The next review is due by {DateWords.Of(NextReviewOn!.Value)}."
            + (RiskReviewsCompleted > 0 ? " The open risk review task is done." : ""),
        CaseStep.ReferralRecorded => $"Referral recorded: to {ForumName()} on {DateWords.Of(On!.Value)}. The case is shared with that forum, so the record names it (DPA 2018 s.62).",
        CaseStep.ReferralOutcomeRecorded => $"Referral outcome recorded: {ForumName()} decided \"{Detail}\" on {DateWords.Of(On!.Value)}.",
        CaseStep.RightToKnowDecided => Disclosure == DisclosureDecision.Disclose
            ? $"Right to Know decision recorded on {DateWords.Of(On!.Value)}: disclose to the victim. The reasons are kept (R39) and the disclosure of the respondent's "
                + "personal data is logged (DPA 2018 s.62(1))."
            : $"Right to Know decision recorded on {DateWords.Of(On!.Value)}: do not disclose. The reasons are kept (R39).",
        _ => $"Other order recorded: {OtherOrderName()} made on {DateWords.Of(On!.Value)}, "
            + (EndsOn is { } ends ? $"ending on {DateWords.Of(ends)}." : "until further order."),
    };

    private static string NameOf(Person person) => $"{person.PrimaryName.GivenNames} {person.PrimaryName.FamilyName}".Trim();

    private static string Role(VictimRole role) => role switch
    {
        Cases.VictimRole.DirectVictim => "a direct victim",
        Cases.VictimRole.ProtectedPerson => "a protected person",
        _ => "a direct victim and a protected person",
    };

    private static string Missing(FourAssessment four) => string.Join(", ", new[]
    {
        four.Fixated ? null : "not fixated",
        four.Obsessive ? null : "not obsessive",
        four.Unwanted ? null : "not unwanted",
        four.Repeated ? null : "not repeated",
    }.Where(w => w is not null));

    private string ForumName() => Forum switch
    {
        ReferralForum.Marac => "MARAC",
        ReferralForum.Mappa => "MAPPA",
        ReferralForum.MasipStalkingClinic => "the MASIP stalking clinic",
        ReferralForum.StalkingThreatAssessmentCentre => "the Stalking Threat Assessment Centre",
        ReferralForum.ChildrensSafeguarding => "children's safeguarding",
        ReferralForum.AdultSafeguarding => "adult safeguarding",
        ReferralForum.YouthOffendingTeam => "the youth offending team",
        _ => string.IsNullOrWhiteSpace(Detail) || Step != CaseStep.ReferralRecorded ? "another forum" : Detail,
    };

    private string OtherOrderName() => OtherOrderType switch
    {
        People.OtherOrderType.RestrainingOrder => "a restraining order",
        People.OtherOrderType.NonMolestationOrder => "a non-molestation order",
        People.OtherOrderType.DomesticAbuseProtectionOrder => "a domestic abuse protection order",
        People.OtherOrderType.SexualHarmPreventionOrder => "a sexual harm prevention order",
        _ => string.IsNullOrWhiteSpace(Detail) ? "an order" : $"an order ({Detail})",
    };
}
