using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Web.Pages.Workspace.Staff;

public static class StaffText
{
    public static string Roles(IEnumerable<string> roles) =>
        roles.Any() ? string.Join(", ", roles.Select(StaffRoles.DisplayName)) : "None";

    public static string When(DateTimeOffset? at) => at is { } instant
        ? LondonTime.LocalDateTimeOf(instant).ToString("d MMMM yyyy, h:mmtt", CultureInfo.GetCultureInfo("en-GB")).Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal)
        : "Never";

    public static string Status(StaffAccountSummary account) =>
        account.DeactivatedAt is not null ? "Deactivated"
        : account.AwaitingSetUp ? "Invited"
        : account.ForceAccount ? "Active (force account)"
        : account.TwoFactorEnabled ? "Active" : "Active (two-factor not set up)";

    public static IEnumerable<SelectListItem> RoleItems() =>
        StaffRoles.All.Select(r => new SelectListItem(StaffRoles.DisplayName(r), r));
}
