using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Cases.OpenCase;

public class CheckAnswersModel(StalkingProtectionDbContext db, CaseService cases) : CheckAnswersPageModel<OpenCaseState>
{
    public string OfficerName { get; private set; } = "";

    public override string QuestionUrl => CaseLinks.OpenCase;

    public override string ConflictRecord => "case";

    public override string SaveButton => "Open case";

    protected override Task<bool> LoadAsync(CancellationToken ct) => Task.FromResult(true);

    protected override async Task<bool> DescribeAsync(OpenCaseState answers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        OfficerName = (await OfficerNames.OfAsync(db, [answers.OfficerInCharge], ct)).GetValueOrDefault(answers.OfficerInCharge, answers.OfficerInCharge);
        return true;
    }

    protected override async Task<IActionResult> SaveAsync(OpenCaseState answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var opened = await cases.OpenCaseAsync(new OpenCaseOptions(answers.CrimeReferences, OffenceChoices.Combine(answers.Offences), answers.ReportedOn,
            answers.OfficerInCharge, answers.Team), Actor, ct);
        Flash.Set(TempData, opened.Explain());
        return Redirect(CaseLinks.View(opened.RecordId));
    }
}
