using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Journeys;

namespace StalkingProtection.Web.Pages.Workspace.Orders;

/// <summary>
/// One order journey: a question page, then "check your answers" (the answers ride along in hidden fields, so nothing is
/// saved until the user confirms), then one service call. Broken rules come back onto the page under their fields, "should"
/// rules as warnings the user may override with a reason, and a stale edit as "someone else changed this" (RL4).
/// </summary>
public abstract class JourneyModel : JourneyPageModel, ICarriesAnswersHidden
{
    /// <summary>The single-page journeys carry their answers in the form, so the form posts to the bare page.</summary>
    public override string FormAction => Request.PathBase + Request.Path;

    /// <summary>"Confirm and save" and "Change your answers" post every answer back from hidden fields (_CheckAnswersButtons).</summary>
    public virtual bool CarriesHidden(string field, string? handler) =>
        string.Equals(handler, "Save", StringComparison.OrdinalIgnoreCase) || string.Equals(handler, "Change", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the page shows the answers to check rather than the questions.</summary>
    public bool Checking { get; private set; }

    /// <summary>Loads what the page needs; false means the record does not exist or the user may not see it (404).</summary>
    protected abstract Task<bool> LoadAsync(CancellationToken ct);

    /// <summary>GOV.UK-style checks of the answers themselves, before the rules of the Act are applied by Core.</summary>
    protected abstract void Validate();

    /// <summary>Calls the one service method and says where to go next.</summary>
    protected abstract Task<IActionResult> SaveAsync(Override? @override, CancellationToken ct);

    /// <summary>Called on a fresh GET to fill the questions from the record.</summary>
    protected virtual void Prefill()
    {
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Prefill();
        return Page();
    }

    /// <summary>Continue: the questions are answered, so show them back to check.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Validate();
        if (ModelState.IsValid && NextQuestion())
        {
            return Page();
        }

        Checking = ModelState.IsValid;
        return Page();
    }

    /// <summary>A journey of several question pages moves to the next one here and answers true; the last answers false.</summary>
    protected virtual bool NextQuestion() => false;

    /// <summary>Change: back to the questions with the answers given so far.</summary>
    public async Task<IActionResult> OnPostChangeAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Validate();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            return await SaveAsync(OverrideGiven, ct);
        }
        catch (RuleViolationException ex)
        {
            ShowRules(ex);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            // RL4: nothing was saved; show the current record and keep the user's answers so they can decide again.
            HttpContext.RequestServices.GetRequiredService<Core.Data.StalkingProtectionDbContext>().ChangeTracker.Clear();
            Conflict = true;
            await LoadAsync(ct);
            OnConflict();
            return Page();
        }
    }

    /// <summary>After a conflict: take the current version so that saving again is a deliberate decision on the new state.</summary>
    protected virtual void OnConflict()
    {
    }
}
