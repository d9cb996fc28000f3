using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Statistics;

namespace StalkingProtection.Web.Pages.Public;

/// <summary>
/// The force's live stalking protection orders today, as the public sees them: the dashboard's own figures
/// (<see cref="DashboardFigureCache"/>), so the public page and the workspace never disagree.
/// </summary>
public sealed class LiveOrderFigure(DashboardFigureCache dashboard)
{
    public async Task<(DateOnly Day, int Interim, int Full)> GetAsync(CancellationToken ct)
    {
        var figures = await dashboard.GetAsync(ct);
        return (figures.Today, figures.LiveInterim, figures.LiveFull);
    }
}

public class LiveOrdersModel(LiveOrderFigure figure, IOptions<PublicSiteOptions> options) : PageModel
{
    public DateOnly Today { get; private set; }

    public string Total { get; private set; } = "";

    public string Interim { get; private set; } = "";

    public string Full { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (today, interim, full) = await figure.GetAsync(ct);
        Today = today;
        Total = Shown(interim + full);
        Interim = Shown(interim);
        Full = Shown(full);
    }

    /// <summary>Small numbers are not shown exactly, so that a figure cannot point to one person's order.</summary>
    private string Shown(int count) => count < options.Value.LiveOrdersShownFrom ? $"fewer than {options.Value.LiveOrdersShownFrom}" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
