using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Integration;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.ApiClients;

/// <summary>Managing the force systems that call the API is an administrator's job; every change is audited by the service.</summary>
[Authorize(Policy = Policies.Administrator)]
public abstract class ApiClientPageModel : PageModel
{
    public static IReadOnlyList<SelectListItem> Scopes { get; } =
    [
        new("Read only", nameof(ApiScope.Read)),
        new("Read and write", nameof(ApiScope.ReadWrite)),
    ];

    public static IReadOnlyList<SelectListItem> YesNo { get; } = [new("Yes", "true"), new("No", "false")];

    public static string Describe(ApiScope scope) => scope == ApiScope.ReadWrite ? "Read and write" : "Read only";

    /// <summary>A new key is shown in the answer to the post that made it and nowhere else, so nothing may keep a copy.</summary>
    protected void ShowKeyOnce(string key) => NewKey = ApiClientJourney.ShowKeyOnce(Response, key);

    public string? NewKey { get; private set; }
}

/// <summary>What the API client pages and journeys share: the active client, the team question and the key shown once.</summary>
internal static class ApiClientJourney
{
    /// <summary>A client that is still active; a revoked or unknown one answers 404.</summary>
    public static async Task<ApiClient?> ActiveAsync(ApiClientService clients, Guid id, CancellationToken ct) =>
        await clients.FindAsync(id, ct) is { IsActive: true } client ? client : null;

    /// <summary>A new key is shown in the answer to the post that made it and nowhere else, so nothing may keep a copy.</summary>
    public static string ShowKeyOnce(HttpResponse response, string key)
    {
        response.Headers.CacheControl = "no-store";
        return key;
    }

    public static void CheckTeam(ModelStateDictionary modelState, string? team)
    {
        if (team?.Trim().Length > StalkingCase.TeamMaxLength)
        {
            modelState.AddModelError("Team", $"Team must be {StalkingCase.TeamMaxLength} characters or fewer");
        }
    }

    public static string? Team(string? team) => string.IsNullOrWhiteSpace(team) ? null : team.Trim();
}

/// <summary>A page about one client that is still active; a revoked or unknown client answers 404.</summary>
public abstract class ApiClientRecordPageModel(ApiClientService clients) : ApiClientPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ApiClient Client { get; private set; } = null!;

    protected ApiClientService Clients { get; } = clients;

    protected async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await ApiClientJourney.ActiveAsync(Clients, Id, ct) is not { } client)
        {
            return false;
        }

        Client = client;
        return true;
    }
}
