using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
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
    protected void ShowKeyOnce(string key)
    {
        NewKey = key;
        Response.Headers.CacheControl = "no-store";
    }

    public string? NewKey { get; private set; }

    protected void CheckTeam(string? team)
    {
        if (team?.Trim().Length > StalkingCase.TeamMaxLength)
        {
            ModelState.AddModelError("Team", $"Team must be {StalkingCase.TeamMaxLength} characters or fewer");
        }
    }
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
        var client = await Clients.FindAsync(Id, ct);
        if (client is not { IsActive: true })
        {
            return false;
        }

        Client = client;
        return true;
    }
}
