using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordBreach;

/// <summary>Checks the breach and records it (SPA 2019 s.8(1), R35, R36); an incident before service needs a reason to go ahead.</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, TimeProvider timeProvider, BreachService breaches)
    : OrderCheckAnswersPageModel<BreachAnswers>(db, timeProvider)
{
    protected override string JourneyName => IndexModel.Name;

    protected override async Task<IActionResult> SaveAsync(BreachAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var recorded = await breaches.RecordBreachAsync(
            new RecordBreachOptions(Id, answers.ConditionId, answers.IncidentAt, answers.IncidentLocation, answers.Description, null, @override), Actor, ct);
        Flash.Set(TempData, $"{recorded.Explain()} Re-screen the risk to the victim now: a breach may raise it. Tell the victim, and record the arrest, charge and outcome as they happen.");
        return Redirect(OrderLinks.RecordJourney(Outcome.IndexModel.Name, Id, recorded.BreachId));
    }

    protected override string FieldKey(string field) => field == "incidentAt" ? nameof(IndexModel.IncidentOn) : base.FieldKey(field);
}
