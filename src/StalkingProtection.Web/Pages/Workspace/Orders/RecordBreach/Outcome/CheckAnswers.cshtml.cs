using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordBreach.Outcome;

/// <summary>Checks what followed the breach and records it (SPA 2019 s.8, R37, R41).</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, TimeProvider timeProvider, BreachService breaches, IOptions<LegalRuleSet> rules)
    : OrderCheckAnswersPageModel<BreachOutcomeAnswers>(db, timeProvider)
{
    [BindProperty(SupportsGet = true)]
    public Guid BreachId { get; set; }

    public Breach Breach { get; private set; } = null!;

    /// <summary>SPA 2019 s.8(2)–(3), R37: the summary maximum if convicted on the date given, or today.</summary>
    public int SummaryMaximumMonths => IndexModel.SummaryMaximumMonthsOf(rules.Value, Breach, Answers.ConvictedOn, Today);

    public override string QuestionUrl => OrderLinks.RecordJourney(IndexModel.Name, Id, BreachId);

    protected override string JourneyName => IndexModel.Name;

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await base.LoadAsync(ct) || await IndexModel.BreachOfAsync(Db, Id, BreachId, ct) is not { } breach)
        {
            return false;
        }

        Breach = breach;
        return true;
    }

    protected override async Task<IActionResult> SaveAsync(BreachOutcomeAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        static DateTimeOffset? At(DateOnly? d) => d is { } day ? LondonTime.ToUtc(day, new TimeOnly(12, 0)) : null;
        var updated = await breaches.UpdateAsync(new UpdateBreachOptions(BreachId, answers.CrimeReference, At(answers.ArrestedOn), At(answers.ChargedOn), null,
            answers.Outcome, answers.ConvictedOn, answers.Sentence, At(answers.VictimInformedOn), answers.BreachVersion), Actor, ct);
        return BackToOrder(updated.Explain());
    }

    protected override void OnConflict(BreachOutcomeAnswers answers)
    {
        base.OnConflict(answers);
        answers.BreachVersion = Breach.Version;
    }
}
