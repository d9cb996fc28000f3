using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Applications.AmendChangeSought;

/// <summary>Checks what the application asks for, and why, and saves it (SPA 2019 s.4, R21).</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, ApplicationService applications) : ApplicationCheckAnswersPageModel<AmendChangeSoughtAnswers>(db)
{
    public override string SaveButton => "Save the answers";

    protected override string JourneyName => ApplicationJourneys.AmendChangeSought;

    public static string YesNoText(YesNo? value) => value switch { YesNo.Yes => "Yes", YesNo.No => "No", _ => "Not said" };

    protected override bool HasTask(Application application) => !application.IsForOrder;

    protected override async Task<IActionResult> SaveAsync(AmendChangeSoughtAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var done = await applications.AmendChangeSoughtAsync(new AmendChangeSoughtOptions(Id, answers.ChangeSought,
            answers.AddsOrTightens is { } adds ? adds == YesNo.Yes : null, answers.NecessityRationale, answers.Version), Actor, ct);
        return BackToApplication(done.Explain());
    }
}
