using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Cases.RecordVictimContact;

public class CheckAnswersModel(StalkingProtectionDbContext db, ReviewService reviews) : CaseWorkPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid Journey { get; set; }

    public VictimContactState State { get; private set; } = null!;

    public string VictimName { get; private set; } = "";

    public string ChangeHref => $"/workspace/cases/record-victim-contact/{Id}?journey={Journey}";

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
            await reviews.RecordVictimContactAsync(new RecordVictimContactOptions(s.VictimId, null, s.EventType, LondonTime.ToUtc(s.OccurredOn, s.OccurredAt),
                s.Channel, s.Summary), User.ToActor(), ct);
            JourneyState.Clear(TempData, Journey);
            SetFlash("Contact recorded");
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

        if (JourneyState.Load<VictimContactState>(TempData, Journey) is not { } state
            || await db.Victims.AsNoTracking().SingleOrDefaultAsync(v => v.Id == state.VictimId && v.CaseId == Id, ct) is not { } victim)
        {
            return Redirect($"/workspace/cases/record-victim-contact/{Id}");
        }

        State = state;
        VictimName = victim.Person.PrimaryName.FullName;
        return null;
    }
}
