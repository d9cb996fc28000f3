using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Breaches.RecordReporterTold;

[Authorize(Policy = Policies.Triage)]
public class CheckAnswersModel(StalkingProtectionDbContext db, ReportedBreachService breaches) : CheckAnswersPageModel<ReporterToldAnswers>
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ReportedBreach Reported { get; private set; } = null!;

    public override string ConflictRecord => "reported breach";

    public override string SaveButton => "Record that they were told";

    public override string QuestionUrl => ReportedBreachLinks.RecordReporterTold(Id);

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await ReportedBreachAccess.ViewAsync(HttpContext, db, breaches, Id, ct) is not { } reported)
        {
            return false;
        }

        Reported = reported;
        return true;
    }

    protected override async Task<IActionResult> SaveAsync(ReporterToldAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var told = await breaches.RecordReporterToldAsync(new RecordReporterToldOptions(Id, answers.How, LondonTime.ToUtc(answers.ToldOn, answers.ToldAt), answers.Version),
            Actor, ct);
        Flash.Set(TempData, told.Explain());
        return Redirect(ReportedBreachLinks.Decide(Id));
    }

    protected override void OnConflict(ReporterToldAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        answers.Version = Reported.Version;
    }
}
