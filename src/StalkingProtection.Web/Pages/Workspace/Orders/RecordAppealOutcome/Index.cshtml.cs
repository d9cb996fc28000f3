using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordAppealOutcome;

/// <summary>The answers of the Crown Court's decision on an appeal (SPA 2019 s.7(4)), kept until they are confirmed.</summary>
public sealed class AppealOutcomeAnswers : OrderAnswers
{
    /// <summary>RL4: the appeal's version when the user opened the journey.</summary>
    public long AppealVersion { get; set; }

    public AppealOutcome Outcome { get; set; }

    public DateOnly DecidedOn { get; set; }

    public string? CrownCourtReference { get; set; }

    public string? ConsequentialOrders { get; set; }

    /// <summary>SPA 2019 s.7(4): what the outcome does to the order, in plain words.</summary>
    public string EffectOn(Appeal appeal)
    {
        ArgumentNullException.ThrowIfNull(appeal);
        return Outcome switch
        {
            AppealOutcome.Allowed when appeal.QuashesOrderIfAllowed => $"The order is quashed from {Display.Date(DecidedOn)}: it will show as quashed and no longer in force",
            AppealOutcome.Allowed => "The order stays as it is until you record what the Crown Court ordered: record a variation, renewal or discharge if it changed the order",
            _ => "The order is unchanged",
        };
    }
}

/// <summary>
/// The Crown Court's decision on an appeal (SPA 2019 s.7): outcome, date, reference and the orders it made under s.7(4). An appeal
/// allowed against the making of the order quashes it.
/// </summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : OrderQuestionPageModel<AppealOutcomeAnswers>(db, timeProvider)
{
    public const string Name = "record-appeal-outcome";

    public static IReadOnlyList<SelectListItem> Outcomes { get; } =
    [
        new("Allowed", nameof(AppealOutcome.Allowed)),
        new("Dismissed", nameof(AppealOutcome.Dismissed)),
        new("Abandoned by the appellant", nameof(AppealOutcome.Abandoned)),
    ];

    [BindProperty(SupportsGet = true)]
    public Guid AppealId { get; set; }

    /// <summary>RL4: the appeal's version when the user opened the page.</summary>
    [BindProperty]
    public long AppealVersion { get; set; }

    [BindProperty]
    [Display(Name = "What did the Crown Court decide?")]
    public AppealOutcome? Outcome { get; set; }

    [BindProperty]
    [Display(Name = "Date the appeal was decided")]
    public DateOnly? DecidedOn { get; set; }

    [BindProperty]
    [Display(Name = "Crown Court reference")]
    public string? CrownCourtReference { get; set; }

    [BindProperty]
    [Display(Name = "Orders the Crown Court made to give effect to its decision, and any incidental or consequential orders")]
    public string? ConsequentialOrders { get; set; }

    public Appeal Appeal { get; private set; } = null!;

    protected override string JourneyName => Name;

    /// <summary>The appeal of this order, or null when there is none by that id (the page answers 404).</summary>
    public static Task<Appeal?> AppealOfAsync(StalkingProtectionDbContext db, Guid orderId, Guid appealId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Appeals.AsNoTracking().SingleOrDefaultAsync(a => a.Id == appealId && a.OrderId == orderId, ct);
    }

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await base.LoadAsync(ct) || await AppealOfAsync(Db, Id, AppealId, ct) is not { } appeal)
        {
            return false;
        }

        Appeal = appeal;
        if (HttpMethods.IsGet(Request.Method))
        {
            AppealVersion = appeal.Version;
        }

        return true;
    }

    protected override void Validate()
    {
        Require(Outcome is not null, nameof(Outcome), "Select what the Crown Court decided");
        Require(DecidedOn is not null, nameof(DecidedOn), "Enter the date the appeal was decided");
        Require(Outcome == AppealOutcome.Abandoned || !string.IsNullOrWhiteSpace(CrownCourtReference), nameof(CrownCourtReference), "Enter the Crown Court reference");
        MaxLength(CrownCourtReference, Appeal.ReferenceMaxLength, nameof(CrownCourtReference), $"The Crown Court reference must be {Appeal.ReferenceMaxLength} characters or fewer");
        MaxLength(ConsequentialOrders, Appeal.ConsequentialOrdersMaxLength, nameof(ConsequentialOrders),
            $"The consequential orders must be {Appeal.ConsequentialOrdersMaxLength} characters or fewer");
        if (!ModelState.IsValid)
        {
            return;
        }

        // SPA 2019 s.7, R24: the rules Core applies on save (already decided, decided before the decision appealed or in the future),
        // asked here where the outcome and its date are given. Nothing is saved.
        try
        {
            Appeal.CheckDecision(Outcome!.Value, DecidedOn!.Value, CrownCourtReference, ConsequentialOrders, Today);
        }
        catch (RuleViolationException ex)
        {
            ShowRules(ex);
        }
    }

    protected override AppealOutcomeAnswers Answer() => new()
    {
        AppealVersion = AppealVersion,
        Outcome = Outcome!.Value,
        DecidedOn = DecidedOn!.Value,
        CrownCourtReference = string.IsNullOrWhiteSpace(CrownCourtReference) ? null : CrownCourtReference.Trim(),
        ConsequentialOrders = string.IsNullOrWhiteSpace(ConsequentialOrders) ? null : ConsequentialOrders.Trim(),
    };

    protected override void Fill(AppealOutcomeAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        AppealVersion = answers.AppealVersion;
        Outcome = answers.Outcome;
        DecidedOn = answers.DecidedOn;
        CrownCourtReference = answers.CrownCourtReference;
        ConsequentialOrders = answers.ConsequentialOrders;
    }

    protected override string CheckAnswersUrl(Guid journey) => OrderLinks.RecordCheckAnswers(Name, Id, AppealId, journey);
}
