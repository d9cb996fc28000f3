using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Applications.SetJurisdiction;

public class IndexModel(StalkingProtectionDbContext db, ApplicationService applications) : ApplicationPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    [Display(Name = "Why may the force apply against the respondent?")]
    public JurisdictionBasis? Basis { get; set; }

    [BindProperty]
    [Display(Name = "What supports this?")]
    public string? Notes { get; set; }

    [BindProperty]
    public long Version { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadApplicationAsync(db, Id, ct))
        {
            return NotFound();
        }

        ShowCurrent();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadApplicationAsync(db, Id, ct))
        {
            return NotFound();
        }

        // SPA 2019 s.1(3), R2.
        if (Basis is null)
        {
            ModelState.AddModelError(nameof(Basis), "Select why the force may apply against the respondent (SPA 2019 s.1(3), R2)");
        }

        if (string.IsNullOrWhiteSpace(Notes))
        {
            ModelState.AddModelError(nameof(Notes), "Enter what supports this, for example the respondent's address (R2)");
        }
        else if (Notes.Length > Application.NotesMaxLength)
        {
            ModelState.AddModelError(nameof(Notes), $"Notes must be {Application.NotesMaxLength} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await applications.SetJurisdictionAsync(new SetJurisdictionOptions(Id, Basis, Notes, Version), User.ToActor(), ct);
            SetFlash("Jurisdiction recorded");
            return Redirect(ApplicationUrl);
        }
        catch (DbUpdateConcurrencyException)
        {
            await ShowConflictWithCurrentValuesAsync(db, ct);
            ShowCurrent();
            return Page();
        }
        catch (RuleViolationException e)
        {
            AddRuleViolations(e, new Dictionary<string, string> { ["jurisdictionNotes"] = nameof(Notes) });
            return Page();
        }
    }

    private void ShowCurrent()
    {
        Basis = Application.JurisdictionBasis;
        Notes = Application.JurisdictionNotes;
        Version = Application.Version;
    }
}
