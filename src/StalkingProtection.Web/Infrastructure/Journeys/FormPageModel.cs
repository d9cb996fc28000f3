using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Web.Infrastructure.Journeys;

/// <summary>
/// A workspace page that acts on one button rather than a journey (starting a triage), and the base of every journey page:
/// need-to-know (a case the user may not see answers 404), broken rules shown under their fields, "should" rules as warnings,
/// and the "someone else changed this" conflict. It names no policy: the case-work folders ask for the case roles
/// (<c>WebServiceCollectionExtensions</c>), and the administrators' journeys derive from it as well.
/// </summary>
public abstract class FormPageModel : PageModel
{
    /// <summary>Warnings from Core ("should" rules) that the user may override by giving a reason.</summary>
    public IReadOnlyList<RuleWarning> Warnings { get; private set; } = [];

    /// <summary>RL4: the record changed since the page was loaded; nothing was saved, and the page shows the current values.</summary>
    public bool Conflict { get; private set; }

    /// <inheritdoc cref="VisibleCase.FindAsync"/>
    protected Task<StalkingCase?> FindVisibleCaseAsync(StalkingProtectionDbContext db, Guid id, CancellationToken ct, Guid? respondentId = null) =>
        VisibleCase.FindAsync(HttpContext, db, id, ct, respondentId);

    protected void SetFlash(string message) => Flash.Set(TempData, message);

    /// <summary>
    /// Each violation goes under the page property its field names (camelCase in Core, PascalCase here), or at the top of the
    /// page; each message carries its rule ID and legal source.
    /// </summary>
    protected void AddRuleViolations(RuleViolationException exception, IReadOnlyDictionary<string, string>? fieldMap = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        foreach (var violation in exception.Violations)
        {
            var key = fieldMap is not null && fieldMap.TryGetValue(violation.Field, out var mapped) ? mapped : FieldKey(violation.Field);
            ModelState.AddModelError(key, RuleErrors.Describe(violation.Message, violation.RuleId, violation.LegalSource));
        }

        Warnings = exception.Warnings;
    }

    /// <summary>RL4: someone else saved the record first; the notice and the error summary say so.</summary>
    protected void ShowConflict()
    {
        Conflict = true;
        ModelState.AddModelError(string.Empty, Conflicts.Message);
    }

    /// <summary>The page property a Core field ("reasons") names ("Reasons"), or "" for the top of the page.</summary>
    protected virtual string FieldKey(string field)
    {
        if (field.Length == 0)
        {
            return string.Empty;
        }

        var name = char.ToUpperInvariant(field[0]) + field[1..];
        var property = GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
        return property?.GetCustomAttribute<BindPropertyAttribute>() is not null ? name : string.Empty;
    }
}
