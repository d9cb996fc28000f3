using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Web.Pages.Workspace.Cases.AddPerson;

public class CheckAnswersModel(StalkingProtectionDbContext db, CaseService cases) : CaseCheckPageModel<AddPersonState>(db)
{
    public override string SaveButton => "Add person";

    protected override string JourneyName => IndexModel.Name;

    protected override async Task<IActionResult> SaveAsync(AddPersonState answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var person = new PersonDetails(answers.GivenNames, answers.FamilyName, answers.DateOfBirth, answers.Gender, answers.PncId);
        if (answers.Role == PersonRole.Respondent)
        {
            // A respondent added in another tab since the question was answered.
            if (Case.RespondentId is not null)
            {
                throw new RuleViolationException([new RuleViolation("Input", "role", "The case already has a respondent", "")]);
            }

            return BackToCase((await cases.AddRespondentAsync(new AddRespondentOptions(Id, person, answers.HomeAddress, answers.HomeAddressPoliceArea, null), Actor, ct))
                .Explain());
        }

        var role = answers.Role switch { PersonRole.DirectVictim => VictimRole.DirectVictim, PersonRole.ProtectedPerson => VictimRole.ProtectedPerson, _ => VictimRole.Both };
        return BackToCase((await cases.AddVictimAsync(new AddVictimOptions(Id, person, role, answers.Relationship!.Value), Actor, ct)).Explain());
    }
}
