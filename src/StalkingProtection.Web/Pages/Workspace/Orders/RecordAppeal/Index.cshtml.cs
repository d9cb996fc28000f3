using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordAppeal;

/// <summary>An appeal to the Crown Court (SPA 2019 s.7): the s.7 matrix and a provisional 15-business-day deadline (R24).</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider, AppealService appeals, IOptions<LegalRuleSet> rules)
    : OrderJourneyModel(db, timeProvider)
{
    [BindProperty]
    [Display(Name = "Who is appealing?")]
    public AppellantType? Appellant { get; set; }

    [BindProperty]
    [Display(Name = "What decision is appealed?")]
    public AppealableDecision? Decision { get; set; }

    [BindProperty]
    [Display(Name = "Date of the decision")]
    public DateOnly? DecisionOn { get; set; }

    [BindProperty]
    [Display(Name = "Date the appeal notice was served")]
    public DateOnly? NoticeServedOn { get; set; }

    [BindProperty]
    [Display(Name = "Grounds of appeal")]
    public string? Grounds { get; set; }

    public DateOnly? Deadline => DecisionOn is { } d ? rules.Value.AppealLodgingDeadline(d, BankHolidayCalendar.EnglandAndWales) : null;

    protected override void Prefill()
    {
        DecisionOn = Order.MadeOn;
        Decision = Order.Kind == OrderKind.Interim ? AppealableDecision.MakingOfInterimOrder : AppealableDecision.MakingOfOrder;
    }

    protected override void Validate()
    {
        Require(Appellant is not null, nameof(Appellant), "Select who is appealing");
        Require(Decision is not null, nameof(Decision), "Select the decision appealed");
        Require(DecisionOn is not null, nameof(DecisionOn), "Enter the date of the decision");
        Require(!string.IsNullOrWhiteSpace(Grounds), nameof(Grounds), "Enter the grounds of appeal");
        MaxLength(Grounds, Appeal.GroundsMaxLength, nameof(Grounds), $"The grounds must be {Appeal.GroundsMaxLength} characters or fewer");
    }

    protected override async Task<IActionResult> SaveAsync(Override? @override, CancellationToken ct)
    {
        await appeals.LodgeAsync(new LodgeAppealOptions(Id, null, Appellant!.Value, Decision!.Value, DecisionOn!.Value, Deadline!.Value, NoticeServedOn, Grounds!, @override), Actor, ct);
        return BackToOrder($"Appeal recorded. The provisional lodging deadline is {Display.Date(Deadline)} (CrimPR r.34.2, R24).");
    }
}
