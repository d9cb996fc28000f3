using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Integration;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.ApiClients;

/// <summary>"Check your answers" of a client's new team: confirming saves it, audited, and goes back to the clients.</summary>
public class ChangeTeamCheckAnswersModel(ApiClientService clients) : CheckAnswersPageModel<ClientTeamAnswers>
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ApiClient Client { get; private set; } = null!;

    public override string ConflictRecord => "API client";

    public override string SaveButton => "Save team";

    public override string QuestionUrl => ApiClientLinks.ChangeTeam(Id);

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await ApiClientJourney.ActiveAsync(clients, Id, ct) is not { } client)
        {
            return false;
        }

        Client = client;
        return true;
    }

    protected override async Task<IActionResult> SaveAsync(ClientTeamAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var changed = await clients.ChangeTeamAsync(Id, answers.Team, Actor, ct);
        Flash.Set(TempData, changed.Explain());
        return Redirect(ApiClientLinks.List);
    }
}
