using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Infrastructure.Journeys;

/// <summary>
/// What every page of a workspace journey shares: broken rules shown under their fields (or at the top), "should" rules as
/// warnings the user may override with a reason, and "someone else changed this" (RL4).
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public abstract class JourneyPageModel : PageModel
{
    [BindProperty]
    [Display(Name = "Why are you going ahead despite the warning?")]
    public string? OverrideReason { get; set; }

    /// <summary>RL4: someone else saved the record after this user opened it; nothing was saved.</summary>
    public bool Conflict { get; protected set; }

    /// <summary>What the conflict notice calls the record someone else changed.</summary>
    public virtual string ConflictRecord => "order";

    /// <summary>The words on the button that saves the journey: "Open case", "Record act".</summary>
    public virtual string SaveButton => "Confirm and save";

    public IReadOnlyList<RuleWarning> Warnings { get; private set; } = [];

    public Actor Actor => User.ToActor();

    /// <summary>
    /// Where the page's forms post: the page itself with its query (a journey's id) but no handler, so that a form shown after
    /// a refused post does not post to that handler again.
    /// </summary>
    public virtual string FormAction => Request.PathBase + Request.Path + StripHandler(Request.QueryString);

    /// <summary>The page holding the questions, when it is not this one: the error summary links to its fields.</summary>
    public virtual string? FieldsOn => null;

    /// <inheritdoc cref="VisibleCase.FindAsync"/>
    protected Task<StalkingCase?> FindVisibleCaseAsync(StalkingProtectionDbContext db, Guid id, CancellationToken ct, Guid? respondentId = null) =>
        VisibleCase.FindAsync(HttpContext, db, id, ct, respondentId);

    protected Override? OverrideGiven => string.IsNullOrWhiteSpace(OverrideReason) ? null : new Override(OverrideReason.Trim(), Actor);

    /// <summary>Each broken rule goes under its field when the page has one, otherwise at the top; warnings await a reason.</summary>
    protected void ShowRules(RuleViolationException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        foreach (var violation in ex.Violations)
        {
            ModelState.AddModelError(FieldKey(violation.Field), RuleErrors.Describe(violation.Message, violation.RuleId, violation.LegalSource));
        }

        Warnings = ex.Warnings;
        if (ex.Warnings.Count > 0 && ex.Violations.Count == 0)
        {
            ModelState.AddModelError(nameof(OverrideReason),
                "Check the warning below: give a reason to go ahead despite it, or change your answers");
        }
    }

    /// <summary>RL4: someone else saved the record first; the notice and the error summary say so, and nothing was saved.</summary>
    protected void ShowConflict()
    {
        Conflict = true;
        ModelState.AddModelError("", Conflicts.Message);
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

    private static QueryString StripHandler(QueryString query)
    {
        var kept = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query.Value)
            .Where(q => !string.Equals(q.Key, "handler", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)));
        return QueryString.Create(kept);
    }
}
