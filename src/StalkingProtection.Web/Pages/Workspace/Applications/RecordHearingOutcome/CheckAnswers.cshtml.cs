using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Applications.RecordHearingOutcome;

/// <summary>Checks the outcome and records it: an adjournment on the hearing, or a refusal or withdrawal that determines the application.</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, HearingService hearings) : ApplicationCheckAnswersPageModel<HearingOutcomeAnswers>(db)
{
    public Hearing Hearing { get; private set; } = null!;

    protected override string JourneyName => ApplicationJourneys.RecordHearingOutcome;

    protected override IReadOnlyDictionary<string, string> Questions { get; } =
        new Dictionary<string, string> { ["determination"] = nameof(IndexModel.Outcome), ["adjournmentReason"] = nameof(IndexModel.Reason) };

    protected override async Task<Guid?> ApplicationIdAsync(CancellationToken ct)
    {
        if (await IndexModel.FindHearingAsync(Db, Id, ct) is not { } hearing)
        {
            return null;
        }

        Hearing = hearing;
        return hearing.ApplicationId;
    }

    protected override async Task<IActionResult> SaveAsync(HearingOutcomeAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Outcome == HearingResult.Adjourned)
        {
            var adjourned = await hearings.AdjournHearingAsync(new AdjournHearingOptions(Hearing.Id, answers.Reason ?? "",
                answers.NextHearingOn is { } next ? LondonTime.ToUtc(next, new TimeOnly(10, 0)) : null), Actor, ct);
            return BackToApplication(adjourned.Explain());
        }

        // SPA 2019 s.5(6)(b), R17: determining the main application ceases its interim orders (in the service).
        var determination = answers.Outcome == HearingResult.Refused ? Determination.Refused : Determination.Withdrawn;
        var determined = await hearings.DetermineAtHearingAsync(Hearing.Id, new DetermineApplicationOptions(Application.Id, determination, answers.Reason ?? "",
            answers.Version, answers.DecidedOn), Actor, ct);
        return BackToApplication(determined.Explain());
    }
}
