using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordPncReference;

/// <summary>R42: the order's Police National Computer reference, through the same service method as the API; closes the PNC task.</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider, OrderService orders) : OrderJourneyModel(db, timeProvider)
{
    [BindProperty]
    [Display(Name = "PNC reference")]
    public string? PncReference { get; set; }

    protected override void Prefill() => PncReference = Order.PncReference;

    protected override void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(PncReference), nameof(PncReference), "Enter the PNC reference");
        MaxLength(PncReference, StalkingProtectionOrder.ReferenceMaxLength, nameof(PncReference),
            $"The PNC reference must be {StalkingProtectionOrder.ReferenceMaxLength} characters or fewer");
    }

    protected override async Task<IActionResult> SaveAsync(Override? @override, CancellationToken ct)
    {
        await orders.RecordPncEntryAsync(new RecordPncEntryOptions(Id, PncReference!.Trim(), Version), Actor, ct);
        return BackToOrder($"PNC reference {PncReference.Trim()} recorded.");
    }
}
