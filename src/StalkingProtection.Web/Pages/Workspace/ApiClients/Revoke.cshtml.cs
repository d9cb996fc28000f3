using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Integration;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.ApiClients;

public class RevokeModel(ApiClientService clients) : ApiClientPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ApiClient Client { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        await clients.RevokeAsync(Id, User.ToActor(), ct);
        TempData[Flash.Key] = $"{Client.Name} revoked: its keys are refused from now on";
        return Redirect("/workspace/api-clients");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var client = await clients.FindAsync(Id, ct);
        if (client is not { IsActive: true })
        {
            return false;
        }

        Client = client;
        return true;
    }
}
