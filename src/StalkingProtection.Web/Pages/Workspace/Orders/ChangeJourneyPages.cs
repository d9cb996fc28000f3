using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Journeys;

namespace StalkingProtection.Web.Pages.Workspace.Orders;

/// <summary>A page recording the court's decision on an application to change the order, when the journey came from one.</summary>
public interface IChangeApplicationPage
{
    Application? ChangeApplication { get; }
}

/// <summary>The answers of the court's variation, renewal or discharge: the applicant (R20) and the application decided, if any.</summary>
public abstract class ChangeAnswers : OrderAnswers
{
    public Guid? ApplicationId { get; set; }

    public ApplicantParty? ApplicantParty { get; set; }

    public PoliceForce? ApplicantForce { get; set; }
}

/// <summary>
/// The questions of the court's variation, renewal or discharge (SPA 2019 s.4, s.5(7)). Opened from a granted application, the
/// journey is tied to it (<c>?applicationId=</c>): the applicant comes from the application (R20) and it is determined with the change.
/// </summary>
public abstract class ChangeQuestionPageModel<TAnswers>(StalkingProtectionDbContext db, TimeProvider timeProvider, ApplicationType type)
    : OrderQuestionPageModel<TAnswers>(db, timeProvider), IChangeApplicationPage
    where TAnswers : ChangeAnswers
{
    [BindProperty(SupportsGet = true)]
    public Guid? ApplicationId { get; set; }

    public Application? ChangeApplication { get; private set; }

    /// <summary>SPA 2019 s.4, s.5(7), R20: who may apply for this order today.</summary>
    public IReadOnlyCollection<PoliceForce> RelevantChiefOfficers { get; private set; } = [];

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await base.LoadAsync(ct))
        {
            return false;
        }

        if (ApplicationId is { } id)
        {
            // Only an open application of the same type on this order can be decided here; anything else answers 404.
            ChangeApplication = await Db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.OrderId == Id && a.Type == type, ct);
            if (ChangeApplication is null || !ChangeApplication.IsOpen)
            {
                return false;
            }
        }

        var respondent = await Db.Respondents.AsNoTracking().SingleAsync(r => r.Id == Order.RespondentId, ct);
        RelevantChiefOfficers = RelevantChiefOfficer.For(Order, respondent, Today);
        return await LoadJourneyAsync(ct);
    }

    protected virtual Task<bool> LoadJourneyAsync(CancellationToken ct) => Task.FromResult(true);

    /// <summary>The applicant comes from the application when there is one.</summary>
    protected (ApplicantParty? Party, PoliceForce? Force) ApplicantFromApplication() =>
        ChangeApplication is { } a ? (a.ApplicantParty, a.ApplicantForce) : (null, Order.ApplicantForce);

    /// <summary>The answers given on the page, without the application or the version.</summary>
    protected abstract TAnswers AnswerChange();

    protected sealed override TAnswers Answer()
    {
        var answers = AnswerChange();
        answers.ApplicationId = ApplicationId;
        return answers;
    }

    /// <summary>The applicant: answered, a relevant chief officer or the defendant, and the one on the application decided (SPA 2019 s.4, s.5(7), R20).</summary>
    protected void ValidateApplicant(ApplicantParty? party, PoliceForce? force)
    {
        ApplicantInput.Validate(party, force, ModelState);
        if (party is { } p && (p == ApplicantParty.Defendant || force is not null))
        {
            var check = RelevantChiefOfficer.Check(p, force, RelevantChiefOfficers, Order.Kind);
            check.Add(RelevantChiefOfficer.CheckAgainstApplication(ChangeApplication, Id, type, p, force));
            ShowViolations(check);
        }
    }

    protected void ShowViolations(RuleCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        foreach (var v in check.Violations)
        {
            ModelState.AddModelError(FieldKey(v.Field), RuleErrors.Describe(v.Message, v.RuleId, v.LegalSource));
        }
    }
}

/// <summary>"Check your answers" of the court's variation, renewal or discharge; "Change" goes back with the application kept.</summary>
public abstract class ChangeCheckAnswersPageModel<TAnswers>(StalkingProtectionDbContext db, TimeProvider timeProvider)
    : OrderCheckAnswersPageModel<TAnswers>(db, timeProvider)
    where TAnswers : ChangeAnswers
{
    public override string QuestionUrl => Answers is { ApplicationId: { } application }
        ? QueryHelpers.AddQueryString(base.QuestionUrl, "applicationId", application.ToString())
        : base.QuestionUrl;
}
