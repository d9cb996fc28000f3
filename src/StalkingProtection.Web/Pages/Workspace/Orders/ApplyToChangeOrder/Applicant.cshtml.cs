using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Orders.ApplyToChangeOrder;

/// <summary>Who applies: the defendant or a relevant chief officer (SPA 2019 s.4, s.5(7), R20).</summary>
public class ApplicantModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : ApplyToChangeStep(db, timeProvider)
{
    [BindProperty]
    [Display(Name = "Who is applying?")]
    public ApplicantParty? ApplicantParty { get; set; }

    [BindProperty]
    [Display(Name = "Chief officer's police force")]
    public PoliceForce? ApplicantForce { get; set; }

    /// <summary>SPA 2019 s.4, s.5(7), R20: who may apply for this order today.</summary>
    public IReadOnlyCollection<PoliceForce> RelevantChiefOfficers { get; private set; } = [];

    public override string BackHref => WithJourney(OrderLinks.Journey(Name, Id));

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await base.LoadAsync(ct))
        {
            return false;
        }

        var respondent = await Db.Respondents.AsNoTracking().SingleAsync(r => r.Id == Order.RespondentId, ct);
        RelevantChiefOfficers = RelevantChiefOfficer.For(Order, respondent, Today);
        return true;
    }

    protected override void Validate()
    {
        ApplicantInput.Validate(ApplicantParty, ApplicantForce, ModelState);
        if (ApplicantParty is { } party && (party == Core.Applications.ApplicantParty.Defendant || ApplicantForce is not null))
        {
            // SPA 2019 s.4, s.5(7), R20: the check Core makes on save.
            ShowViolations(RelevantChiefOfficer.Check(party, ApplicantForce, RelevantChiefOfficers, Order.Kind).Violations);
        }
    }

    protected override void Answer(ChangeApplicationAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        answers.ApplicantParty = ApplicantParty;
        answers.ApplicantForce = ApplicantForce;
    }

    protected override void Fill(ChangeApplicationAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ApplicantParty = answers.ApplicantParty;
        ApplicantForce = answers.ApplicantForce;
    }

    protected override string CheckAnswersUrl(Guid journey) => OrderLinks.JourneyStep(Name, "details", Id, journey);
}
