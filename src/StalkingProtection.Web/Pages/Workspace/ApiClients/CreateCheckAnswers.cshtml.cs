using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Integration;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.ApiClients;

/// <summary>"Check your answers" of a new client: confirming creates it and shows its key, in the answer to this post only.</summary>
public class CreateCheckAnswersModel(ApiClientService clients) : CheckAnswersPageModel<CreateClientAnswers>
{
    public string? NewKey { get; private set; }

    public override string ConflictRecord => "API client";

    public override string SaveButton => "Create client";

    public override string QuestionUrl => ApiClientLinks.Create;

    protected override Task<bool> LoadAsync(CancellationToken ct) => Task.FromResult(true);

    protected override async Task<IActionResult> SaveAsync(CreateClientAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var (_, key) = await clients.CreateAsync(new CreateApiClientOptions(answers.Name, answers.Scope, answers.MayRecordDecisions, answers.Team), Actor, ct: ct);
        NewKey = ApiClientJourney.ShowKeyOnce(Response, key);
        return Page();
    }
}
