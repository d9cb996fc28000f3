using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Integration;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.ApiClients;

/// <summary>The team whose cases a client sees, kept until confirmed; none means the whole force.</summary>
public sealed record ClientTeamAnswers(string? Team);

/// <summary>S4: the team whose cases a client sees, then "check your answers".</summary>
public class ChangeTeamModel(ApiClientService clients) : QuestionPageModel<ClientTeamAnswers>
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    [Display(Name = "Team (optional)")]
    public string? Team { get; set; }

    public ApiClient Client { get; private set; } = null!;

    public override string ConflictRecord => "API client";

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await ApiClientJourney.ActiveAsync(clients, Id, ct) is not { } client)
        {
            return false;
        }

        Client = client;
        return true;
    }

    protected override void Prefill() => Team = Client.Team;

    protected override void Restore(ClientTeamAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        Team = answers.Team;
    }

    protected override void Validate()
    {
        ModelState.Clear();
        ApiClientJourney.CheckTeam(ModelState, Team);
    }

    protected override ClientTeamAnswers Capture() => new(ApiClientJourney.Team(Team));

    protected override string CheckAnswersUrl(Guid journey) => ApiClientLinks.ChangeTeamCheck(Id, journey);
}
