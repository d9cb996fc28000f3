using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Cases.AddPerson;

public class CheckAnswersModel(StalkingProtectionDbContext db, CaseService cases) : CaseWorkPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid Journey { get; set; }

    public AddPersonState State { get; private set; } = null!;

    public string ChangeHref => $"/workspace/cases/add-person/{Id}?journey={Journey}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } early)
        {
            return early;
        }

        var s = State;
        var person = new PersonDetails(s.GivenNames, s.FamilyName, s.DateOfBirth, s.Gender, s.PncId);
        try
        {
            if (s.Role == PersonRole.Respondent)
            {
                if ((await FindVisibleCaseAsync(db, Id, ct))!.RespondentId is not null)
                {
                    ModelState.AddModelError(string.Empty, "The case already has a respondent");
                    return Page();
                }

                await cases.AddRespondentAsync(new AddRespondentOptions(Id, person, s.HomeAddress, s.HomeAddressPoliceArea, null), User.ToActor(), ct);
            }
            else
            {
                var role = s.Role switch { PersonRole.DirectVictim => VictimRole.DirectVictim, PersonRole.ProtectedPerson => VictimRole.ProtectedPerson, _ => VictimRole.Both };
                await cases.AddVictimAsync(new AddVictimOptions(Id, person, role, s.Relationship!.Value), User.ToActor(), ct);
            }

            JourneyState.Clear(TempData, Journey);
            SetFlash("Person added");
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

        if (JourneyState.Load<AddPersonState>(TempData, Journey) is not { } state)
        {
            return Redirect($"/workspace/cases/add-person/{Id}");
        }

        State = state;
        return null;
    }
}
