using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Web.Pages.Workspace.Orders.DischargeOrder;

/// <summary>The answers of a discharge by the court (SPA 2019 s.4, s.5(7)), kept until they are confirmed.</summary>
public sealed class DischargeAnswers : ChangeAnswers
{
    public DateOnly DecidedOn { get; set; }

    public DateOnly EffectiveOn { get; set; }

    public string Reason { get; set; } = "";

    public DateOnly? DefendantConsentedOn { get; set; }

    public ConsentMethod? DefendantConsentMethod { get; set; }

    public DateOnly? ChiefOfficerConsentedOn { get; set; }

    public ConsentMethod? ChiefOfficerConsentMethod { get; set; }

    public List<DischargeConsent> Consents()
    {
        var consents = new List<DischargeConsent>();
        if (DefendantConsentedOn is { } d && DefendantConsentMethod is { } dm)
        {
            consents.Add(new DischargeConsent(ConsentParty.Defendant, d, dm));
        }

        if (ChiefOfficerConsentedOn is { } c && ChiefOfficerConsentMethod is { } cm)
        {
            consents.Add(new DischargeConsent(ConsentParty.RelevantChiefOfficer, c, cm));
        }

        return consents;
    }
}

/// <summary>Discharge by the court (SPA 2019 s.4, s.5(7)); within 2 years of a full order only with both consents (R22).</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : ChangeQuestionPageModel<DischargeAnswers>(db, timeProvider, ApplicationType.Discharge)
{
    public const string Name = "discharge-order";

    [BindProperty]
    [Display(Name = "Who applied to discharge the order?")]
    public ApplicantParty? ApplicantParty { get; set; }

    [BindProperty]
    [Display(Name = "Chief officer's police force")]
    public PoliceForce? ApplicantForce { get; set; }

    [BindProperty]
    [Display(Name = "Date the court decided")]
    public DateOnly? DecidedOn { get; set; }

    [BindProperty]
    [Display(Name = "Date the discharge takes effect")]
    public DateOnly? EffectiveOn { get; set; }

    [BindProperty]
    [Display(Name = "Why did the court discharge the order?")]
    public string? Reason { get; set; }

    [BindProperty]
    [Display(Name = "Date the defendant consented")]
    public DateOnly? DefendantConsentedOn { get; set; }

    [BindProperty]
    [Display(Name = "How did the defendant consent?")]
    public ConsentMethod? DefendantConsentMethod { get; set; }

    [BindProperty]
    [Display(Name = "Date the relevant chief officer consented")]
    public DateOnly? ChiefOfficerConsentedOn { get; set; }

    [BindProperty]
    [Display(Name = "How did the chief officer consent?")]
    public ConsentMethod? ChiefOfficerConsentMethod { get; set; }

    public DateOnly EarliestWithoutConsent => StatutoryDates.EarliestDischargeWithoutConsent(Order.MadeOn);

    protected override string JourneyName => Name;

    protected override void Prefill() => (ApplicantParty, ApplicantForce) = ApplicantFromApplication();

    protected override void Validate()
    {
        ValidateApplicant(ApplicantParty, ApplicantForce);
        Require(DecidedOn is not null, nameof(DecidedOn), "Enter the date the court decided");
        Require(EffectiveOn is not null, nameof(EffectiveOn), "Enter the date the discharge takes effect");
        Require(!string.IsNullOrWhiteSpace(Reason), nameof(Reason), "Enter why the court discharged the order");
        MaxLength(Reason, Core.Auditing.AuditEntry.JustificationMaxLength, nameof(Reason), "The reason must be 2000 characters or fewer");
        Require(DefendantConsentedOn is null || DefendantConsentMethod is not null, nameof(DefendantConsentMethod), "Select how the defendant consented");
        Require(ChiefOfficerConsentedOn is null || ChiefOfficerConsentMethod is not null, nameof(ChiefOfficerConsentMethod), "Select how the chief officer consented");
        if (ModelState.IsValid)
        {
            // The rules Core applies on save (R22), asked here where the dates are given.
            var check = Order.CheckDischarge(EffectiveOn!.Value, AnswerChange().Consents())
                .HasHappened(DecidedOn <= Today, "decidedOn")
                .HasHappened(DefendantConsentedOn is null || DefendantConsentedOn <= Today, "defendantConsentedOn")
                .HasHappened(ChiefOfficerConsentedOn is null || ChiefOfficerConsentedOn <= Today, "chiefOfficerConsentedOn");
            ShowViolations(check);
        }
    }

    protected override DischargeAnswers AnswerChange() => new()
    {
        ApplicantParty = ApplicantParty,
        ApplicantForce = ApplicantForce,
        DecidedOn = DecidedOn ?? default,
        EffectiveOn = EffectiveOn ?? default,
        Reason = Reason?.Trim() ?? "",
        DefendantConsentedOn = DefendantConsentedOn,
        DefendantConsentMethod = DefendantConsentedOn is null ? null : DefendantConsentMethod,
        ChiefOfficerConsentedOn = ChiefOfficerConsentedOn,
        ChiefOfficerConsentMethod = ChiefOfficerConsentedOn is null ? null : ChiefOfficerConsentMethod,
    };

    protected override void Fill(DischargeAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        (ApplicantParty, ApplicantForce) = (answers.ApplicantParty, answers.ApplicantForce);
        DecidedOn = answers.DecidedOn;
        EffectiveOn = answers.EffectiveOn;
        Reason = answers.Reason;
        (DefendantConsentedOn, DefendantConsentMethod) = (answers.DefendantConsentedOn, answers.DefendantConsentMethod);
        (ChiefOfficerConsentedOn, ChiefOfficerConsentMethod) = (answers.ChiefOfficerConsentedOn, answers.ChiefOfficerConsentMethod);
    }

    protected override string FieldKey(string field) => field == "consents" ? nameof(DefendantConsentedOn) : base.FieldKey(field);
}
