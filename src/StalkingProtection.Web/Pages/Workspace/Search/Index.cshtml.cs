using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Search;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Search;

/// <summary>The search box in the workspace header: people, cases, applications and orders on the cases the user may see.</summary>
[Authorize(Policy = Policies.CaseWork)]
public class IndexModel(StalkingProtectionDbContext db, RecordSearchService search, TimeProvider timeProvider) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    [Display(Name = "Search")]
    public string? Q { get; set; }

    public SearchResults? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Request.Query.ContainsKey("q"))
        {
            return Page();
        }

        try
        {
            // Need-to-know exactly as the case list applies it (DPA 2018 s.62).
            Results = await search.SearchAsync(Q, db.Cases.VisibleTo(User), timeProvider.UkToday, User.ToActor(), ct);
        }
        catch (RuleViolationException ex)
        {
            foreach (var violation in ex.Violations)
            {
                ModelState.AddModelError("q", violation.Message);
            }
        }

        return Page();
    }
}
