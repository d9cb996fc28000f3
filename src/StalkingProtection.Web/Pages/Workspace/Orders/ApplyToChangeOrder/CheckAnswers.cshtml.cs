using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Orders.ApplyToChangeOrder;

/// <summary>Checks the application to vary, renew or discharge the order and drafts it (SPA 2019 s.4, s.5(7)).</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, TimeProvider timeProvider, ApplicationService applications)
    : OrderCheckAnswersPageModel<ChangeApplicationAnswers>(db, timeProvider)
{
    public string ApplicantHref => OrderLinks.JourneyStep(JourneyName, "applicant", Id, Journey);

    public string DetailsHref => OrderLinks.JourneyStep(JourneyName, "details", Id, Journey);

    public DateOnly EarliestDischargeWithoutConsent => Core.Time.StatutoryDates.EarliestDischargeWithoutConsent(Order.MadeOn);

    public bool EarlyDischarge => ApplyToChangeStep.IsEarlyDischarge(Answers, Order, Today);

    protected override string JourneyName => ApplyToChangeStep.Name;

    /// <summary>Answers missing a question (a page skipped) go back to the first question with those kept.</summary>
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (JourneyState.Load<ChangeApplicationAnswers>(TempData, Journey) is { } answers && !answers.Complete())
        {
            context.Result = Redirect(ChangeHref);
        }
    }

    protected override async Task<IActionResult> SaveAsync(ChangeApplicationAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var type = answers.Type!.Value;
        var party = answers.ApplicantParty!.Value;
        var drafted = await applications.CreateChangeAsync(new CreateChangeApplicationOptions(Id, type, party,
            party == ApplicantParty.ChiefOfficer ? answers.ApplicantForce : null, Order.CourtName,
            answers.NeedsNecessity() || !string.IsNullOrWhiteSpace(answers.NecessityRationale) ? answers.NecessityRationale : null, answers.ChangeSought,
            type == ApplicationType.Variation ? answers.AddsOrTightens == true : null, answers.Version), Actor, ct);
        Flash.Set(TempData, drafted.Explain());
        return Redirect(ApplicationLinks.View(drafted.ApplicationId));
    }
}
