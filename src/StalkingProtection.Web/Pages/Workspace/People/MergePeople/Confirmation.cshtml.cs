using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;

namespace StalkingProtection.Web.Pages.Workspace.People.MergePeople;

public class ConfirmationModel(StalkingProtectionDbContext db, PersonMergeService people) : MergePeoplePageModel(db)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public PersonRecord Kept { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var records = await people.DescribeAsync([Id], ct);
        if (!records.TryGetValue(Id, out var kept) || !(await VisibilityAsync([kept], ct))(kept))
        {
            return NotFound();
        }

        Kept = kept;
        return Page();
    }
}
