using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Orders.ApplyToChangeOrder;

/// <summary>The answers of an application to vary, renew or discharge the order, kept until they are confirmed.</summary>
public sealed class ChangeApplicationAnswers : OrderAnswers
{
    public ApplicationType? Type { get; set; }

    public ApplicantParty? ApplicantParty { get; set; }

    public PoliceForce? ApplicantForce { get; set; }

    public string? ChangeSought { get; set; }

    public bool? AddsOrTightens { get; set; }

    public string? NecessityRationale { get; set; }

    /// <summary>SPA 2019 s.4, R21: a renewal, or a variation that adds or tightens conditions, must be necessary.</summary>
    public bool NeedsNecessity() => Type == ApplicationType.Renewal || (Type == ApplicationType.Variation && AddsOrTightens != false);

    /// <summary>Every question has been answered, so the answers can be checked.</summary>
    public bool Complete() => Type is not null && ApplicantParty is not null && !string.IsNullOrWhiteSpace(ChangeSought);
}

/// <summary>
/// One question page of the application to vary, renew or discharge (SPA 2019 s.4, s.5(7)): what for, who applies (R20), what
/// changes and why (R21). Each page keeps its answers with those of the pages before it; a later page opened without them
/// starts the journey again.
/// </summary>
public abstract class ApplyToChangeStep(StalkingProtectionDbContext db, TimeProvider timeProvider) : OrderQuestionPageModel<ChangeApplicationAnswers>(db, timeProvider)
{
    public const string Name = "apply-to-change-order";

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

    /// <summary>The answers given on the pages before this one.</summary>
    public ChangeApplicationAnswers Kept { get; private set; } = new();

    /// <summary>Where the back link goes: the page before, with the answers kept.</summary>
    public abstract string BackHref { get; }

    public DateOnly EarliestDischargeWithoutConsent => StatutoryDates.EarliestDischargeWithoutConsent(Order.MadeOn);

    /// <summary>SPA 2019 s.4, R22: a full order discharged before the end of its first 2 years needs both consents.</summary>
    public bool EarlyDischarge => IsEarlyDischarge(Kept, Order, Today);

    protected override string JourneyName => Name;

    /// <summary>False on the first page only: the others need the answers given before them.</summary>
    protected virtual bool NeedsEarlierAnswers => true;

    public static bool IsEarlyDischarge(ChangeApplicationAnswers answers, StalkingProtectionOrder order, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(order);
        return answers.Type == ApplicationType.Discharge && order.Kind == OrderKind.Full && today < StatutoryDates.EarliestDischargeWithoutConsent(order.MadeOn);
    }

    public static string TypeText(ApplicationType type) => type switch
    {
        ApplicationType.Variation => "Variation",
        ApplicationType.Renewal => "Renewal",
        ApplicationType.Discharge => "Discharge",
        _ => type.ToString(),
    };

    public static string ForceName(PoliceForce force) => PoliceForces.Name(force);

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (Journey is { } journey && JourneyState.Load<ChangeApplicationAnswers>(TempData, journey) is { } kept)
        {
            Kept = kept;
        }
        else if (NeedsEarlierAnswers)
        {
            // An order the user may not see stays "not found" (S4) rather than revealing the journey's first page.
            context.Result = await LoadAsync(HttpContext.RequestAborted) ? Redirect(OrderLinks.Journey(Name, Id)) : NotFound();
            return;
        }

        await next();
    }

    /// <summary>This page's answers over those kept from the other pages.</summary>
    protected override ChangeApplicationAnswers Answer()
    {
        Answer(Kept);
        return Kept;
    }

    protected abstract void Answer(ChangeApplicationAnswers answers);

    /// <summary>A page of this journey with the answers kept so far.</summary>
    protected string WithJourney(string url) => Journey is { } journey ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(url, "journey", journey.ToString()) : url;

    protected void ShowViolations(IEnumerable<RuleViolation> violations)
    {
        foreach (var v in violations)
        {
            ModelState.AddModelError(FieldKey(v.Field), RuleErrors.Describe(v.Message, v.RuleId, v.LegalSource));
        }
    }
}
