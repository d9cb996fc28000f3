using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordService;

/// <summary>Service of the order on the respondent, which starts the initial notification duty (SPA 2019 s.9(1), R25).</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider, OrderService orders) : OrderJourneyModel(db, timeProvider)
{
    [BindProperty]
    [Display(Name = "Date the order was served")]
    public DateOnly? ServedOn { get; set; }

    [BindProperty]
    [Display(Name = "Time it was served")]
    public string? ServedTime { get; set; }

    [BindProperty]
    [Display(Name = "How was it served?")]
    public ServiceMethod? Method { get; set; }

    [BindProperty]
    [Display(Name = "Officer who served it")]
    public string? ServedBy { get; set; }

    protected override void Prefill() => ServedBy = Actor.Name;

    protected override void Validate()
    {
        Require(ServedOn is not null, nameof(ServedOn), "Enter the date the order was served");
        Require(!string.IsNullOrWhiteSpace(ServedTime), nameof(ServedTime), "Enter the time the order was served");
        if (!string.IsNullOrWhiteSpace(ServedTime) && ParseTime(ServedTime) is null)
        {
            ModelState.AddModelError(nameof(ServedTime), "Enter the time as hours and minutes, for example 14:30");
        }

        if (ServedOn is { } served)
        {
            // SPA 2019 s.9(1): service starts the duty to notify, so its date is checked where it is asked.
            if (served < Order.MadeOn)
            {
                ModelState.AddModelError(nameof(ServedOn), $"An order cannot be served before the day it was made ({Display.Date(Order.MadeOn)}): service starts the duty to notify (SPA 2019 s.9(1))");
            }
            else if (served > Today || (served == Today && ParseTime(ServedTime) is { } time && LondonTime.ToUtc(served, time) > Clock.GetUtcNow()))
            {
                ModelState.AddModelError(nameof(ServedOn), "The date and time of service must be now or in the past");
            }
            else if (!Order.IsInForceOn(served))
            {
                ModelState.AddModelError(nameof(ServedOn), "The order was not in force on that day, so it cannot have been served then");
            }
        }

        Require(Method is not null, nameof(Method), "Select how the order was served");
        Require(!string.IsNullOrWhiteSpace(ServedBy), nameof(ServedBy), "Enter the name of the officer who served the order");
        MaxLength(ServedBy, StalkingProtectionOrder.NameMaxLength, nameof(ServedBy), "The officer's name must be 200 characters or fewer");
    }

    protected override async Task<IActionResult> SaveAsync(Override? @override, CancellationToken ct)
    {
        var servedAt = LondonTime.ToUtc(ServedOn!.Value, ParseTime(ServedTime)!.Value);
        var duty = await orders.RecordServiceAsync(new RecordServiceOptions(Id, servedAt, Method!.Value, ServedBy!, Version), Actor, ct);
        return BackToOrder($"Service recorded. {duty.Explain()}");
    }

    // RL4: a second "service" after someone else recorded it fails in Core; show the service already on the order.
    protected override string FieldKey(string field) => field == "servedAt" ? nameof(ServedOn) : base.FieldKey(field);
}
