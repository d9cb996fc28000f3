using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Orders;

namespace StalkingProtection.Web.Infrastructure.Journeys;

/// <summary>The conditions a breach can be of, for the officer recording a breach and the one deciding a reported breach.</summary>
public static class BreachConditionItems
{
    /// <summary>Every condition of every version of the terms, with the days it was in force (R35).</summary>
    public static IReadOnlyList<SelectListItem> Of(StalkingProtectionOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.ConditionSets.OrderBy(s => s.Number).SelectMany(s => s.Conditions.OrderBy(c => c.Sequence).Select(c =>
        {
            var (from, last) = order.InForceWindowOf(c);
            var window = last is { } l ? $"in force {Display.Date(from)} to {Display.Date(l)}" : $"in force from {Display.Date(from)}";
            return new SelectListItem($"Terms version {s.Number}, condition {c.Sequence}: {c.Wording} ({window})", c.Id.ToString());
        })).ToList();
    }
}
