using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Applications.ChooseCourt;

/// <summary>Checks the court and records it (R7 is checked again on the day the application is lodged).</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, ApplicationService applications) : ApplicationCheckAnswersPageModel<CourtAnswers>(db)
{
    protected override string JourneyName => ApplicationJourneys.ChooseCourt;

    protected override async Task<IActionResult> SaveAsync(CourtAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var done = await applications.ChooseCourtAsync(new ChooseCourtOptions(Id, answers.Venue, answers.CourtName, answers.Version), Actor, ct);
        return BackToApplication(done.Explain());
    }
}
