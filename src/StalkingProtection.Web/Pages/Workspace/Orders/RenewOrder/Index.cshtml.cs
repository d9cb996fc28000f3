using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RenewOrder;

/// <summary>The answers of a renewal by the court (SPA 2019 s.4), kept until they are confirmed.</summary>
public sealed class RenewalAnswers : ChangeAnswers
{
    public DateOnly ApplicationLodgedOn { get; set; }

    public DateOnly DecidedOn { get; set; }

    public DurationType DurationType { get; set; }

    public DateOnly? NewLastDay { get; set; }

    public string NecessityRationale { get; set; } = "";
}

/// <summary>Renewal by the court (SPA 2019 s.4): applied for while in force (R23), necessary (R21), still 2 years at least (R14).</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : ChangeQuestionPageModel<RenewalAnswers>(db, timeProvider, ApplicationType.Renewal)
{
    public const string Name = "renew-order";

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

    protected override string JourneyName => Name;

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
        ValidateApplicant(ApplicantParty, ApplicantForce);
        Require(ApplicationLodgedOn is not null, nameof(ApplicationLodgedOn), "Enter the date the application was lodged");
        Require(DecidedOn is not null, nameof(DecidedOn), "Enter the date the court renewed the order");
        Require(DurationType is not null, nameof(DurationType), "Select how long the renewed order lasts");
        Require(DurationType != Core.Orders.DurationType.FixedPeriod || NewLastDay is not null, nameof(NewLastDay), "Enter the new last day");
        Require(!string.IsNullOrWhiteSpace(NecessityRationale), nameof(NecessityRationale), "Enter why renewal is necessary");
        MaxLength(NecessityRationale, StalkingProtectionOrder.NoteMaxLength, nameof(NecessityRationale), "The reason must be 2000 characters or fewer");
        if (ModelState.IsValid)
        {
            // The rules Core applies on save (R13, R14, R16, R21, R23), asked here where the dates are given.
            var check = Order.CheckRenewal(DurationType!.Value, NewLastDay, ApplicationLodgedOn!.Value, NecessityRationale, DecidedOn!.Value);
            check.HasHappened(ApplicationLodgedOn <= Today, "applicationLodgedOn").HasHappened(DecidedOn <= Today, "decidedOn")
                .Must(DecidedOn >= ApplicationLodgedOn, "Input", "decidedOn", "The court cannot decide before the application was lodged", "");
            ShowViolations(check);
        }
    }

    protected override RenewalAnswers AnswerChange() => new()
    {
        ApplicantParty = ApplicantParty,
        ApplicantForce = ApplicantForce,
        ApplicationLodgedOn = ApplicationLodgedOn!.Value,
        DecidedOn = DecidedOn!.Value,
        DurationType = DurationType!.Value,
        NewLastDay = DurationType == Core.Orders.DurationType.FixedPeriod ? NewLastDay : null,
        NecessityRationale = NecessityRationale!,
    };

    protected override void Fill(RenewalAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        (ApplicantParty, ApplicantForce) = (answers.ApplicantParty, answers.ApplicantForce);
        ApplicationLodgedOn = answers.ApplicationLodgedOn;
        DecidedOn = answers.DecidedOn;
        DurationType = answers.DurationType;
        NewLastDay = answers.NewLastDay;
        NecessityRationale = answers.NecessityRationale;
    }
}
