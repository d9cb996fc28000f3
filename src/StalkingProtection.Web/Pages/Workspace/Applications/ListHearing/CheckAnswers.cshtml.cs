using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Applications.ListHearing;

/// <summary>Checks the hearing and lists it on the application.</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, HearingService hearings) : ApplicationCheckAnswersPageModel<ListHearingAnswers>(db)
{
    protected override string JourneyName => ApplicationJourneys.ListHearing;

    protected override async Task<IActionResult> SaveAsync(ListHearingAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var listed = await hearings.ListHearingAsync(new ListHearingOptions(Id, LondonTime.ToUtc(answers.HearingOn, answers.HearingAt), answers.CourtName), Actor, ct);
        return BackToApplication(listed.Explain());
    }
}
