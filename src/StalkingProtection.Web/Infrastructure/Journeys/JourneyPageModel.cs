using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Infrastructure.Journeys;

/// <summary>
/// What every page of a workspace journey shares beyond a form's (<see cref="FormPageModel"/>): the reason that overrides a
/// "should" rule, where its forms post, and the required-answer checks.
/// </summary>
public abstract class JourneyPageModel : FormPageModel
{
    [BindProperty]
    [Display(Name = "Why are you going ahead despite the warning?")]
    public string? OverrideReason { get; set; }

    /// <summary>What the conflict notice calls the record someone else changed.</summary>
    public virtual string ConflictRecord => "order";

    /// <summary>The words on the button that saves the journey: "Open case", "Record act".</summary>
    public virtual string SaveButton => "Confirm and save";

    public Actor Actor => User.ToActor();

    /// <summary>
    /// Where the page's forms post: the page itself with its query (a journey's id) but no handler, so that a form shown after
    /// a refused post does not post to that handler again.
    /// </summary>
    public virtual string FormAction => Request.PathBase + Request.Path + StripHandler(Request.QueryString);

    /// <summary>The page holding the questions, when it is not this one: the error summary links to its fields.</summary>
    public virtual string? FieldsOn => null;

    protected Override? OverrideGiven => string.IsNullOrWhiteSpace(OverrideReason) ? null : new Override(OverrideReason.Trim(), Actor);

    /// <summary>Each broken rule goes under its field when the page has one, otherwise at the top; warnings await a reason.</summary>
    protected void ShowRules(RuleViolationException ex)
    {
        AddRuleViolations(ex);
        if (ex.Warnings.Count > 0 && ex.Violations.Count == 0)
        {
            ModelState.AddModelError(nameof(OverrideReason),
                "Check the warning below: give a reason to go ahead despite it, or change your answers");
        }
    }

    /// <summary>Maps a Core field ("conditions[0].endsOn") to this page's property ("Conditions[0].EndsOn"), or "" for the top.</summary>
    protected override string FieldKey(string field)
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
