using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;

namespace StalkingProtection.Web.Pages.Workspace.Applications.ProposeCondition;

/// <summary>The blanks of the chosen template, one input per parameter; for free text, the type and kind as well.</summary>
public class ParametersModel(StalkingProtectionDbContext db) : ProposeConditionPageModel(db)
{
    [BindProperty]
    [Display(Name = "Prohibition or requirement")]
    public ConditionType? Type { get; set; }

    [BindProperty]
    [Display(Name = "Kind of condition")]
    public ConditionCategory? Category { get; set; }

    [BindProperty]
    public Dictionary<string, string> Values { get; set; } = [];

    public string PeopleNames => string.Join(", ", People.Select(p => p.Text));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadJourneyAsync(ct) is { } early)
        {
            return early;
        }

        Values = Template!.Parameters.ToDictionary(p => p.Key, p => State.Parameters.GetValueOrDefault(p.Key) ?? "");
        (Type, Category) = (State.Type, State.Category);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadJourneyAsync(ct) is { } early)
        {
            return early;
        }

        var template = Template!;
        if (IsOther)
        {
            if (Type is null)
            {
                ModelState.AddModelError(nameof(Type), "Select whether it is a prohibition or a requirement (SPA 2019 s.1(2), R8)");
            }

            if (Category is null)
            {
                ModelState.AddModelError(nameof(Category), "Select the kind of condition");
            }
        }

        var values = template.Parameters.ToDictionary(p => p.Key, p => Values.GetValueOrDefault(p.Key) ?? "");
        foreach (var violation in template.Check(values).Violations)
        {
            ModelState.AddModelError($"Values[{violation.Field["parameters.".Length..]}]", violation.Message);
        }

        if (!ModelState.IsValid)
        {
            // The page's inputs read every parameter's value, answered or not.
            Values = values;
            return Page();
        }

        State.Parameters = values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).ToDictionary(v => v.Key, v => v.Value.Trim());
        if (IsOther)
        {
            (State.Type, State.Category) = (Type, Category);
        }

        SaveState();
        return Redirect(JourneyUrl("details"));
    }
}
