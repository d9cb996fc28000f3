using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Statistics;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Web.Pages.Public;

/// <summary>
/// The force's live stalking protection orders today, as the public sees them: the dashboard's own count, worked out
/// again each London day (and at least hourly), so the public page and the workspace never disagree.
/// </summary>
public sealed class LiveOrderFigure(IServiceScopeFactory scopes, TimeProvider timeProvider) : IDisposable
{
    private static readonly TimeSpan _maxAge = TimeSpan.FromHours(1);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private (DateOnly Day, DateTimeOffset At, int Interim, int Full)? _latest;

    public async Task<(DateOnly Day, int Interim, int Full)> GetAsync(CancellationToken ct)
    {
        var now = timeProvider.GetUtcNow();
        var today = timeProvider.UkToday;
        if (_latest is { } latest && latest.Day == today && now - latest.At < _maxAge)
        {
            return (latest.Day, latest.Interim, latest.Full);
        }

        await _lock.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var (interim, full) = await scope.ServiceProvider.GetRequiredService<DashboardQueries>().CountLiveAsync(today, ct);
            _latest = (today, now, interim, full);
            return (today, interim, full);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();
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
