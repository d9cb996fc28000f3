using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordBreach.Outcome;

/// <summary>The answers of what followed a breach (SPA 2019 s.8, R37), kept until they are confirmed.</summary>
public sealed class BreachOutcomeAnswers : OrderAnswers
{
    /// <summary>RL4: the breach's version when the user opened the journey.</summary>
    public long BreachVersion { get; set; }

    public string? CrimeReference { get; set; }

    public DateOnly? ArrestedOn { get; set; }

    public DateOnly? ChargedOn { get; set; }

    public BreachOutcome Outcome { get; set; }

    public DateOnly? ConvictedOn { get; set; }

    public string? Sentence { get; set; }

    public DateOnly? VictimInformedOn { get; set; }
}

/// <summary>What followed a breach: arrest, charge, court outcome and sentence, with the maximum penalty advice (R37).</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider, IOptions<LegalRuleSet> rules)
    : OrderQuestionPageModel<BreachOutcomeAnswers>(db, timeProvider)
{
    public const string Name = "record-breach/outcome";

    [BindProperty(SupportsGet = true)]
    public Guid BreachId { get; set; }

    [BindProperty]
    public long BreachVersion { get; set; }

    [BindProperty]
    [Display(Name = "Crime reference")]
    public string? CrimeReference { get; set; }

    [BindProperty]
    [Display(Name = "Date of arrest")]
    public DateOnly? ArrestedOn { get; set; }

    [BindProperty]
    [Display(Name = "Date charged")]
    public DateOnly? ChargedOn { get; set; }

    [BindProperty]
    [Display(Name = "Outcome so far")]
    public BreachOutcome? Outcome { get; set; }

    [BindProperty]
    [Display(Name = "Date of conviction")]
    public DateOnly? ConvictedOn { get; set; }

    [BindProperty]
    [Display(Name = "Sentence")]
    public string? Sentence { get; set; }

    [BindProperty]
    [Display(Name = "Date the victim was told")]
    public DateOnly? VictimInformedOn { get; set; }

    public Breach Breach { get; private set; } = null!;

    /// <summary>SPA 2019 s.8(2)–(3), R37: the summary maximum if convicted on the date given, or today.</summary>
    public int SummaryMaximumMonths => SummaryMaximumMonthsOf(rules.Value, Breach, ConvictedOn, Today);

    protected override string JourneyName => Name;

    public static int SummaryMaximumMonthsOf(LegalRuleSet rules, Breach breach, DateOnly? convictedOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(breach);
        return rules.SummaryMaximumMonths(breach.IncidentOn, convictedOn is { } c && c >= breach.IncidentOn ? c : today);
    }

    /// <summary>The breach of this order, or null when there is none by that id (the page answers 404).</summary>
    public static Task<Breach?> BreachOfAsync(StalkingProtectionDbContext db, Guid orderId, Guid breachId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Breaches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == breachId && b.OrderId == orderId, ct);
    }

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await base.LoadAsync(ct) || await BreachOfAsync(Db, Id, BreachId, ct) is not { } breach)
        {
            return false;
        }

        Breach = breach;
        if (HttpMethods.IsGet(Request.Method))
        {
            BreachVersion = Breach.Version;
        }

        return true;
    }

    protected override void Prefill()
    {
        CrimeReference = Breach.CrimeReference;
        ArrestedOn = Breach.ArrestedAt is { } a ? LondonTime.DateOf(a) : null;
        ChargedOn = Breach.ChargedAt is { } c ? LondonTime.DateOf(c) : null;
        Outcome = Breach.Outcome;
        ConvictedOn = Breach.ConvictedOn;
        Sentence = Breach.Sentence;
        VictimInformedOn = Breach.VictimInformedAt is { } v ? LondonTime.DateOf(v) : null;
    }

    protected override void Validate()
    {
        Require(Outcome is not null, nameof(Outcome), "Select the outcome so far");
        Require(Outcome != BreachOutcome.Convicted || ConvictedOn is not null, nameof(ConvictedOn), "Enter the date of conviction");
        MaxLength(CrimeReference, Breach.ReferenceMaxLength, nameof(CrimeReference), $"The crime reference must be {Breach.ReferenceMaxLength} characters or fewer");
        MaxLength(Sentence, Breach.TextMaxLength, nameof(Sentence), $"The sentence must be {Breach.TextMaxLength} characters or fewer");

        // SPA 2019 s.8(2), R37, R41: what followed the breach happened on or after the day of the incident, and not in the future.
        AfterTheIncident(ArrestedOn, nameof(ArrestedOn), "The arrest", "SPA 2019 s.8");
        AfterTheIncident(ChargedOn, nameof(ChargedOn), "The charge", "SPA 2019 s.8");
        AfterTheIncident(ConvictedOn, nameof(ConvictedOn), "A conviction", "SPA 2019 s.8(2), R37");
        AfterTheIncident(VictimInformedOn, nameof(VictimInformedOn), "Telling the victim", "Victims' Code, R41");
    }

    private void AfterTheIncident(DateOnly? on, string key, string what, string source)
    {
        Require(on is not { } day || day >= Breach.IncidentOn, key, $"{what} cannot be before the incident on {Display.Date(Breach.IncidentOn)} ({source})");
        Require(on is not { } future || future <= Today, key, RuleCheck.NotYetHappenedMessage);
    }

    protected override BreachOutcomeAnswers Answer() => new()
    {
        BreachVersion = BreachVersion,
        CrimeReference = string.IsNullOrWhiteSpace(CrimeReference) ? null : CrimeReference.Trim(),
        ArrestedOn = ArrestedOn,
        ChargedOn = ChargedOn,
        Outcome = Outcome!.Value,
        ConvictedOn = ConvictedOn,
        Sentence = string.IsNullOrWhiteSpace(Sentence) ? null : Sentence.Trim(),
        VictimInformedOn = VictimInformedOn,
    };

    protected override void Fill(BreachOutcomeAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        BreachVersion = answers.BreachVersion;
        CrimeReference = answers.CrimeReference;
        ArrestedOn = answers.ArrestedOn;
        ChargedOn = answers.ChargedOn;
        Outcome = answers.Outcome;
        ConvictedOn = answers.ConvictedOn;
        Sentence = answers.Sentence;
        VictimInformedOn = answers.VictimInformedOn;
    }

    protected override string CheckAnswersUrl(Guid journey) => OrderLinks.RecordCheckAnswers(Name, Id, BreachId, journey);
}
