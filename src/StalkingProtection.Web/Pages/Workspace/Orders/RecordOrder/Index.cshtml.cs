using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordOrder;

/// <summary>The order as the court made it, kept until it is confirmed; the version is the application's when the user began (RL4).</summary>
public sealed class OrderMadeAnswers
{
    public long Version { get; set; }

    public string CourtName { get; set; } = "";

    public PoliceForce? CourtPoliceArea { get; set; }

    public DateOnly MadeOn { get; set; }

    public OrderOrigin Origin { get; set; }

    public DurationType DurationType { get; set; }

    public DateOnly? LastInForceDay { get; set; }

    public List<ConditionInput> Conditions { get; set; } = [];

    public bool NoIncompatibilityAttested { get; set; }

    public OrderTerms Terms(OrderKind kind) => new(kind, Origin, CourtName, CourtPoliceArea, MadeOn, DurationType,
        DurationType == DurationType.FixedPeriod ? LastInForceDay : null, Conditions.Select(c => c.ToDraft()).ToList());
}

/// <summary>Records an interim or full order as the court made it, on the application it granted.</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider, IOptions<LegalRuleSet> rules)
    : QuestionPageModel<OrderMadeAnswers>, IConditionEditor
{
    public const string Name = "record-order";

    [BindProperty(SupportsGet = true)]
    public Guid ApplicationId { get; set; }

    /// <summary>RL4: the application's version when the user began recording the order.</summary>
    [BindProperty]
    public long Version { get; set; }

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

    public GrantedApplication Granted { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> ProtectedPersonItems => Granted.ProtectedPersonItems;

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await GrantedApplication.LoadAsync(db, ApplicationId, HttpContext, timeProvider.UkToday, ct) is not { } granted)
        {
            return false;
        }

        Granted = granted;
        if (HttpMethods.IsGet(Request.Method))
        {
            Version = granted.Application.Version;
        }

        return true;
    }

    protected override void Prefill()
    {
        var application = Granted.Application;
        CourtName = application.CourtName;
        CourtPoliceArea = application.ApplicantForce;
        Origin = application.Venue == CourtVenue.YouthCourt ? OrderOrigin.PoliceApplicationYouthCourt : OrderOrigin.PoliceApplicationMagistrates;
        DurationType = Granted.Kind == OrderKind.Interim ? Core.Orders.DurationType.FixedPeriod : null;

        // The conditions the application proposed are the starting point; the court may have made different terms.
        if (application.ProposedConditions.Count > 0)
        {
            Conditions = application.ProposedConditions.Select(c => ConditionInput.From(c.ToDraft())).ToList();
            return;
        }

        var everyone = ProtectedPersonItems.Select(p => Guid.Parse(p.Value, CultureInfo.InvariantCulture)).ToList();
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
        var today = timeProvider.UkToday;
        Require(!string.IsNullOrWhiteSpace(CourtName), nameof(CourtName), "Enter the name of the court that made the order");
        MaxLength(CourtName, StalkingProtectionOrder.CourtNameMaxLength, nameof(CourtName), $"The court's name must be {StalkingProtectionOrder.CourtNameMaxLength} characters or fewer");
        Require(CourtPoliceArea is not null, nameof(CourtPoliceArea), "Select the police area where the court sits");
        Require(MadeOn is not null, nameof(MadeOn), "Enter the date the order was made");
        if (MadeOn > today)
        {
            ModelState.AddModelError(nameof(MadeOn), RuleCheck.NotYetHappenedMessage);
        }

        Require(Origin is not null, nameof(Origin), "Select where the order came from");
        Require(DurationType is not null, nameof(DurationType), "Select how long the order lasts");
        Require(DurationType != Core.Orders.DurationType.FixedPeriod || LastInForceDay is not null, nameof(LastInForceDay), "Enter the last day of the order");

        // The Act's duration rules, in the words of the question.
        if (Granted.Kind == OrderKind.Interim && DurationType == Core.Orders.DurationType.UntilFurtherOrder)
        {
            ModelState.AddModelError(nameof(DurationType), "An interim order lasts for a fixed period: choose a fixed period and enter its last day (SPA 2019 s.5(6)(a), R16)");
        }

        if (DurationType == Core.Orders.DurationType.FixedPeriod && MadeOn is { } made && LastInForceDay is { } last)
        {
            if (last < made)
            {
                ModelState.AddModelError(nameof(LastInForceDay), "The last day of the order must be on or after the day it was made");
            }
            else if (Granted.Kind == OrderKind.Full && last < StatutoryDates.MinimumLastDay(made))
            {
                ModelState.AddModelError(nameof(LastInForceDay),
                    $"A fixed period must last at least 2 years beginning with the day the order is made, so its last day is {Display.Date(StatutoryDates.MinimumLastDay(made))} or later (SPA 2019 s.3(2), R14)");
            }
        }

        ConditionInput.Validate(Conditions, ModelState);
        if (ModelState.IsValid)
        {
            // Every rule Core applies on save (R12–R16, R18, R43 and each condition's), asked here; "should" rules are shown on saving, to go ahead with a reason.
            var protectedPeople = ProtectedPersonItems.Select(p => Guid.Parse(p.Value, CultureInfo.InvariantCulture)).ToHashSet();
            var context = new OrderContext(null, Granted.ExistingConditions, NoIncompatibilityAttested, rules.Value.CourtMadeOrdersCommencement);
            var check = StalkingProtectionOrder.CheckTerms(Granted.Application, Capture().Terms(Granted.Kind), context, protectedPeople, today);
            foreach (var v in check.Violations)
            {
                ModelState.AddModelError(FieldKey(v.Field), RuleErrors.Describe(v.Message, v.RuleId, v.LegalSource));
            }
        }
    }

    // The application is the journey's address, not a question: a rule about it goes at the top.
    protected override string FieldKey(string field) => field == "applicationId" ? "" : base.FieldKey(field);

    protected override OrderMadeAnswers Capture() => new()
    {
        Version = Version,
        CourtName = CourtName!,
        CourtPoliceArea = CourtPoliceArea,
        MadeOn = MadeOn!.Value,
        Origin = Origin!.Value,
        DurationType = DurationType!.Value,
        LastInForceDay = DurationType == Core.Orders.DurationType.FixedPeriod ? LastInForceDay : null,
        Conditions = Conditions,
        NoIncompatibilityAttested = Granted.ExistingConditions.Count > 0 && NoIncompatibilityAttested,
    };

    protected override void Restore(OrderMadeAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        Version = answers.Version;
        CourtName = answers.CourtName;
        CourtPoliceArea = answers.CourtPoliceArea;
        MadeOn = answers.MadeOn;
        Origin = answers.Origin;
        DurationType = answers.DurationType;
        LastInForceDay = answers.LastInForceDay;
        Conditions = answers.Conditions;
        NoIncompatibilityAttested = answers.NoIncompatibilityAttested;
    }

    protected override string CheckAnswersUrl(Guid journey) => OrderLinks.CheckAnswers(Name, ApplicationId, journey);
}
