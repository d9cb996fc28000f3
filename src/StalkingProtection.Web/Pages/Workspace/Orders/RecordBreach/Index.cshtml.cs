using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordBreach;

/// <summary>A suspected breach (SPA 2019 s.8(1)), linked to the condition broken (R35, R36).</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider, BreachService breaches) : OrderJourneyModel(db, timeProvider)
{
    [BindProperty]
    [Display(Name = "Which condition was broken?")]
    public Guid? ConditionId { get; set; }

    [BindProperty]
    [Display(Name = "Date of the incident")]
    public DateOnly? IncidentOn { get; set; }

    [BindProperty]
    [Display(Name = "Time of the incident")]
    public string? IncidentTime { get; set; }

    [BindProperty]
    [Display(Name = "Where did it happen?")]
    public string? IncidentLocation { get; set; }

    [BindProperty]
    [Display(Name = "What happened?")]
    public string? Description { get; set; }

    /// <summary>Every condition of every version of the terms, with the days it was in force (R35).</summary>
    public IReadOnlyList<SelectListItem> ConditionItems { get; private set; } = [];

    protected override Task<bool> LoadMoreAsync(CancellationToken ct)
    {
        ConditionItems = Order.ConditionSets.OrderBy(s => s.Number).SelectMany(s => s.Conditions.OrderBy(c => c.Sequence).Select(c =>
        {
            var (from, last) = Order.InForceWindowOf(c);
            var window = last is { } l ? $"in force {Display.Date(from)} to {Display.Date(l)}" : $"in force from {Display.Date(from)}";
            return new SelectListItem($"Terms version {s.Number}, condition {c.Sequence}: {c.Wording} ({window})", c.Id.ToString());
        })).ToList();
        return Task.FromResult(true);
    }

    protected override void Validate()
    {
        Require(ConditionId is not null, nameof(ConditionId), "Select the condition that was broken");
        Require(IncidentOn is not null, nameof(IncidentOn), "Enter the date of the incident");
        Require(!string.IsNullOrWhiteSpace(IncidentTime), nameof(IncidentTime), "Enter the time of the incident");
        if (!string.IsNullOrWhiteSpace(IncidentTime) && ParseTime(IncidentTime) is null)
        {
            ModelState.AddModelError(nameof(IncidentTime), "Enter the time as hours and minutes, for example 14:30");
        }

        Require(!string.IsNullOrWhiteSpace(Description), nameof(Description), "Describe what happened");
        MaxLength(Description, Breach.TextMaxLength, nameof(Description), $"The description must be {Breach.TextMaxLength} characters or fewer");
        MaxLength(IncidentLocation, Breach.TextMaxLength, nameof(IncidentLocation), $"The location must be {Breach.TextMaxLength} characters or fewer");
    }

    protected override async Task<IActionResult> SaveAsync(Override? @override, CancellationToken ct)
    {
        var incidentAt = LondonTime.ToUtc(IncidentOn!.Value, ParseTime(IncidentTime)!.Value);
        var breachId = await breaches.RecordBreachAsync(new RecordBreachOptions(Id, ConditionId!.Value, incidentAt, IncidentLocation, Description!, null, @override), Actor, ct);
        TempData[Flash.Key] = $"Breach recorded (offence code {Breach.OffenceCode}). Re-screen the risk to the victim now: a breach may raise it. Tell the victim, and record the arrest, charge and outcome as they happen.";
        return Redirect($"/workspace/orders/record-breach/outcome/{Id}/{breachId}");
    }

    protected override string FieldKey(string field) => field switch
    {
        "incidentAt" => nameof(IncidentOn),
        _ => base.FieldKey(field),
    };
}
