using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Web.Pages.Workspace.Applications.ProposeCondition;

public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : ApplicationPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ProposedConditionList List { get; private set; } = null!;

    /// <summary>SPA 2019 s.2(6)–(7), R11: the conditions of the respondent's orders in force today.</summary>
    public IReadOnlyList<Condition> ExistingConditions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadApplicationAsync(db, Id, ct))
        {
            return NotFound();
        }

        var today = timeProvider.UkToday;
        var mainId = Application.MainApplicationId ?? Application.Id;
        var others = await db.Orders.AsNoTracking().Where(o => o.RespondentId == Application.RespondentId && o.EndedOn == null).ToListAsync(ct);
        ExistingConditions = others.Where(o => o.IsInForceOn(today) && o.MainApplicationId != mainId).SelectMany(o => o.ConditionsInForceOn(today)).ToList();
        List = new ProposedConditionList(Application.ProposedConditions, await ProposedConditionText.PeopleAsync(db, Application, ct),
            Application.Status == ApplicationStatus.Draft && Application.IsForOrder);
        return Page();
    }
}
