using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Integration;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.ApiClients;

/// <summary>A new client's answers, kept until the administrator confirms them; its key is made on confirming and never kept.</summary>
public sealed record CreateClientAnswers(string Name, ApiScope Scope, bool MayRecordDecisions, string? Team);

/// <summary>A force system that will call the API: its name, what it may do and the team whose cases it sees, then "check your answers".</summary>
public class CreateModel : QuestionPageModel<CreateClientAnswers>
{
    [BindProperty]
    [Display(Name = "Name of the system")]
    public string? Name { get; set; }

    [BindProperty]
    [Display(Name = "What may the client do?")]
    public string? Scope { get; set; }

    [BindProperty]
    [Display(Name = "May the client record coordinator decisions?")]
    public string? MayRecordDecisions { get; set; }

    [BindProperty]
    [Display(Name = "Team (optional)")]
    public string? Team { get; set; }

    public override string ConflictRecord => "API client";

    protected override Task<bool> LoadAsync(CancellationToken ct) => Task.FromResult(true);

    protected override void Restore(CreateClientAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        (Name, Scope, MayRecordDecisions, Team) = (answers.Name, answers.Scope.ToString(), answers.MayRecordDecisions ? "true" : "false", answers.Team);
    }

    protected override void Validate()
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), "Enter the name of the system");
        }
        else if (Name.Trim().Length > ApiClient.NameMaxLength)
        {
            ModelState.AddModelError(nameof(Name), $"Name must be {ApiClient.NameMaxLength} characters or fewer");
        }

        ApiClientJourney.CheckTeam(ModelState, Team);
        var scope = ParsedScope;
        if (scope is null)
        {
            ModelState.AddModelError(nameof(Scope), "Select what the client may do");
        }

        var decisions = ParsedDecisions;
        if (decisions is null)
        {
            ModelState.AddModelError(nameof(MayRecordDecisions), "Select yes if the client may record coordinator decisions");
        }
        else if (decisions == true && scope == ApiScope.Read)
        {
            ModelState.AddModelError(nameof(MayRecordDecisions), "A read-only client cannot record coordinator decisions: select read and write, or no");
        }
    }

    protected override CreateClientAnswers Capture() => new(Name!.Trim(), ParsedScope!.Value, ParsedDecisions!.Value, ApiClientJourney.Team(Team));

    protected override string CheckAnswersUrl(Guid journey) => ApiClientLinks.CreateCheck(journey);

    private ApiScope? ParsedScope => Enum.TryParse<ApiScope>(Scope, out var s) && Enum.IsDefined(s) ? s : null;

    private bool? ParsedDecisions => bool.TryParse(MayRecordDecisions, out var d) ? d : null;
}
