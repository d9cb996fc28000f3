using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Web.Pages.Workspace.Cases.RecordAct;

public class CheckAnswersModel(StalkingProtectionDbContext db, CaseService cases) : CaseCheckPageModel<RecordActState>(db)
{
    public string TargetName { get; private set; } = "Not recorded";

    public override string SaveButton => "Record act";

    protected override string JourneyName => IndexModel.Name;

    protected override async Task<IActionResult> SaveAsync(RecordActState answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var recorded = await cases.RecordActAsync(new RecordActOptions(Id, LondonTime.StartOfDayUtc(answers.OccurredFrom), answers.OccurredTo is { } to ? LondonTime.StartOfDayUtc(to) : null,
            answers.LocationCountry, answers.Location, ActCategoryChoices.Combine(answers.Categories), answers.OtherCategoryDescription, answers.Channel,
            answers.TargetVictimId, answers.Description), Actor, ct);
        return BackToCase(recorded.Explain());
    }

    protected override async Task<bool> DescribeAsync(RecordActState answers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.TargetVictimId is { } target && await Db.Victims.AsNoTracking().SingleOrDefaultAsync(v => v.Id == target && v.CaseId == Id, ct) is { } victim)
        {
            TargetName = victim.Person.PrimaryName.FullName;
        }

        return true;
    }
}
