using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Applications.LodgeApplication;

/// <summary>Check your answers for the whole application; lodging checks R2, R3, R4, R7 and R18 together.</summary>
public class IndexModel(StalkingProtectionDbContext db, ApplicationService applications, TimeProvider timeProvider) : ApplicationPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public long Version { get; set; }

    /// <summary>Blank for today; an earlier date records an application made before it was entered here (every rule is checked on it).</summary>
    [BindProperty]
    [Display(Name = "Date the application was made to the court")]
    public DateOnly? LodgedOn { get; set; }

    public Respondent Respondent { get; private set; } = null!;

    public IReadOnlyList<Victim> ProtectedPersons { get; private set; } = [];

    public DateOnly Today => timeProvider.UkToday;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Version = Application.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await applications.SubmitAsync(new SubmitApplicationOptions(Id, Version, LodgedOn), User.ToActor(), ct);
            SetFlash("Application lodged with the court");
            return Redirect(ApplicationUrl);
        }
        catch (DbUpdateConcurrencyException)
        {
            await ShowConflictWithCurrentValuesAsync(db, ct);
            Version = Application.Version;
            return Page();
        }
        catch (RuleViolationException e)
        {
            AddRuleViolations(e);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadApplicationAsync(db, Id, ct))
        {
            return false;
        }

        Respondent = await db.Respondents.AsNoTracking().SingleAsync(r => r.Id == Application.RespondentId, ct);
        var ids = Application.ProtectedPersons.Select(p => p.VictimId).ToList();
        ProtectedPersons = await db.Victims.AsNoTracking().Where(v => ids.Contains(v.Id)).ToListAsync(ct);
        return true;
    }
}
