using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Cases.AddPerson;

public class CheckAnswersModel(StalkingProtectionDbContext db, CaseService cases) : CaseCheckAnswersPageModel<AddPersonState>(db)
{
    protected override string JourneyPath => "add-person";

    protected override async Task<string?> SaveAsync(CancellationToken ct)
    {
        var s = State;
        var person = new PersonDetails(s.GivenNames, s.FamilyName, s.DateOfBirth, s.Gender, s.PncId);
        if (s.Role == PersonRole.Respondent)
        {
            if ((await FindVisibleCaseAsync(Db, Id, ct))!.RespondentId is not null)
            {
                ModelState.AddModelError(string.Empty, "The case already has a respondent");
                return null;
            }

            await cases.AddRespondentAsync(new AddRespondentOptions(Id, person, s.HomeAddress, s.HomeAddressPoliceArea, null), User.ToActor(), ct);
        }
        else
        {
            var role = s.Role switch { PersonRole.DirectVictim => VictimRole.DirectVictim, PersonRole.ProtectedPerson => VictimRole.ProtectedPerson, _ => VictimRole.Both };
            await cases.AddVictimAsync(new AddVictimOptions(Id, person, role, s.Relationship!.Value), User.ToActor(), ct);
        }

        return "Person added";
    }
}
