using Microsoft.Playwright;
using StalkingProtection.EndToEndTests.PublicSite;

namespace StalkingProtection.EndToEndTests.Workspace.Journey;

/// <summary>
/// Runs axe-core (WCAG 2.2 A and AA) on pages as a journey reaches them, and keeps count of every document each watched
/// tab loaded, so the test can prove that no page of the journey went unchecked.
/// </summary>
public sealed class AccessibilityAudit
{
    private readonly List<string> _violations = [];
    private readonly Dictionary<IPage, Tab> _tabs = [];

    /// <summary>Each page checked, in order: "who: url".</summary>
    public List<string> Checked { get; } = [];

    public IReadOnlyList<string> Violations => _violations;

    public void Watch(IPage page, string who)
    {
        var tab = new Tab(who);
        _tabs[page] = tab;
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame && frame.Url.StartsWith("http", StringComparison.Ordinal))
            {
                tab.Navigated(frame.Url);
            }
        };
    }

    /// <summary>Completes when the tab commits its next document (a redirect chain counts once, at its end).</summary>
    public Task NextDocumentAsync(IPage page) => _tabs[page].NextDocumentAsync();

    public async Task CheckAsync(IPage page)
    {
        var tab = _tabs[page];
        var url = new Uri(page.Url).PathAndQuery;
        tab.MarkChecked();
        Checked.Add($"{tab.Who}: {url}");
        foreach (var violation in await PublicSiteServer.AccessibilityViolationsAsync(page))
        {
            _violations.Add($"{tab.Who} at {url}: {violation}");
        }
    }

    /// <summary>Documents a watched tab loaded that no check ran on.</summary>
    public IReadOnlyList<string> Unchecked() =>
        [.. _tabs.Values.SelectMany(t => t.Unchecked().Select(url => $"{t.Who}: {url}"))];

    private sealed class Tab(string who)
    {
        private readonly Lock _lock = new();
        private readonly List<string> _documents = [];
        private readonly HashSet<int> _checked = [];
        private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Who => who;

        public void Navigated(string url)
        {
            TaskCompletionSource done;
            lock (_lock)
            {
                _documents.Add(new Uri(url).PathAndQuery);
                done = _next;
                _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            done.SetResult();
        }

        public Task NextDocumentAsync()
        {
            lock (_lock)
            {
                return _next.Task;
            }
        }

        public void MarkChecked()
        {
            lock (_lock)
            {
                _checked.Add(_documents.Count - 1);
            }
        }

        public IEnumerable<string> Unchecked()
        {
            lock (_lock)
            {
                return [.. _documents.Where((_, i) => !_checked.Contains(i))];
            }
        }
    }
}
