using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Pages.Workspace.Cases.RecordAct;

namespace StalkingProtection.Web.Pages.Workspace.Cases.EditAct;

public sealed record EditActState(RecordActState Act, string Reason, long Version);

public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : ActFormPageModel(db, timeProvider)
{
    [BindProperty(SupportsGet = true)]
    public Guid ActId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Journey { get; set; }

    [BindProperty]
    [Display(Name = "Why are you changing the record of this act?")]
    public string? Reason { get; set; }

    /// <summary>RL4: the case's version when the page was opened.</summary>
    [BindProperty]
    public long Version { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await FindVisibleCaseAsync(Db, Id, ct) is not { } stalkingCase
            || await Db.StalkingActs.AsNoTracking().SingleOrDefaultAsync(a => a.Id == ActId && a.CaseId == Id, ct) is not { } act)
        {
            return NotFound();
        }

        if (Journey is { } journey && JourneyState.Load<EditActState>(TempData, journey) is { } s)
        {
            Show(s.Act);
            (Reason, Version) = (s.Reason, s.Version);
        }
        else
        {
            Show(EditActForms.StateOf(act));
            Version = stalkingCase.Version;
        }

        await LoadVictimsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await FindVisibleCaseAsync(Db, Id, ct) is null || !await Db.StalkingActs.AnyAsync(a => a.Id == ActId && a.CaseId == Id, ct))
        {
            return NotFound();
        }

        var valid = await ValidateAsync(ct);

        // DPA 2018 s.62: an alteration of personal data records why.
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter why you are changing the record of this act");
            valid = false;
        }
        else if (Reason.Length > AuditEntry.JustificationMaxLength)
        {
            ModelState.AddModelError(nameof(Reason), $"Reason must be {AuditEntry.JustificationMaxLength} characters or fewer");
            valid = false;
        }

        if (!valid)
        {
            return Page();
        }

        var journey = Journey ?? Guid.NewGuid();
        JourneyState.Save(TempData, journey, new EditActState(ToState(), Reason!.Trim(), Version));
        return Redirect($"/workspace/cases/edit-act/check-answers/{Id}/{ActId}/{journey}");
    }
}

public static class EditActForms
{
    public static RecordActState StateOf(StalkingAct act) => new(LondonTime.DateOf(act.OccurredFrom), act.OccurredTo is { } to ? LondonTime.DateOf(to) : null,
        act.LocationCountry, act.Location, Enum.GetValues<ActCategory>().Where(c => c != ActCategory.None && act.Categories.HasFlag(c)).ToList(),
        act.OtherCategoryDescription, act.Channel, act.TargetVictimId, act.Description);
}
