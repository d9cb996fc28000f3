using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace StalkingProtection.EndToEndTests.PublicSite;

/// <summary>
/// What a page asked for, got and showed, with the milliseconds since it opened, so that a wait that times out on a
/// loaded build machine says whether the browser sent the request, the server answered it, or the page never moved.
/// </summary>
public sealed class PageTrail
{
    private static readonly ConditionalWeakTable<IPage, PageTrail> _trails = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<string> _events = new();

    private PageTrail(IPage page, bool javaScript)
    {
        JavaScript = javaScript;
        page.Request += (_, r) => Add($"request {r.Method} {r.Url}");
        page.Response += (_, r) => Add($"response {r.Status} {r.Url}");
        page.RequestFailed += (_, r) => Add($"request failed {r.Url}: {r.Failure}");
        page.FrameNavigated += (_, f) => Add(f.ParentFrame is null ? $"showed {f.Url}" : $"frame showed {f.Url}");
        page.Console += (_, m) => Add($"console {m.Type}: {m.Text}");
        page.PageError += (_, e) => Add($"script error: {e}");
        page.Crash += (_, _) => Add("page crashed");
    }

    /// <summary>Whether the page's context runs scripts: with JavaScript off an evaluation in the page never returns.</summary>
    public bool JavaScript { get; }

    /// <summary>Starts recording a page's trail; <see cref="PublicSiteServer"/> does it for every page it opens.</summary>
    public static void Follow(IPage page, bool javaScript) => _trails.GetValue(page, p => new PageTrail(p, javaScript));

    public static bool RunsScripts(IPage page) => !_trails.TryGetValue(page, out var trail) || trail.JavaScript;

    public static string Of(IPage page) =>
        _trails.TryGetValue(page, out var trail) ? string.Join(Environment.NewLine, trail._events.Reverse().Take(20)) : "(no trail recorded)";

    /// <summary>Marks a step of the test in the trail, such as a key press.</summary>
    public static void Note(IPage page, string step)
    {
        if (_trails.TryGetValue(page, out var trail))
        {
            trail.Add($"test: {step}");
        }
    }

    private void Add(string what) => _events.Enqueue($"{_clock.ElapsedMilliseconds,6} ms {what}");
}

public static class PageWaits
{
    /// <summary>
    /// Waits until the page shows <paramref name="url"/> (a whole address, or a path the address ends with) and has
    /// finished loading it. Polls, because Playwright's WaitForURLAsync and WaitForLoadStateAsync can miss the load of a
    /// navigation that finished while the wait was being set up (seen after location.replace). When the page never gets
    /// there, says where it stayed and what it did.
    /// </summary>
    public static Task ArriveAtAsync(this IPage page, string url, string step) => page.ArriveAtOneOfAsync(step, url);

    /// <summary>As <see cref="ArriveAtAsync"/>, for a step that may end on any of several addresses.</summary>
    public static async Task ArriveAtOneOfAsync(this IPage page, string step, params string[] urls)
    {
        var url = string.Join(" or ", urls);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (!(urls.Any(u => IsAt(page.Url, u)) && await ReadyStateAsync(page) == "complete"))
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                var title = "(unreadable)";
                try
                {
                    title = await page.TitleAsync();
                }
                catch (PlaywrightException)
                {
                }

                throw new TimeoutException($"{step}: {url} was not shown within 60 seconds; the browser stayed on {page.Url} (title \"{title}\"). What the page did, last first:{Environment.NewLine}{PageTrail.Of(page)}");
            }

            await Task.Delay(50);
        }
    }

    private static bool IsAt(string current, string url) =>
        url.StartsWith("http", StringComparison.Ordinal)
            ? current == url
            : Uri.TryCreate(current, UriKind.Absolute, out var uri) && uri.AbsolutePath.EndsWith(url, StringComparison.Ordinal);

    private static async Task<string?> ReadyStateAsync(IPage page)
    {
        try
        {
            if (!PageTrail.RunsScripts(page))
            {
                // Playwright's own selector engine still reads the page when its scripts are off.
                return await page.Locator("body").CountAsync() > 0 ? "complete" : null;
            }

            return await page.EvaluateAsync<string>("() => document.readyState");
        }
        catch (PlaywrightException)
        {
            // The page is between documents.
            return null;
        }
    }
}
