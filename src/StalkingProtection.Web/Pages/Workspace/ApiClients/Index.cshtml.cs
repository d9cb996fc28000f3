using StalkingProtection.Core.Integration;

namespace StalkingProtection.Web.Pages.Workspace.ApiClients;

public class IndexModel(ApiClientService clients, TimeProvider timeProvider) : ApiClientPageModel
{
    public DateTimeOffset Now { get; } = timeProvider.GetUtcNow();

    public int KeyLifetimeDays => (int)clients.KeyLifetime.TotalDays;

    public IReadOnlyList<ApiClient> Clients { get; private set; } = [];

    public TimeSpan RotationOverlap => clients.RotationOverlap;

    public async Task OnGetAsync(CancellationToken ct) => Clients = await clients.ListAsync(ct);
}
