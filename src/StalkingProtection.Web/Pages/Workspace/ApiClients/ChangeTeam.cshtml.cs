using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Integration;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.ApiClients;

public class ChangeTeamModel(ApiClientService clients) : ApiClientRecordPageModel(clients)
{
    [BindProperty]
    [Display(Name = "Team (optional)")]
    public string? Team { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Team = Client.Team;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        CheckTeam(Team);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await Clients.ChangeTeamAsync(Id, Team, User.ToActor(), ct);
        TempData[Flash.Key] = string.IsNullOrWhiteSpace(Team)
            ? $"{Client.Name} now sees the cases of the whole force"
            : $"{Client.Name} now sees only the cases of {Team.Trim()}";
        return Redirect(ApiClientLinks.List);
    }
}
