using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Applications.SetJurisdiction;

/// <summary>Checks why the force may apply and records it (SPA 2019 s.1(3), R2).</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, ApplicationService applications) : ApplicationCheckAnswersPageModel<JurisdictionAnswers>(db)
{
    protected override string JourneyName => ApplicationJourneys.SetJurisdiction;

    protected override IReadOnlyDictionary<string, string> Questions { get; } =
        new Dictionary<string, string> { ["jurisdictionNotes"] = nameof(IndexModel.Notes), ["jurisdictionBasis"] = nameof(IndexModel.Basis) };

    protected override async Task<IActionResult> SaveAsync(JurisdictionAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var done = await applications.SetJurisdictionAsync(new SetJurisdictionOptions(Id, answers.Basis, answers.Notes, answers.Version), Actor, ct);
        return BackToApplication(done.Explain());
    }
}
