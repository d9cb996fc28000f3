using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Applications.AddProtectedPerson;

public class IndexModel(StalkingProtectionDbContext db, ApplicationService applications) : ApplicationPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    [Display(Name = "Who is the order to protect?")]
    public Guid? VictimId { get; set; }

    [BindProperty]
    public long Version { get; set; }

    public IReadOnlyList<SelectListItem> People { get; private set; } = [];

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

        if (VictimId is null || People.All(p => p.Value != VictimId.ToString()))
        {
            ModelState.AddModelError(nameof(VictimId), "Select the person the order is to protect");
            return Page();
        }

        try
        {
            await applications.AddProtectedPersonAsync(new AddProtectedPersonOptions(Id, VictimId.Value, Version), User.ToActor(), ct);
            SetFlash("Person to protect added");
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
            AddRuleViolations(e, new Dictionary<string, string> { ["protectedPersonIds"] = nameof(VictimId) });
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadApplicationAsync(db, Id, ct))
        {
            return false;
        }

        // SPA 2019 s.1(1)(c), R4: anyone on the case may be offered; a victim who is not recorded as a person to protect is refused by the rule.
        var victims = await db.Victims.AsNoTracking().Where(v => v.CaseId == Case.Id).ToListAsync(ct);
        var named = Application.ProtectedPersons.Select(p => p.VictimId).ToHashSet();
        People = victims.Where(v => !named.Contains(v.Id))
            .Select(v => new SelectListItem($"{v.Person.PrimaryName.FullName} ({Role(v.Role)})", v.Id.ToString())).ToList();
        return true;
    }

    private static string Role(VictimRole role) => role switch
    {
        VictimRole.DirectVictim => "victim",
        VictimRole.ProtectedPerson => "person to protect",
        _ => "victim and person to protect",
    };
}
