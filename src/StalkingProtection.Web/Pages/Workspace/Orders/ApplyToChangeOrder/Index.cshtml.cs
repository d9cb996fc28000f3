using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Orders.ApplyToChangeOrder;

/// <summary>
/// An application to vary, renew or discharge the order (SPA 2019 s.4, s.5(7)), one question a page: what for, who applies (R20),
/// what changes and why (R21, with the R22 consent note for an early discharge), then check your answers. Nothing is saved before.
/// </summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider, ApplicationService applications) : OrderJourneyModel(db, timeProvider)
{
    public const int LastStep = 3;

    public static IReadOnlyList<SelectListItem> Types { get; } =
    [
        new("Vary the order: change its prohibitions or requirements", nameof(ApplicationType.Variation)),
        new("Renew the order: make it last longer", nameof(ApplicationType.Renewal)),
        new("Discharge the order: end it", nameof(ApplicationType.Discharge)),
    ];

    public static IReadOnlyList<SelectListItem> Parties { get; } =
    [
        new("A relevant chief officer of police", nameof(Core.Applications.ApplicantParty.ChiefOfficer)),
        new("The defendant (recorded on their behalf)", nameof(Core.Applications.ApplicantParty.Defendant)),
    ];

    /// <summary>Which question page is showing: 1 what for, 2 who applies, 3 what changes and why.</summary>
    [BindProperty]
    public int Step { get; set; } = 1;

    [BindProperty]
    [Display(Name = "What is the application for?")]
    public ApplicationType? Type { get; set; }

    [BindProperty]
    [Display(Name = "Who is applying?")]
    public ApplicantParty? ApplicantParty { get; set; }

    [BindProperty]
    [Display(Name = "Chief officer's police force")]
    public PoliceForce? ApplicantForce { get; set; }

    [BindProperty]
    [Display(Name = "What does the application ask the court to do?")]
    public string? ChangeSought { get; set; }

    [BindProperty]
    [Display(Name = "Does the variation add conditions or make any stricter?")]
    public YesNo? AddsOrTightens { get; set; }

    [BindProperty]
    [Display(Name = "Why is this necessary to protect a person from a risk associated with stalking?")]
    public string? NecessityRationale { get; set; }

    /// <summary>SPA 2019 s.4, s.5(7), R20: who may apply for this order today.</summary>
    public IReadOnlyCollection<PoliceForce> RelevantChiefOfficers { get; private set; } = [];

    public DateOnly EarliestDischargeWithoutConsent => StatutoryDates.EarliestDischargeWithoutConsent(Order.MadeOn);

    /// <summary>SPA 2019 s.4, R22: a full order discharged before the end of its first 2 years needs both consents.</summary>
    public bool EarlyDischarge => Type == ApplicationType.Discharge && Order.Kind == OrderKind.Full && Today < EarliestDischargeWithoutConsent;

    /// <summary>SPA 2019 s.4, R21.</summary>
    public bool NeedsNecessity => Type == ApplicationType.Renewal || (Type == ApplicationType.Variation && AddsOrTightens != YesNo.No);

    public static string ForceName(PoliceForce force) => Infrastructure.GovUk.DateInputNames.Humanise(force.ToString()) ?? force.ToString();

    protected override async Task<bool> LoadMoreAsync(CancellationToken ct)
    {
        var respondent = await Db.Respondents.AsNoTracking().SingleAsync(r => r.Id == Order.RespondentId, ct);
        RelevantChiefOfficers = RelevantChiefOfficer.For(Order, respondent, Today);
        if (string.Equals(Request.Query["handler"], "Change", StringComparison.OrdinalIgnoreCase))
        {
            Step = 1;
        }

        Step = Math.Clamp(Step, 1, LastStep);
        return true;
    }

    protected override void Prefill() => ApplicantForce = Order.ApplicantForce;

    /// <summary>Each question page carries the answers of the other two in hidden fields (Index.cshtml).</summary>
    public override bool CarriesHidden(string field, string? handler) => base.CarriesHidden(field, handler) || field switch
    {
        nameof(Type) => Step != 1,
        nameof(ApplicantParty) or nameof(ApplicantForce) => Step != 2,
        nameof(ChangeSought) or nameof(AddsOrTightens) or nameof(NecessityRationale) => Step != 3,
        _ => false,
    };

    protected override bool NextQuestion()
    {
        if (Step >= LastStep)
        {
            return false;
        }

        Step++;
        ModelState.Remove(nameof(Step));
        return true;
    }

    protected override void Validate()
    {
        Require(Type is not null, nameof(Type), "Select what the application is for");
        if (Type is { } type)
        {
            // SPA 2019 s.4, R23: refused here, before any other question, where the Act does not allow it.
            ShowViolations(Application.CheckChangeAllowed(Order, type, Today).Violations);
        }

        if (Step < 2 || !ModelState.IsValid)
        {
            return;
        }

        ApplicantInput.Validate(ApplicantParty, ApplicantForce, ModelState);
        if (ApplicantParty is { } party && (party == Core.Applications.ApplicantParty.Defendant || ApplicantForce is not null))
        {
            ShowViolations(RelevantChiefOfficer.Check(party, ApplicantForce, RelevantChiefOfficers, Order.Kind).Violations);
        }

        if (Step < 3 || !ModelState.IsValid)
        {
            return;
        }

        Require(!string.IsNullOrWhiteSpace(ChangeSought), nameof(ChangeSought), Type switch
        {
            ApplicationType.Variation => "Enter how the application asks the court to change the order",
            ApplicationType.Renewal => "Enter how long the application asks the court to renew the order for",
            _ => "Enter why the application asks the court to discharge the order",
        });
        MaxLength(ChangeSought, Application.NotesMaxLength, nameof(ChangeSought), $"What the application asks for must be {Application.NotesMaxLength} characters or fewer");
        if (Type == ApplicationType.Variation)
        {
            Require(AddsOrTightens is not null, nameof(AddsOrTightens), "Select whether the variation adds conditions or makes any stricter");
        }

        Require(!NeedsNecessity || !string.IsNullOrWhiteSpace(NecessityRationale), nameof(NecessityRationale),
            "Enter why this is necessary to protect a person from a risk associated with stalking (R21)");
        MaxLength(NecessityRationale, Application.NotesMaxLength, nameof(NecessityRationale), $"The reason must be {Application.NotesMaxLength} characters or fewer");
    }

    protected override async Task<IActionResult> SaveAsync(Override? @override, CancellationToken ct)
    {
        var id = await applications.CreateChangeAsync(new CreateChangeApplicationOptions(Id, Type!.Value, ApplicantParty!.Value,
            ApplicantParty == Core.Applications.ApplicantParty.ChiefOfficer ? ApplicantForce : null, Order.CourtName,
            NeedsNecessity || !string.IsNullOrWhiteSpace(NecessityRationale) ? NecessityRationale : null, ChangeSought,
            Type == ApplicationType.Variation ? AddsOrTightens == YesNo.Yes : null, Version), Actor, ct);
        TempData[Flash.Key] = $"{TypeText(Type.Value)} application drafted. Complete the tasks, then a coordinator authorises it before it is lodged.";
        return Redirect(ApplicationLinks.View(id));
    }

    public static string TypeText(ApplicationType type) => type switch
    {
        ApplicationType.Variation => "Variation",
        ApplicationType.Renewal => "Renewal",
        ApplicationType.Discharge => "Discharge",
        _ => type.ToString(),
    };

    private void ShowViolations(IEnumerable<RuleViolation> violations)
    {
        foreach (var v in violations)
        {
            ModelState.AddModelError(FieldKey(v.Field), RuleErrors.Describe(v.Message, v.RuleId, v.LegalSource));
        }
    }
}
