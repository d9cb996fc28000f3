using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Integration;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.ApiClients;

public class CreateModel(ApiClientService clients) : ApiClientPageModel
{
    [BindProperty]
    [Display(Name = "Name of the system")]
    public string? Name { get; set; }

    [BindProperty]
    [Display(Name = "What may the client do?")]
    public string? Scope { get; set; }

    [BindProperty]
    [Display(Name = "May the client record coordinator decisions?")]
    public string? MayRecordDecisions { get; set; }

    [BindProperty]
    [Display(Name = "Team (optional)")]
    public string? Team { get; set; }

    public string? CreatedName { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), "Enter the name of the system");
        }
        else if (Name.Trim().Length > ApiClient.NameMaxLength)
        {
            ModelState.AddModelError(nameof(Name), $"Name must be {ApiClient.NameMaxLength} characters or fewer");
        }

        CheckTeam(Team);
        var scope = Enum.TryParse<ApiScope>(Scope, out var s) && Enum.IsDefined(s) ? s : (ApiScope?)null;
        if (scope is null)
        {
            ModelState.AddModelError(nameof(Scope), "Select what the client may do");
        }

        var decisions = bool.TryParse(MayRecordDecisions, out var d) ? d : (bool?)null;
        if (decisions is null)
        {
            ModelState.AddModelError(nameof(MayRecordDecisions), "Select yes if the client may record coordinator decisions");
        }
        else if (decisions == true && scope == ApiScope.Read)
        {
            ModelState.AddModelError(nameof(MayRecordDecisions), "A read-only client cannot record coordinator decisions: select read and write, or no");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (client, key) = await clients.CreateAsync(new CreateApiClientOptions(Name!, scope!.Value, decisions!.Value, Team), User.ToActor(), ct: ct);
        CreatedName = client.Name;
        ShowKeyOnce(key);
        return Page();
    }
}
