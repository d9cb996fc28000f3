using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;
using StalkingProtection.Web.Pages.Workspace.Cases.RecordAct;

namespace StalkingProtection.Web.Pages.Workspace.Cases.EditAct;

public class CheckAnswersModel(StalkingProtectionDbContext db, CaseService cases) : CaseWorkPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid ActId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid Journey { get; set; }

    public EditActState State { get; private set; } = null!;

    /// <summary>After a conflict: the act as it is now saved.</summary>
    public RecordActState? Current { get; private set; }

    public string ChangeHref => $"/workspace/cases/edit-act/{Id}/{ActId}?journey={Journey}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } early)
        {
            return early;
        }

        var s = State.Act;
        try
        {
            await cases.AmendActAsync(new AmendActOptions(Id, ActId, LondonTime.StartOfDayUtc(s.OccurredFrom), s.OccurredTo is { } to ? LondonTime.StartOfDayUtc(to) : null,
                s.LocationCountry, s.Location, ActCategoryChoices.Combine(s.Categories), s.OtherCategoryDescription, s.Channel, s.TargetVictimId, s.Description,
                State.Reason, State.Version), User.ToActor(), ct);
            JourneyState.Clear(TempData, Journey);
            SetFlash("Act changed");
            return Redirect(CaseLinks.View(Id));
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            Current = EditActForms.StateOf(await db.StalkingActs.AsNoTracking().SingleAsync(a => a.Id == ActId, ct));
            JourneyState.Clear(TempData, Journey);
            ShowConflict();
            return Page();
        }
        catch (RuleViolationException e)
        {
            AddRuleViolations(e);
            return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await FindVisibleCaseAsync(db, Id, ct) is null || !await db.StalkingActs.AnyAsync(a => a.Id == ActId && a.CaseId == Id, ct))
        {
            return NotFound();
        }

        if (JourneyState.Load<EditActState>(TempData, Journey) is not { } state)
        {
            return Redirect($"/workspace/cases/edit-act/{Id}/{ActId}");
        }

        State = state;
        return null;
    }
}
