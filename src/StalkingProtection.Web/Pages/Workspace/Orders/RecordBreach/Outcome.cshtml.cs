using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordBreach;

/// <summary>What followed a breach: arrest, charge, court outcome and sentence, with the maximum penalty advice (R37).</summary>
public class OutcomeModel(StalkingProtectionDbContext db, TimeProvider timeProvider, BreachService breaches, IOptions<LegalRuleSet> rules)
    : OrderJourneyModel(db, timeProvider)
{
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
    public int SummaryMaximumMonths => rules.Value.SummaryMaximumMonths(Breach.IncidentOn, ConvictedOn is { } c && c >= Breach.IncidentOn ? c : Today);

    protected override async Task<bool> LoadMoreAsync(CancellationToken ct)
    {
        if (await Db.Breaches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == BreachId && b.OrderId == Id, ct) is not { } breach)
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
    }

    protected override async Task<IActionResult> SaveAsync(Override? @override, CancellationToken ct)
    {
        static DateTimeOffset? At(DateOnly? d) => d is { } day ? LondonTime.ToUtc(day, new TimeOnly(12, 0)) : null;
        await breaches.UpdateAsync(new UpdateBreachOptions(BreachId, CrimeReference, At(ArrestedOn), At(ChargedOn), null, Outcome!.Value, ConvictedOn, Sentence,
            At(VictimInformedOn), BreachVersion), Actor, ct);
        return BackToOrder("Breach updated.");
    }

    protected override void OnConflict()
    {
        base.OnConflict();
        BreachVersion = Breach.Version;
        ModelState.Remove(nameof(BreachVersion));
    }
}
