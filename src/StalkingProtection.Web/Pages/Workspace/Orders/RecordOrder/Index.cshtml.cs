using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordOrder;

/// <summary>Records an interim or full order as the court made it, on the application it granted.</summary>
public class IndexModel(StalkingProtectionDbContext db, OrderService orders, TimeProvider timeProvider, IOptions<LegalRuleSet> rules)
    : JourneyModel, IConditionEditor
{
    [BindProperty(SupportsGet = true)]
    public Guid ApplicationId { get; set; }

    [BindProperty]
    [Display(Name = "Court that made the order")]
    public string? CourtName { get; set; }

    [BindProperty]
    [Display(Name = "Police area where the court sits")]
    public PoliceForce? CourtPoliceArea { get; set; }

    [BindProperty]
    [Display(Name = "Date the order was made")]
    public DateOnly? MadeOn { get; set; }

    [BindProperty]
    [Display(Name = "Where did the order come from?")]
    public OrderOrigin? Origin { get; set; }

    [BindProperty]
    [Display(Name = "How long does the order last?")]
    public DurationType? DurationType { get; set; }

    [BindProperty]
    [Display(Name = "Last day of the order")]
    public DateOnly? LastInForceDay { get; set; }

    [BindProperty]
    public List<ConditionInput> Conditions { get; set; } = [];

    [BindProperty]
    public bool NoIncompatibilityAttested { get; set; }

    [BindProperty]
    public int? RemoveIndex { get; set; }

    public Application Application { get; private set; } = null!;

    public OrderKind Kind => Application.Type == ApplicationType.Interim ? OrderKind.Interim : OrderKind.Full;

    public string KindText => Kind == OrderKind.Interim ? "interim stalking protection order" : "stalking protection order";

    public IReadOnlyList<SelectListItem> ProtectedPersonItems { get; private set; } = [];

    /// <summary>R11: the conditions of the respondent's other orders in force today.</summary>
    public IReadOnlyList<Condition> ExistingConditions { get; private set; } = [];

    public string RespondentName { get; private set; } = "";

    public bool HasInterimInForce { get; private set; }

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == ApplicationId, ct);
        if (application is null || !application.IsForOrder)
        {
            return false;
        }

        var stalkingCase = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == application.CaseId, ct);
        if (!User.CanSee(stalkingCase))
        {
            return false;
        }

        Application = application;
        ProtectedPersonItems = await ConditionInput.ProtectedPersonItemsAsync(db, application.CaseId, ct);
        RespondentName = await OrderQueries.RespondentNameAsync(db, application.RespondentId, ct);
        RecordContext.ForCase(HttpContext, stalkingCase, RespondentName);
        var today = timeProvider.UkToday;
        var others = await db.Orders.AsNoTracking().Where(o => o.RespondentId == application.RespondentId && o.EndedOn == null).ToListAsync(ct);
        var mainId = application.MainApplicationId ?? application.Id;
        ExistingConditions = others.Where(o => o.IsInForceOn(today) && o.MainApplicationId != mainId).SelectMany(o => o.ConditionsInForceOn(today)).ToList();
        HasInterimInForce = others.Any(o => o.Kind == OrderKind.Interim && o.MainApplicationId == mainId && o.IsInForceOn(today));
        return true;
    }

    protected override void Prefill()
    {
        CourtName = Application.CourtName;
        CourtPoliceArea = Application.ApplicantForce;
        Origin = Application.Venue == CourtVenue.YouthCourt ? OrderOrigin.PoliceApplicationYouthCourt : OrderOrigin.PoliceApplicationMagistrates;
        DurationType = Kind == OrderKind.Interim ? Core.Orders.DurationType.FixedPeriod : null;
        var everyone = ProtectedPersonItems.Select(p => Guid.Parse(p.Value)).ToList();

        // The conditions the application proposed are the starting point; the court may have made different terms.
        if (Application.ProposedConditions.Count > 0)
        {
            Conditions = Application.ProposedConditions.Select(c => ConditionInput.From(c.ToDraft())).ToList();
            return;
        }

        Conditions = [new ConditionInput { Type = ConditionType.Prohibition, Scope = ConditionScope.AllUk, Duration = ConditionDuration.AsOrder, ProtectedPersonIds = everyone }];
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
        Require(!string.IsNullOrWhiteSpace(CourtName), nameof(CourtName), "Enter the name of the court that made the order");
        MaxLength(CourtName, StalkingProtectionOrder.CourtNameMaxLength, nameof(CourtName), $"The court's name must be {StalkingProtectionOrder.CourtNameMaxLength} characters or fewer");
        Require(CourtPoliceArea is not null, nameof(CourtPoliceArea), "Select the police area where the court sits");
        Require(MadeOn is not null, nameof(MadeOn), "Enter the date the order was made");
        if (MadeOn > timeProvider.UkToday)
        {
            ModelState.AddModelError(nameof(MadeOn), "The date the order was made must be today or in the past");
        }

        Require(Origin is not null, nameof(Origin), "Select where the order came from");
        Require(DurationType is not null, nameof(DurationType), "Select how long the order lasts");
        Require(DurationType != Core.Orders.DurationType.FixedPeriod || LastInForceDay is not null, nameof(LastInForceDay), "Enter the last day of the order");

        // The Act's duration rules, asked here rather than only when saving.
        if (Kind == OrderKind.Interim && DurationType == Core.Orders.DurationType.UntilFurtherOrder)
        {
            ModelState.AddModelError(nameof(DurationType), "An interim order lasts for a fixed period: choose a fixed period and enter its last day (SPA 2019 s.5(6)(a), R16)");
        }

        if (DurationType == Core.Orders.DurationType.FixedPeriod && MadeOn is { } made && LastInForceDay is { } last)
        {
            if (last < made)
            {
                ModelState.AddModelError(nameof(LastInForceDay), "The last day of the order must be on or after the day it was made");
            }
            else if (Kind == OrderKind.Full && last < StatutoryDates.MinimumLastDay(made))
            {
                ModelState.AddModelError(nameof(LastInForceDay),
                    $"A fixed period must last at least 2 years beginning with the day the order is made, so its last day is {Display.Date(StatutoryDates.MinimumLastDay(made))} or later (SPA 2019 s.3(2), R14)");
            }
        }
        ConditionInput.Validate(Conditions, ModelState);
    }

    protected override async Task<IActionResult> SaveAsync(Override? @override, CancellationToken ct)
    {
        var terms = new OrderTerms(Kind, Origin!.Value, CourtName!, CourtPoliceArea, MadeOn!.Value, DurationType!.Value,
            DurationType == Core.Orders.DurationType.FixedPeriod ? LastInForceDay : null, Conditions.Select(c => c.ToDraft()).ToList());
        var id = await orders.RecordOrderAsync(new RecordOrderOptions(Application.CaseId, Application.Id, terms, NoIncompatibilityAttested,
            rules.Value.CourtMadeOrdersCommencement, @override), Actor, ct);
        TempData[Flash.Key] = "Order recorded. Next, record when it was served on the respondent.";
        return Redirect(OrderLinks.View(id));
    }
}
