using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Applications.AddEvidence;

/// <summary>Checks the evidence and links it to its limb of the test (SPA 2019 s.1(1), R3).</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, ApplicationService applications) : ApplicationCheckAnswersPageModel<EvidenceAnswers>(db)
{
    /// <summary>The act or risk screening the evidence refers to, as the question offered it; empty for none.</summary>
    public string Record { get; private set; } = "";

    protected override string JourneyName => ApplicationJourneys.AddEvidence;

    protected override IReadOnlyDictionary<string, string> Questions { get; } = new Dictionary<string, string> { ["evidence"] = nameof(IndexModel.Description) };

    protected override async Task<bool> DescribeAsync(EvidenceAnswers answers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.ReferenceId is not { } reference)
        {
            return true;
        }

        Record = (await IndexModel.RecordsAsync(Db, Case.Id, ct)).FirstOrDefault(r => r.Value == reference.ToString())?.Text ?? "";
        return Record.Length > 0;
    }

    protected override async Task<IActionResult> SaveAsync(EvidenceAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var done = await applications.AddEvidenceAsync(new AddEvidenceOptions(Id, new EvidenceLink(answers.Limb, answers.Kind, answers.ReferenceId, answers.Description),
            answers.Version), Actor, ct);
        return BackToApplication(done.Explain());
    }
}
