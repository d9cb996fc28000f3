using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using StalkingProtection.Core.Statistics;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Statistics;

/// <summary>Statistics and FOI returns: aggregates only, for analysts and coordinators. The period is in the address, never a name.</summary>
[Authorize(Policy = Policies.Statistics)]
[EnableRateLimiting(CostlyWork.Policy)]
public class IndexModel(StatisticsService statistics, TimeProvider timeProvider) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Start date")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "End date")]
    public DateOnly? To { get; set; }

    /// <summary>The figures as a Freedom of Information answer: counts below 5 read "fewer than 5".</summary>
    [BindProperty(SupportsGet = true)]
    public bool Foi { get; set; }

    public StatisticsReturn? Return { get; private set; }

    public string CsvUrl => Return is null ? "" : PeriodUrl("csv", Foi);

    public string FoiUrl => Return is null ? "" : PeriodUrl(null, foi: true);

    public string FiguresUrl => Return is null ? "" : PeriodUrl(null, foi: false);

    public string Show(int count) => StatisticsTable.Show(count, Foi);

    private string PeriodUrl(string? handler, bool foi) =>
        WorkspaceLinks.Statistics + "?" + (handler is null ? "" : $"handler={handler}&")
        + $"From={Return!.Period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&To={Return.Period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
        + (foi ? "&Foi=true" : "");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var asked = Request.Query.Keys.Any(k => k.StartsWith(nameof(From), StringComparison.OrdinalIgnoreCase) || k.StartsWith(nameof(To), StringComparison.OrdinalIgnoreCase));
        if (!asked)
        {
            ModelState.Clear();
            return Page();
        }

        if (Validate() is { } period)
        {
            Return = await statistics.GetAsync(period, timeProvider.UkToday, User.ToActor(), Foi ? "foi" : "page", ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (Validate() is not { } period)
        {
            return Page();
        }

        var figures = await statistics.GetAsync(period, timeProvider.UkToday, User.ToActor(), Foi ? "foi-csv" : "csv", ct);
        var name = string.Create(CultureInfo.InvariantCulture, $"spo-{(Foi ? "foi-answer" : "statistics")}-{period.From:yyyy-MM-dd}-to-{period.To:yyyy-MM-dd}.csv");
        return File(Encoding.UTF8.GetBytes(StatisticsTable.Csv(figures, Foi)), "text/csv; charset=utf-8", name);
    }

    private StatisticsPeriod? Validate()
    {
        var today = timeProvider.UkToday;
        Required(nameof(From), From, "Enter the start date");
        Required(nameof(To), To, "Enter the end date");
        if (From is { } from && from > today)
        {
            ModelState.AddModelError(nameof(From), "Start date must be today or in the past");
        }

        if (To is { } to && to > today)
        {
            ModelState.AddModelError(nameof(To), "End date must be today or in the past");
        }

        if (ModelState.IsValid && From > To)
        {
            ModelState.AddModelError(nameof(To), "End date must be the same as or after the start date");
        }

        return ModelState.IsValid ? new StatisticsPeriod(From!.Value, To!.Value) : null;
    }

    // The binder has already said what is wrong with a date that was partly entered; this is for one left blank.
    private void Required(string key, DateOnly? value, string message)
    {
        if (value is null && ModelState[key]?.Errors.Count is null or 0)
        {
            ModelState.AddModelError(key, message);
        }
    }
}
