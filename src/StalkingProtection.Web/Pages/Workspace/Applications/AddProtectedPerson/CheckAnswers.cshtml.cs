using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Applications.AddProtectedPerson;

/// <summary>Checks the person chosen and names them on the application (SPA 2019 s.1(1)(c), R4).</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, ApplicationService applications) : ApplicationCheckAnswersPageModel<ProtectedPersonAnswers>(db)
{
    /// <summary>The person chosen, as the question offered them.</summary>
    public string Person { get; private set; } = "";

    protected override string JourneyName => ApplicationJourneys.AddProtectedPerson;

    protected override IReadOnlyDictionary<string, string> Questions { get; } = new Dictionary<string, string> { ["protectedPersonIds"] = nameof(IndexModel.VictimId) };

    /// <summary>False when the person is no longer one the question offers (named since): the journey starts again.</summary>
    protected override async Task<bool> DescribeAsync(ProtectedPersonAnswers answers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var person = (await IndexModel.PeopleAsync(Db, Application, ct)).FirstOrDefault(p => p.Value == answers.VictimId.ToString());
        Person = person?.Text ?? "";
        return person is not null || Conflict;
    }

    protected override async Task<IActionResult> SaveAsync(ProtectedPersonAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var done = await applications.AddProtectedPersonAsync(new AddProtectedPersonOptions(Id, answers.VictimId, answers.Version), Actor, ct);
        return BackToApplication(done.Explain());
    }
}
