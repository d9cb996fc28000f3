using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;

namespace StalkingProtection.Web.Pages.Workspace.Orders.DischargeOrder;

/// <summary>Discharge by the court (SPA 2019 s.4, s.5(7)); within 2 years of a full order only with both consents (R22).</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider, OrderService orders) : ChangeJourneyModel(db, timeProvider, ApplicationType.Discharge)
{
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

    protected override void Prefill() => (ApplicantParty, ApplicantForce) = ApplicantFromApplication();

    protected override void Validate()
    {
        ApplicantInput.Validate(ApplicantParty, ApplicantForce, ModelState);
        Require(DecidedOn is not null, nameof(DecidedOn), "Enter the date the court decided");
        Require(EffectiveOn is not null, nameof(EffectiveOn), "Enter the date the discharge takes effect");
        Require(!string.IsNullOrWhiteSpace(Reason), nameof(Reason), "Enter why the court discharged the order");
        MaxLength(Reason, Core.Auditing.AuditEntry.JustificationMaxLength, nameof(Reason), "The reason must be 2000 characters or fewer");
        Require(DefendantConsentedOn is null || DefendantConsentMethod is not null, nameof(DefendantConsentMethod), "Select how the defendant consented");
        Require(ChiefOfficerConsentedOn is null || ChiefOfficerConsentMethod is not null, nameof(ChiefOfficerConsentMethod), "Select how the chief officer consented");
    }

    protected override async Task<IActionResult> SaveAsync(Override? @override, CancellationToken ct)
    {
        var consents = new List<DischargeConsent>();
        if (DefendantConsentedOn is { } d)
        {
            consents.Add(new DischargeConsent(ConsentParty.Defendant, d, DefendantConsentMethod!.Value));
        }

        if (ChiefOfficerConsentedOn is { } c)
        {
            consents.Add(new DischargeConsent(ConsentParty.RelevantChiefOfficer, c, ChiefOfficerConsentMethod!.Value));
        }

        await orders.DischargeAsync(new DischargeOrderOptions(Id, ApplicantParty!.Value, ApplicantForce, DecidedOn!.Value, EffectiveOn!.Value, consents, ApplicationId, Version, Reason!.Trim()), Actor, ct);
        return BackToOrder($"Order discharged from {Display.Date(EffectiveOn)}. Update the PNC entry and tell the victim.");
    }

    protected override string FieldKey(string field) => field == "consents" ? nameof(DefendantConsentedOn) : base.FieldKey(field);
}
