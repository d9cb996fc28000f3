using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.People.MergePeople;

/// <summary>Confirms a merge of two records of one person, after comparing them once more.</summary>
[Authorize(Policy = Policies.Triage)]
public class CheckAnswersModel(StalkingProtectionDbContext db, PersonMergeService people) : CheckAnswersPageModel<MergeState>
{
    public PersonRecord Keep { get; private set; } = null!;

    public PersonRecord Merge { get; private set; } = null!;

    public bool BothRespondents => Keep.Roles.Any(r => r.Kind == PersonRoleKind.Respondent) && Merge.Roles.Any(r => r.Kind == PersonRoleKind.Respondent);

    public (PersonRecord, string, PersonRecord, string) Comparison => (Keep, "Record to keep", Merge, "Record to merge into it");

    public string ReasonHref => PeopleLinks.MergeReason(Journey);

    public string ChooseHref => PeopleLinks.Merge(Answers.KeepId, Answers.MergeId);

    public override string QuestionUrl => PeopleLinks.Duplicates;

    public override string ChangeHref => ReasonHref;

    public override string ConflictRecord => "record";

    public override string SaveButton => "Confirm";

    /// <summary>Both records, when the journey's answers are still kept; a record the user may not see answers 404 (S4).</summary>
    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (JourneyState.Load<MergeState>(TempData, Journey) is not { } kept)
        {
            return true;
        }

        var records = await people.DescribeAsync([kept.KeepId, kept.MergeId], ct);
        if (!records.TryGetValue(kept.KeepId, out var keep) || !records.TryGetValue(kept.MergeId, out var merge))
        {
            return false;
        }

        var visible = await PeopleVisibility.OfAsync(db, User, [keep, merge], ct);
        (Keep, Merge) = (keep, merge);
        return visible(keep) && visible(merge);
    }

    /// <summary>Answers without a reason go back to the start: the reason is asked before the records are merged.</summary>
    protected override Task<bool> DescribeAsync(MergeState answers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return Task.FromResult(answers.Reason is not null);
    }

    protected override async Task<IActionResult> SaveAsync(MergeState answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);

        // RL4: either record changed since the user compared them.
        if (Keep.Version != answers.KeepVersion || Merge.Version != answers.MergeVersion)
        {
            return await ShowConflictAsync(ct);
        }

        var merged = await people.MergeAsync(new MergePeopleOptions(answers.KeepId, answers.KeepVersion, answers.MergeId, answers.MergeVersion, answers.Reason ?? ""),
            Actor, ct);
        Flash.Set(TempData, merged.Explain());
        return Redirect(PeopleLinks.MergeConfirmation(answers.KeepId));
    }

    protected override void OnConflict(MergeState answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        (answers.KeepVersion, answers.MergeVersion) = (Keep.Version, Merge.Version);
    }
}
