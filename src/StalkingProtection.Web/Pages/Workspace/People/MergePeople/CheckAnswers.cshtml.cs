using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.People.MergePeople;

public class CheckAnswersModel(StalkingProtectionDbContext db, PersonMergeService people) : MergePeoplePageModel(db)
{
    [BindProperty(SupportsGet = true)]
    public Guid Journey { get; set; }

    public MergeState State { get; private set; } = null!;

    public PersonRecord Keep { get; private set; } = null!;

    public PersonRecord Merge { get; private set; } = null!;

    public bool BothRespondents => Keep.Roles.Any(r => r.Kind == PersonRoleKind.Respondent) && Merge.Roles.Any(r => r.Kind == PersonRoleKind.Respondent);

    public (PersonRecord, string, PersonRecord, string) Comparison => (Keep, "Record to keep", Merge, "Record to merge into it");

    public string ReasonHref => $"/workspace/people/merge-people/reason/{Journey}";

    public string ChooseHref => $"/workspace/people/merge-people/{State.KeepId}/{State.MergeId}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } other)
        {
            return other;
        }

        if (Keep.Version != State.KeepVersion || Merge.Version != State.MergeVersion)
        {
            return ConflictPage();
        }

        try
        {
            await people.MergeAsync(new MergePeopleOptions(State.KeepId, State.KeepVersion, State.MergeId, State.MergeVersion, State.Reason ?? ""), User.ToActor(), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await LoadAsync(ct);
            return ConflictPage();
        }
        catch (RuleViolationException e)
        {
            AddRuleViolations(e);
            return Page();
        }

        JourneyState.Clear(TempData, Journey);
        return Redirect($"/workspace/people/merge-people/confirmation/{State.KeepId}");
    }

    private IActionResult ConflictPage()
    {
        ShowConflict();
        State = State with { KeepVersion = Keep.Version, MergeVersion = Merge.Version };
        JourneyState.Save(TempData, Journey, State);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (JourneyState.Load<MergeState>(TempData, Journey) is not { } state)
        {
            return Redirect("/workspace/people/duplicates");
        }

        State = state;
        if (state.Reason is null)
        {
            return Redirect(ReasonHref);
        }

        var records = await people.DescribeAsync([state.KeepId, state.MergeId], ct);
        if (!records.TryGetValue(state.KeepId, out var keep) || !records.TryGetValue(state.MergeId, out var merge))
        {
            return NotFound();
        }

        var visible = await VisibilityAsync([keep, merge], ct);
        if (!visible(keep) || !visible(merge))
        {
            return NotFound();
        }

        Keep = keep;
        Merge = merge;
        return null;
    }
}
