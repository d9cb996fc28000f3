using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.People.MergePeople;

/// <summary>Two records side by side, and which one to keep. Merging is for officers and coordinators.</summary>
[Authorize(Policy = Policies.Triage)]
public class IndexModel(StalkingProtectionDbContext db, PersonMergeService people) : QuestionPageModel<MergeState>
{
    [BindProperty(SupportsGet = true)]
    public Guid First { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid Second { get; set; }

    [BindProperty]
    [Display(Name = "Which record do you want to keep?")]
    public Guid? KeepId { get; set; }

    [BindProperty]
    public long FirstVersion { get; set; }

    [BindProperty]
    public long SecondVersion { get; set; }

    public PersonRecord FirstRecord { get; private set; } = null!;

    public PersonRecord SecondRecord { get; private set; } = null!;

    public override string ConflictRecord => "record";

    public (PersonRecord, string, PersonRecord, string) Comparison => (FirstRecord, "First record", SecondRecord, "Second record");

    public IReadOnlyList<SelectListItem> Choices =>
    [
        new($"Keep the first record ({FirstRecord.Name}, added {Display.Date(Core.Time.LondonTime.DateOf(FirstRecord.CreatedAt))})", FirstRecord.Id.ToString()),
        new($"Keep the second record ({SecondRecord.Name}, added {Display.Date(Core.Time.LondonTime.DateOf(SecondRecord.CreatedAt))})", SecondRecord.Id.ToString()),
    ];

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (First == Second)
        {
            return false;
        }

        var records = await people.DescribeAsync([First, Second], ct);
        if (!records.TryGetValue(First, out var first) || !records.TryGetValue(Second, out var second) || first.MergedIntoId is not null
            || second.MergedIntoId is not null)
        {
            return false;
        }

        var visible = await PeopleVisibility.OfAsync(db, User, [first, second], ct);
        FirstRecord = first;
        SecondRecord = second;
        return visible(first) && visible(second);
    }

    /// <summary>RL4: the versions of both records when the user compared them.</summary>
    protected override void Prefill() => (FirstVersion, SecondVersion) = (FirstRecord.Version, SecondRecord.Version);

    protected override void Restore(MergeState answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        KeepId = answers.KeepId;
        (FirstVersion, SecondVersion) = answers.KeepId == First ? (answers.KeepVersion, answers.MergeVersion) : (answers.MergeVersion, answers.KeepVersion);
    }

    protected override void Validate() => Require(KeepId == First || KeepId == Second, nameof(KeepId), "Select the record you want to keep");

    protected override MergeState Capture() => KeepId == First
        ? new MergeState { KeepId = First, KeepVersion = FirstVersion, MergeId = Second, MergeVersion = SecondVersion }
        : new MergeState { KeepId = Second, KeepVersion = SecondVersion, MergeId = First, MergeVersion = FirstVersion };

    protected override string CheckAnswersUrl(Guid journey) => PeopleLinks.MergeReason(journey);
}
