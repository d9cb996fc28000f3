using StalkingProtection.Core.Integration;

namespace StalkingProtection.Web.Pages.Workspace.ApiClients;

public class IndexModel(ApiClientService clients) : ApiClientPageModel
{
    public IReadOnlyList<ApiClient> Clients { get; private set; } = [];

    public TimeSpan RotationOverlap => clients.RotationOverlap;

    public async Task OnGetAsync(CancellationToken ct) => Clients = await clients.ListAsync(ct);
}
