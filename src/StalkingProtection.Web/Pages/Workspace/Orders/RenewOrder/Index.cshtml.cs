using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RenewOrder;

/// <summary>Renewal by the court (SPA 2019 s.4): applied for while in force (R23), necessary (R21), still 2 years at least (R14).</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider, OrderService orders) : ChangeJourneyModel(db, timeProvider, ApplicationType.Renewal)
{
    [BindProperty]
    [Display(Name = "Who applied to renew the order?")]
    public ApplicantParty? ApplicantParty { get; set; }

    [BindProperty]
    [Display(Name = "Chief officer's police force")]
    public PoliceForce? ApplicantForce { get; set; }

    [BindProperty]
    [Display(Name = "Date the application was lodged")]
    public DateOnly? ApplicationLodgedOn { get; set; }

    [BindProperty]
    [Display(Name = "Date the court renewed the order")]
    public DateOnly? DecidedOn { get; set; }

    [BindProperty]
    [Display(Name = "How long does the renewed order last?")]
    public DurationType? DurationType { get; set; }

    [BindProperty]
    [Display(Name = "New last day")]
    public DateOnly? NewLastDay { get; set; }

    [BindProperty]
    [Display(Name = "Why is renewal necessary to protect a person from a risk associated with stalking?")]
    public string? NecessityRationale { get; set; }

    protected override void Prefill()
    {
        (ApplicantParty, ApplicantForce) = ApplicantFromApplication();
        if (ChangeApplication is { } a)
        {
            ApplicationLodgedOn = a.LodgedOn;
            NecessityRationale = a.NecessityRationale;
        }
    }

    protected override void Validate()
    {
        ApplicantInput.Validate(ApplicantParty, ApplicantForce, ModelState);
        Require(ApplicationLodgedOn is not null, nameof(ApplicationLodgedOn), "Enter the date the application was lodged");
        Require(DecidedOn is not null, nameof(DecidedOn), "Enter the date the court renewed the order");
        Require(DurationType is not null, nameof(DurationType), "Select how long the renewed order lasts");
        Require(DurationType != Core.Orders.DurationType.FixedPeriod || NewLastDay is not null, nameof(NewLastDay), "Enter the new last day");
        Require(!string.IsNullOrWhiteSpace(NecessityRationale), nameof(NecessityRationale), "Enter why renewal is necessary");
        MaxLength(NecessityRationale, StalkingProtectionOrder.NoteMaxLength, nameof(NecessityRationale), "The reason must be 2000 characters or fewer");
    }

    protected override async Task<IActionResult> SaveAsync(Override? @override, CancellationToken ct)
    {
        await orders.RenewAsync(new RenewOrderOptions(Id, ApplicantParty!.Value, ApplicantForce, ApplicationLodgedOn!.Value, DecidedOn!.Value, DurationType!.Value,
            DurationType == Core.Orders.DurationType.FixedPeriod ? NewLastDay : null, NecessityRationale!, ApplicationId, Version), Actor, ct);
        return BackToOrder("Order renewed. Update the PNC entry.");
    }
}
