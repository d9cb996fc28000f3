using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Orders;

/// <summary>
/// One order journey: a question page, then "check your answers" (the answers ride along in hidden fields, so nothing is
/// saved until the user confirms), then one service call. Broken rules come back onto the page under their fields, "should"
/// rules as warnings the user may override with a reason, and a stale edit as "someone else changed this" (RL4).
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public abstract class JourneyModel : PageModel
{
    public const string BannerKey = "OrderBanner";

    [BindProperty]
    [Display(Name = "Why are you going ahead despite the warning?")]
    public string? OverrideReason { get; set; }

    /// <summary>True when the page shows the answers to check rather than the questions.</summary>
    public bool Checking { get; private set; }

    /// <summary>RL4: someone else saved the record after this user opened it.</summary>
    public bool Conflict { get; private set; }

    public IReadOnlyList<RuleWarning> Warnings { get; private set; } = [];

    public Actor Actor => User.ToActor();

    /// <summary>
    /// Where the journey's forms post: the page itself with no handler. After "Change your answers", "Add another condition"
    /// or a refused save, the address bar still says ?handler=Change, AddCondition or Save, and a form without an action
    /// would post there again instead of continuing to "check your answers".
    /// </summary>
    public string FormAction => Request.PathBase + Request.Path;

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

        var @override = string.IsNullOrWhiteSpace(OverrideReason) ? null : new Override(OverrideReason.Trim(), Actor);
        try
        {
            return await SaveAsync(@override, ct);
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

    /// <summary>Each broken rule goes under its field when the page has one, otherwise at the top; warnings await a reason.</summary>
    protected void ShowRules(RuleViolationException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        foreach (var violation in ex.Violations)
        {
            ModelState.AddModelError(FieldKey(violation.Field), Describe(violation.RuleId, violation.Message, violation.LegalSource));
        }

        Warnings = ex.Warnings;
        if (ex.Warnings.Count > 0 && ex.Violations.Count == 0)
        {
            ModelState.AddModelError(nameof(OverrideReason),
                "Check the warning below: give a reason to go ahead despite it, or change your answers");
        }
    }

    public static string Describe(string ruleId, string message, string legalSource)
    {
        var text = message;
        if (!text.Contains(ruleId, StringComparison.Ordinal) && ruleId is not ("Input" or "Override"))
        {
            text += $" ({ruleId})";
        }

        if (!string.IsNullOrWhiteSpace(legalSource) && !text.Contains(legalSource, StringComparison.Ordinal))
        {
            text += $". Source: {legalSource}";
        }

        return text;
    }

    /// <summary>Maps a Core field ("conditions[0].endsOn") to this page's property ("Conditions[0].EndsOn"), or "" for the top.</summary>
    protected virtual string FieldKey(string field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return "";
        }

        var key = string.Join('.', field.Split('.').Select(s => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..]));
        var root = key.Split('.', '[')[0];
        var property = GetType().GetProperty(root, BindingFlags.Public | BindingFlags.Instance);
        return property?.GetCustomAttribute<BindPropertyAttribute>() is not null ? key : "";
    }

    /// <summary>The required-answer check every page makes, with the GOV.UK message.</summary>
    protected void Require(bool ok, string key, string message)
    {
        if (!ok && (!ModelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0))
        {
            ModelState.AddModelError(key, message);
        }
    }

    protected void MaxLength(string? value, int max, string key, string message)
    {
        if ((value?.Length ?? 0) > max)
        {
            ModelState.AddModelError(key, message);
        }
    }

    /// <summary>A simple time input ("14:30" or "2:30pm"); null when it cannot be read.</summary>
    public static TimeOnly? ParseTime(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim().ToLowerInvariant().Replace('.', ':');
        string[] formats = ["H:mm", "HH:mm", "h:mmtt", "h:mm tt", "htt", "h tt", "HHmm"];
        return TimeOnly.TryParseExact(text.ToUpperInvariant(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
    }

    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")) ?? "Not given";

    public static string DateTimeText(DateTimeOffset? at) => at is { } a
        ? Core.Time.LondonTime.LocalDateTimeOf(a).ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.GetCultureInfo("en-GB"))
        : "Not given";
}
