using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Cases;

/// <summary>
/// The last page of a case journey: the answers kept between its pages are shown once more, then saved by one service call.
/// A rule the service refuses is shown on this page, and the answers stay, so nothing is lost.
/// </summary>
public abstract class CaseCheckAnswersPageModel<TState>(StalkingProtectionDbContext db) : CaseWorkPageModel
    where TState : class
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid Journey { get; set; }

    public TState State { get; private set; } = null!;

    public virtual string ChangeHref => $"/workspace/cases/{JourneyPath}/{Id}?journey={Journey}";

    /// <summary>The journey's path under /workspace/cases, where it starts again when its answers are gone.</summary>
    protected abstract string JourneyPath { get; }

    protected StalkingProtectionDbContext Db => db;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } early)
        {
            return early;
        }

        try
        {
            if (await SaveAsync(ct) is not { } done)
            {
                return Page();
            }

            JourneyState.Clear(TempData, Journey);
            SetFlash(done);
            return Redirect(CaseLinks.View(Id));
        }
        catch (RuleViolationException e)
        {
            AddRuleViolations(e);
            return Page();
        }
    }

    /// <summary>Saves the answers and says what was done, for the case page; null when it refused and said why on this page.</summary>
    protected abstract Task<string?> SaveAsync(CancellationToken ct);

    /// <summary>Loads what the page shows besides the answers; false when the answers no longer fit the case.</summary>
    protected virtual Task<bool> LoadDetailsAsync(CancellationToken ct) => Task.FromResult(true);

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await FindVisibleCaseAsync(db, Id, ct) is null)
        {
            return NotFound();
        }

        if (JourneyState.Load<TState>(TempData, Journey) is not { } state)
        {
            return Redirect($"/workspace/cases/{JourneyPath}/{Id}");
        }

        State = state;
        return await LoadDetailsAsync(ct) ? null : Redirect($"/workspace/cases/{JourneyPath}/{Id}");
    }
}
