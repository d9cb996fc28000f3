using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Integration;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.ApiClients;

public class RotateKeyModel(ApiClientService clients) : ApiClientRecordPageModel(clients)
{
    public TimeSpan RotationOverlap => Clients.RotationOverlap;

    public int KeyLifetimeDays => (int)Clients.KeyLifetime.TotalDays;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        ShowKeyOnce(await Clients.RotateAsync(Id, User.ToActor(), ct));
        await LoadAsync(ct);
        return Page();
    }
}
