using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Integration;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.ApiClients;

public class RevokeModel(ApiClientService clients) : ApiClientRecordPageModel(clients)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var revoked = await Clients.RevokeAsync(Id, User.ToActor(), ct);
        TempData[Flash.Key] = revoked.Explain();
        return Redirect(ApiClientLinks.List);
    }
}
