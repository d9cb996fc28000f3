using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;

namespace StalkingProtection.Web.Pages.Workspace.Applications.ProposeCondition;

public class TemplateModel(StalkingProtectionDbContext db) : ProposeConditionPageModel(db)
{
    [BindProperty]
    [Display(Name = "Which condition do you want to propose?")]
    public string? TemplateKey { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadJourneyAsync(ct, needsTemplate: false) is { } early)
        {
            return early;
        }

        TemplateKey = State.TemplateKey;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadJourneyAsync(ct, needsTemplate: false) is { } early)
        {
            return early;
        }

        if (ConditionLibrary.Find(TemplateKey) is not { } template)
        {
            ModelState.AddModelError(nameof(TemplateKey), "Select the condition you want to propose");
            return Page();
        }

        if (State.TemplateKey != template.Key)
        {
            State.TemplateKey = template.Key;
            State.Parameters = [];
            State.Type = template.Type;
            State.Category = template.Category;
            State.Scope = template.Type is null ? State.Scope : template.Scope;
        }

        SaveState();
        return Redirect(JourneyUrl("parameters"));
    }
}
