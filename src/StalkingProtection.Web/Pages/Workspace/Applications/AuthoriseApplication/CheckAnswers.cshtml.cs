using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Applications.AuthoriseApplication;

/// <summary>Checks the coordinator's decision and records it: authorised, or returned with comments.</summary>
[Authorize(Policy = Policies.Coordinator)]
public class CheckAnswersModel(StalkingProtectionDbContext db, ApplicationService applications)
    : ApplicationCheckAnswersPageModel<AuthorisationAnswers>(db)
{
    protected override string JourneyName => ApplicationJourneys.Authorise;

    protected override async Task<IActionResult> SaveAsync(AuthorisationAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Decision == AuthorisationDecision.Approve)
        {
            var authorised = await applications.AuthoriseAsync(new AuthoriseApplicationOptions(Id, answers.Version, answers.AuthorisedOn), Actor, ct);
            return BackToApplication(authorised.Explain());
        }

        var returned = await applications.ReturnAsync(new ReturnApplicationOptions(Id, answers.Comments ?? "", answers.Version), Actor, ct);
        return BackToApplication(returned.Explain());
    }
}
