using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Web.Infrastructure.Journeys;

namespace StalkingProtection.Web.Pages.Workspace.Orders.VaryOrder;

/// <summary>The answers of a variation by the court (SPA 2019 s.4, s.5(7)), kept until they are confirmed.</summary>
public sealed class VariationAnswers : ChangeAnswers
{
    public DateOnly DecidedOn { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public bool AddsOrTightens { get; set; }

    public string NecessityRationale { get; set; } = "";

    public List<ConditionInput> Conditions { get; set; } = [];
}

/// <summary>Variation by the court (SPA 2019 s.4, s.5(7)): a new version of the terms from a given day (R20, R21).</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider)
    : ChangeQuestionPageModel<VariationAnswers>(db, timeProvider, ApplicationType.Variation), IConditionEditor
{
    public const string Name = "vary-order";

    [BindProperty]
    [Display(Name = "Who applied to vary the order?")]
    public ApplicantParty? ApplicantParty { get; set; }

    [BindProperty]
    [Display(Name = "Chief officer's police force")]
    public PoliceForce? ApplicantForce { get; set; }

    [BindProperty]
    [Display(Name = "Date the court decided")]
    public DateOnly? DecidedOn { get; set; }

    [BindProperty]
    [Display(Name = "Date the new terms take effect")]
    public DateOnly? EffectiveFrom { get; set; }

    [BindProperty]
    [Display(Name = "Does the variation add conditions or make any stricter?")]
    public YesNo? AddsOrTightens { get; set; }

    [BindProperty]
    [Display(Name = "Reason for the variation")]
    public string? NecessityRationale { get; set; }

    [BindProperty]
    public List<ConditionInput> Conditions { get; set; } = [];

    [BindProperty]
    public int? RemoveIndex { get; set; }

    public IReadOnlyList<SelectListItem> ProtectedPersonItems { get; private set; } = [];

    protected override string JourneyName => Name;

    protected override async Task<bool> LoadJourneyAsync(CancellationToken ct)
    {
        ProtectedPersonItems = await ConditionInput.ProtectedPersonItemsAsync(Db, Order.CaseId, ct);
        return true;
    }

    // The court varies the terms in force, so the journey starts from them.
    protected override void Prefill()
    {
        Conditions = Order.CurrentConditionSet.Conditions.OrderBy(c => c.Sequence).Select(ConditionInput.From).ToList();
        (ApplicantParty, ApplicantForce) = ApplicantFromApplication();
        if (ChangeApplication is { } a)
        {
            NecessityRationale = a.NecessityRationale;
            AddsOrTightens = a.AddsOrTightens is { } tightens ? (tightens ? YesNo.Yes : YesNo.No) : null;
        }
    }

    public async Task<IActionResult> OnPostAddConditionAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Conditions.Add(new ConditionInput { Scope = ConditionScope.AllUk, Duration = ConditionDuration.AsOrder });
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveConditionAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (RemoveIndex is { } i && i >= 0 && i < Conditions.Count && Conditions.Count > 1)
        {
            Conditions.RemoveAt(i);
            ModelState.Clear();
        }

        return Page();
    }

    protected override void Validate()
    {
        ValidateApplicant(ApplicantParty, ApplicantForce);
        Require(DecidedOn is not null, nameof(DecidedOn), "Enter the date the court decided");
        Require(EffectiveFrom is not null, nameof(EffectiveFrom), "Enter the date the new terms take effect");
        Require(AddsOrTightens is not null, nameof(AddsOrTightens), "Select whether the variation adds conditions or makes any stricter");
        Require(!string.IsNullOrWhiteSpace(NecessityRationale), nameof(NecessityRationale), "Enter the reason for the variation");
        MaxLength(NecessityRationale, OrderChange.RationaleMaxLength, nameof(NecessityRationale), $"The reason must be {OrderChange.RationaleMaxLength} characters or fewer");
        ConditionInput.Validate(Conditions, ModelState);
        if (ModelState.IsValid)
        {
            // The rules Core applies on save (R12, R21 and each condition's), asked here; "should" rules are shown on saving, to go ahead with a reason.
            var protectedPeople = ProtectedPersonItems.Select(i => Guid.Parse(i.Value, CultureInfo.InvariantCulture)).ToHashSet();
            var check = Order.CheckVariation(Conditions.Select(c => c.ToDraft()).ToList(), EffectiveFrom!.Value, AddsOrTightens == YesNo.Yes, NecessityRationale, protectedPeople)
                .HasHappened(DecidedOn <= Today, "decidedOn");
            ShowViolations(check);
        }
    }

    protected override VariationAnswers AnswerChange() => new()
    {
        ApplicantParty = ApplicantParty,
        ApplicantForce = ApplicantForce,
        DecidedOn = DecidedOn!.Value,
        EffectiveFrom = EffectiveFrom!.Value,
        AddsOrTightens = AddsOrTightens == YesNo.Yes,
        NecessityRationale = NecessityRationale!,
        Conditions = Conditions,
    };

    protected override void Fill(VariationAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        (ApplicantParty, ApplicantForce) = (answers.ApplicantParty, answers.ApplicantForce);
        DecidedOn = answers.DecidedOn;
        EffectiveFrom = answers.EffectiveFrom;
        AddsOrTightens = answers.AddsOrTightens ? YesNo.Yes : YesNo.No;
        NecessityRationale = answers.NecessityRationale;
        Conditions = answers.Conditions;
    }
}
