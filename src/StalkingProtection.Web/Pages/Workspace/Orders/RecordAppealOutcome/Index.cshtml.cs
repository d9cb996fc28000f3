using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Journeys;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordAppealOutcome;

/// <summary>
/// The Crown Court's decision on an appeal (SPA 2019 s.7): outcome, date, reference and the orders it made under s.7(4). An appeal
/// allowed against the making of the order quashes it.
/// </summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider, AppealService appeals) : OrderJourneyModel(db, timeProvider)
{
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

    /// <summary>SPA 2019 s.7(4): what the outcome does to the order, in plain words.</summary>
    public string EffectOnOrder => Outcome switch
    {
        AppealOutcome.Allowed when Appeal.QuashesOrderIfAllowed => $"The order is quashed from {Display.Date(DecidedOn)}: it will show as quashed and no longer in force",
        AppealOutcome.Allowed => "The order stays as it is until you record what the Crown Court ordered: record a variation, renewal or discharge if it changed the order",
        _ => "The order is unchanged",
    };

    protected override async Task<bool> LoadMoreAsync(CancellationToken ct)
    {
        if (await Db.Appeals.AsNoTracking().SingleOrDefaultAsync(a => a.Id == AppealId && a.OrderId == Id, ct) is not { } appeal)
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
    }

    protected override async Task<IActionResult> SaveAsync(Override? @override, CancellationToken ct)
    {
        await appeals.DecideAsync(new DecideAppealOptions(AppealId, Outcome!.Value, DecidedOn!.Value, CrownCourtReference, AppealVersion, ConsequentialOrders), Actor, ct);
        return BackToOrder(Outcome == AppealOutcome.Allowed && Appeal.QuashesOrderIfAllowed
            ? $"Appeal allowed: the order is quashed from {Display.Date(DecidedOn)}. Update the PNC entry and tell the victim."
            : $"Appeal outcome recorded: {Outcome.Value.ToString().ToLowerInvariant()}.");
    }

    protected override void OnConflict()
    {
        base.OnConflict();
        AppealVersion = Appeal.Version;
        ModelState.Remove(nameof(AppealVersion));
    }
}
