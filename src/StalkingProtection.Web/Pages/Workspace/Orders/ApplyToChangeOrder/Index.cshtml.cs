using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Orders.ApplyToChangeOrder;

/// <summary>What the application is for: refused here where the Act does not allow it (SPA 2019 s.4, R23).</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : ApplyToChangeStep(db, timeProvider)
{
    [BindProperty]
    [Display(Name = "What is the application for?")]
    public ApplicationType? Type { get; set; }

    public override string BackHref => OrderUrl;

    protected override bool NeedsEarlierAnswers => false;

    protected override void Validate()
    {
        Require(Type is not null, nameof(Type), "Select what the application is for");
        if (Type is { } type)
        {
            // SPA 2019 s.4, R23: refused before any other question, as Core refuses it on save.
            ShowViolations(Application.CheckChangeAllowed(Order, type, Today).Violations);
        }
    }

    protected override void Answer(ChangeApplicationAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        answers.Type = Type;
        answers.ApplicantForce ??= Order.ApplicantForce;
    }

    protected override void Fill(ChangeApplicationAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        Type = answers.Type;
    }

    protected override string CheckAnswersUrl(Guid journey) => OrderLinks.JourneyStep(Name, "applicant", Id, journey);
}
