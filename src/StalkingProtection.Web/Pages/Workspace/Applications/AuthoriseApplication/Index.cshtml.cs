using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Applications.AuthoriseApplication;

public enum AuthorisationDecision
{
    Approve,
    Return,
}

/// <summary>The coordinator's decision, kept until it is confirmed.</summary>
public sealed class AuthorisationAnswers : ApplicationAnswers
{
    public AuthorisationDecision Decision { get; set; }

    public string? Comments { get; set; }

    public DateOnly? AuthorisedOn { get; set; }
}

/// <summary>A coordinator authorises the application, or returns it to the officer with comments.</summary>
[Authorize(Policy = Policies.Coordinator)]
public class IndexModel(StalkingProtectionDbContext db) : ApplicationQuestionPageModel<AuthorisationAnswers>(db)
{
    public static IReadOnlyList<SelectListItem> Decisions { get; } =
    [
        new("Authorise the application", nameof(AuthorisationDecision.Approve)),
        new("Return it to the officer with comments", nameof(AuthorisationDecision.Return)),
    ];

    [BindProperty]
    [Display(Name = "What is your decision?")]
    public AuthorisationDecision? Decision { get; set; }

    [BindProperty]
    [Display(Name = "Comments for the officer")]
    public string? Comments { get; set; }

    /// <summary>Blank for today; an earlier date records an authorisation given before it was entered here, such as on paper.</summary>
    [BindProperty]
    [Display(Name = "Date you authorised it")]
    public DateOnly? AuthorisedOn { get; set; }

    public ProposeCondition.ProposedConditionList ProposedConditions { get; private set; } = null!;

    protected override string JourneyName => ApplicationJourneys.Authorise;

    protected override async Task LoadChoicesAsync(CancellationToken ct) =>
        ProposedConditions = new ProposeCondition.ProposedConditionList(Application.ProposedConditions,
            await ProposeCondition.ProposedConditionText.PeopleAsync(Db, Application, ct), false);

    // An authorisation date may not be still to come; Core checks it on saving, with the one message for dates of things that happened.
    protected override void Validate()
    {
        Require(Decision is not null, nameof(Decision), "Select whether to authorise the application or return it");
        Require(Decision != AuthorisationDecision.Return || !string.IsNullOrWhiteSpace(Comments), nameof(Comments), "Enter comments for the officer");
        MaxLength(Comments, AuditEntry.JustificationMaxLength, nameof(Comments), $"Comments must be {AuditEntry.JustificationMaxLength} characters or fewer");
    }

    protected override AuthorisationAnswers Answer() => new()
    {
        Decision = Decision!.Value,
        Comments = string.IsNullOrWhiteSpace(Comments) ? null : Comments.Trim(),
        AuthorisedOn = Decision == AuthorisationDecision.Approve ? AuthorisedOn : null,
    };

    protected override void Fill(AuthorisationAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        (Decision, Comments, AuthorisedOn) = (answers.Decision, answers.Comments, answers.AuthorisedOn);
    }
}
