using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Applications.LodgeApplication;

/// <summary>Check your answers for the whole application; lodging checks R2, R3, R4, R7 and R18 together.</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, ApplicationService applications, TimeProvider timeProvider)
    : ApplicationCheckAnswersPageModel<LodgeAnswers>(db)
{
    public Respondent Respondent { get; private set; } = null!;

    public IReadOnlyList<Victim> ProtectedPersons { get; private set; } = [];

    public DateOnly Today => timeProvider.UkToday;

    public override string SaveButton => "Lodge application";

    protected override string JourneyName => ApplicationJourneys.Lodge;

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await base.LoadAsync(ct))
        {
            return false;
        }

        Respondent = await Db.Respondents.AsNoTracking().SingleAsync(r => r.Id == Application.RespondentId, ct);
        var ids = Application.ProtectedPersons.Select(p => p.VictimId).ToList();
        ProtectedPersons = await Db.Victims.AsNoTracking().Where(v => ids.Contains(v.Id)).ToListAsync(ct);
        return true;
    }

    protected override async Task<IActionResult> SaveAsync(LodgeAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var lodged = await applications.SubmitAsync(new SubmitApplicationOptions(Id, answers.Version, answers.LodgedOn), Actor, ct);
        return BackToApplication(lodged.Explain());
    }
}
