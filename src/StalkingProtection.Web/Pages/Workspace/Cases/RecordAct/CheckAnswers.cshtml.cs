using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Cases.RecordAct;

public class CheckAnswersModel(StalkingProtectionDbContext db, CaseService cases) : CaseWorkPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid Journey { get; set; }

    public RecordActState State { get; private set; } = null!;

    public string TargetName { get; private set; } = "Not recorded";

    public string ChangeHref => $"/workspace/cases/record-act/{Id}?journey={Journey}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } early)
        {
            return early;
        }

        try
        {
            var s = State;
            await cases.RecordActAsync(new RecordActOptions(Id, LondonTime.StartOfDayUtc(s.OccurredFrom), s.OccurredTo is { } to ? LondonTime.StartOfDayUtc(to) : null,
                s.LocationCountry, s.Location, ActCategoryChoices.Combine(s.Categories), s.OtherCategoryDescription, s.Channel, s.TargetVictimId, s.Description),
                User.ToActor(), ct);
            JourneyState.Clear(TempData, Journey);
            SetFlash("Act recorded");
            return Redirect($"/workspace/cases/{Id}");
        }
        catch (RuleViolationException e)
        {
            AddRuleViolations(e);
            return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await FindVisibleCaseAsync(db, Id, ct) is null)
        {
            return NotFound();
        }

        if (JourneyState.Load<RecordActState>(TempData, Journey) is not { } state)
        {
            return Redirect($"/workspace/cases/record-act/{Id}");
        }

        State = state;
        if (state.TargetVictimId is { } target && await db.Victims.AsNoTracking().SingleOrDefaultAsync(v => v.Id == target && v.CaseId == Id, ct) is { } victim)
        {
            TargetName = victim.Person.PrimaryName.FullName;
        }

        return null;
    }
}
