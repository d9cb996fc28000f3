using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Integration;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.ApiClients;

public class RotateKeyModel(ApiClientService clients) : ApiClientPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ApiClient Client { get; private set; } = null!;

    public TimeSpan RotationOverlap => clients.RotationOverlap;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        ShowKeyOnce(await clients.RotateAsync(Id, User.ToActor(), ct));
        return Page();
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
