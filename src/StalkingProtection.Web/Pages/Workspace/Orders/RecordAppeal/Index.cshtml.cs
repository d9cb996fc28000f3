using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordAppeal;

/// <summary>The answers of an appeal to the Crown Court (SPA 2019 s.7, R24), kept until they are confirmed.</summary>
public sealed class AppealAnswers : OrderAnswers
{
    public AppellantType Appellant { get; set; }

    public AppealableDecision Decision { get; set; }

    public DateOnly DecisionOn { get; set; }

    public DateOnly? NoticeServedOn { get; set; }

    public string Grounds { get; set; } = "";
}

/// <summary>An appeal to the Crown Court (SPA 2019 s.7): the s.7 matrix and a provisional 15-business-day deadline (R24).</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider, IOptions<LegalRuleSet> rules)
    : OrderQuestionPageModel<AppealAnswers>(db, timeProvider)
{
    public const string Name = "record-appeal";

    [BindProperty]
    [Display(Name = "Who is appealing?")]
    public AppellantType? Appellant { get; set; }

    [BindProperty]
    [Display(Name = "What decision is appealed?")]
    public AppealableDecision? Decision { get; set; }

    [BindProperty]
    [Display(Name = "Date of the decision")]
    public DateOnly? DecisionOn { get; set; }

    [BindProperty]
    [Display(Name = "Date the appeal notice was served")]
    public DateOnly? NoticeServedOn { get; set; }

    [BindProperty]
    [Display(Name = "Grounds of appeal")]
    public string? Grounds { get; set; }

    protected override string JourneyName => Name;

    /// <summary>R24: the provisional lodging deadline, 15 business days after the decision (CrimPR r.34.2).</summary>
    public static DateOnly Deadline(LegalRuleSet rules, DateOnly decisionOn)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.AppealLodgingDeadline(decisionOn, BankHolidayCalendar.EnglandAndWales);
    }

    protected override void Prefill()
    {
        DecisionOn = Order.MadeOn;
        Decision = Order.Kind == OrderKind.Interim ? AppealableDecision.MakingOfInterimOrder : AppealableDecision.MakingOfOrder;
    }

    protected override void Validate()
    {
        Require(Appellant is not null, nameof(Appellant), "Select who is appealing");
        Require(Decision is not null, nameof(Decision), "Select the decision appealed");
        Require(DecisionOn is not null, nameof(DecisionOn), "Enter the date of the decision");
        Require(!string.IsNullOrWhiteSpace(Grounds), nameof(Grounds), "Enter the grounds of appeal");
        MaxLength(Grounds, Appeal.GroundsMaxLength, nameof(Grounds), $"The grounds must be {Appeal.GroundsMaxLength} characters or fewer");
        Require(DecisionOn is not { } decided || decided <= Today, nameof(DecisionOn), RuleCheck.NotYetHappenedMessage);
        Require(NoticeServedOn is not { } served || served <= Today, nameof(NoticeServedOn), RuleCheck.NotYetHappenedMessage);
        if (!ModelState.IsValid)
        {
            return;
        }

        // SPA 2019 s.7(1)-(3), R24: the rules Core applies on save, asked here where the appellant and decision are given. Nothing is
        // saved; the "should" rule (notice served after the provisional deadline) is left for "check your answers", where a reason can be given.
        try
        {
            Appeal.Lodge(Id, null, Appellant!.Value, Decision!.Value, DecisionOn!.Value, Deadline(rules.Value, DecisionOn.Value), NoticeServedOn, Grounds!,
                new Override("Checked at the question", Actor), Now, out _);
        }
        catch (RuleViolationException ex)
        {
            ShowRules(ex);
        }
    }

    protected override AppealAnswers Answer() => new()
    {
        Appellant = Appellant!.Value,
        Decision = Decision!.Value,
        DecisionOn = DecisionOn!.Value,
        NoticeServedOn = NoticeServedOn,
        Grounds = Grounds!.Trim(),
    };

    protected override void Fill(AppealAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        Appellant = answers.Appellant;
        Decision = answers.Decision;
        DecisionOn = answers.DecisionOn;
        NoticeServedOn = answers.NoticeServedOn;
        Grounds = answers.Grounds;
    }

    protected override string FieldKey(string field) => field == "lodgingDeadline" ? nameof(DecisionOn) : base.FieldKey(field);
}
