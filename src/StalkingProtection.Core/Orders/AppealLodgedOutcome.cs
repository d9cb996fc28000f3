using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Orders;

/// <summary>
/// What lodging an appeal to the Crown Court did (SPA 2019 s.7, R24): who appeals against which decision, the provisional lodging
/// deadline and whether notice was served after it, what becomes of the order while the appeal is pending, and whether it met a
/// "consider appealing" task. Made from the appeal <see cref="Appeal.Lodge"/> created; pages and the API show the same words, from
/// <see cref="Explain"/>.
/// </summary>
public sealed class AppealLodgedOutcome
{
    private AppealLodgedOutcome(Appeal appeal, bool considerAppealTaskCompleted)
    {
        AppealId = appeal.Id;
        OrderId = appeal.OrderId;
        ApplicationId = appeal.ApplicationId;
        Appellant = appeal.Appellant;
        Decision = appeal.Decision;
        DecisionOn = appeal.DecisionOn;
        LodgingDeadline = appeal.LodgingDeadline;
        NoticeServedOn = appeal.NoticeServedOn;
        LodgedLate = appeal.LodgedLate;
        QuashesOrderIfAllowed = appeal.QuashesOrderIfAllowed;
        ConsiderAppealTaskCompleted = considerAppealTaskCompleted;
    }

    public Guid AppealId { get; }

    public Guid? OrderId { get; }

    public Guid? ApplicationId { get; }

    public AppellantType Appellant { get; }

    public AppealableDecision Decision { get; }

    public DateOnly DecisionOn { get; }

    /// <summary>R24: 15 business days after the decision (CrimPR r.34.2).</summary>
    public DateOnly LodgingDeadline { get; }

    public DateOnly? NoticeServedOn { get; }

    public bool LodgedLate { get; }

    /// <summary>SPA 2019 s.7(4): the appeal is against the making of an order, which is quashed if the appeal is allowed.</summary>
    public bool QuashesOrderIfAllowed { get; }

    /// <summary>SPA 2019 s.7, R24: the appeal met the "consider appealing" task raised when the application was refused.</summary>
    public bool ConsiderAppealTaskCompleted { get; }

    public const string RuleId = "R24";

    /// <summary>The subsection of s.7 that lets this appellant appeal against this decision.</summary>
    public string LegalSource => Decision switch
    {
        AppealableDecision.MakingOfOrder => "SPA 2019 s.7(1)(a)",
        AppealableDecision.MakingOfInterimOrder => "SPA 2019 s.7(1)(b)",
        AppealableDecision.MakingOfS4OrderOnChiefOfficerApplication => "SPA 2019 s.7(1)(c)",
        AppealableDecision.RefusalOfS4OrderOnDefendantApplication => "SPA 2019 s.7(1)(d)",
        AppealableDecision.RefusalOfOrder => "SPA 2019 s.7(2)(a)",
        AppealableDecision.RefusalOfInterimOrder => "SPA 2019 s.7(2)(b)",
        AppealableDecision.RefusalOfS4OrderOnChiefOfficerApplication => "SPA 2019 s.7(2)(c)",
        _ => "SPA 2019 s.7(3)",
    };

    internal static AppealLodgedOutcome Lodged(Appeal appeal, int considerAppealTasksCompleted) => new(appeal, considerAppealTasksCompleted > 0);

    /// <summary>The outcome in plain English, citing the Act, the procedure rule and the rule.</summary>
    public string Explain()
    {
        var words = $"Appeal to the Crown Court lodged by the {Who(Appellant)} against {What(Decision)} on {DateWords.Of(DecisionOn)} ({LegalSource}, {RuleId}). "
            + $"The provisional lodging deadline is {DateWords.Of(LodgingDeadline)} (15 business days, CrimPR r.34.2, {RuleId})";
        words += NoticeServedOn switch
        {
            { } served when LodgedLate => $"; the appeal notice was served on {DateWords.Of(served)}, after it.",
            { } served => $"; the appeal notice was served on {DateWords.Of(served)}, in time.",
            _ => ".",
        };
        words += QuashesOrderIfAllowed
            ? " Lodging the appeal does not suspend the order: it stays in force until the Crown Court decides, and is quashed if the appeal is allowed (SPA 2019 s.7(4))."
            : " Lodging the appeal changes no order meanwhile: if the appeal is allowed, the Crown Court makes the orders needed to give effect to its decision (SPA 2019 s.7(4)).";
        if (ConsiderAppealTaskCompleted)
        {
            words += " The task to consider appealing is done.";
        }

        return words;
    }

    private static string Who(AppellantType appellant) => appellant switch
    {
        AppellantType.Defendant => "defendant",
        AppellantType.ApplicantChiefOfficer => "chief officer who applied",
        _ => "relevant chief officer",
    };

    private static string What(AppealableDecision decision) => decision switch
    {
        AppealableDecision.MakingOfOrder => "the making of the order",
        AppealableDecision.MakingOfInterimOrder => "the making of the interim order",
        AppealableDecision.MakingOfS4OrderOnChiefOfficerApplication => "the variation, renewal or discharge made on the chief officer's application",
        AppealableDecision.RefusalOfS4OrderOnDefendantApplication => "the refusal of the defendant's application to vary, renew or discharge the order",
        AppealableDecision.RefusalOfOrder => "the refusal to make an order",
        AppealableDecision.RefusalOfInterimOrder => "the refusal to make an interim order",
        AppealableDecision.RefusalOfS4OrderOnChiefOfficerApplication => "the refusal of the chief officer's application to vary, renew or discharge the order",
        _ => "the variation, renewal or discharge made on the defendant's application",
    };
}
