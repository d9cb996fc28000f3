using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Web.Infrastructure.Journeys;

namespace StalkingProtection.Web.Pages.Workspace.People.MergePeople;

/// <summary>Two records side by side, and which one to keep.</summary>
public class IndexModel(StalkingProtectionDbContext db, PersonMergeService people) : MergePeoplePageModel(db)
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

    public (PersonRecord, string, PersonRecord, string) Comparison => (FirstRecord, "First record", SecondRecord, "Second record");

    public IReadOnlyList<SelectListItem> Choices =>
    [
        new($"Keep the first record ({FirstRecord.Name}, added {Display.Date(Core.Time.LondonTime.DateOf(FirstRecord.CreatedAt))})", FirstRecord.Id.ToString()),
        new($"Keep the second record ({SecondRecord.Name}, added {Display.Date(Core.Time.LondonTime.DateOf(SecondRecord.CreatedAt))})", SecondRecord.Id.ToString()),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        FirstVersion = FirstRecord.Version;
        SecondVersion = SecondRecord.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (KeepId != First && KeepId != Second)
        {
            ModelState.AddModelError(nameof(KeepId), "Select the record you want to keep");
            return Page();
        }

        var keepFirst = KeepId == First;
        var journey = Guid.NewGuid();
        JourneyState.Save(TempData, journey, keepFirst
            ? new MergeState(First, FirstVersion, Second, SecondVersion, null)
            : new MergeState(Second, SecondVersion, First, FirstVersion, null));
        return Redirect($"/workspace/people/merge-people/reason/{journey}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
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

        var visible = await VisibilityAsync([first, second], ct);
        FirstRecord = first;
        SecondRecord = second;
        return visible(first) && visible(second);
    }
}
