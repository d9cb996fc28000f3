using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Cases.RecordAct;

public class CheckAnswersModel(StalkingProtectionDbContext db, CaseService cases) : CaseCheckAnswersPageModel<RecordActState>(db)
{
    public string TargetName { get; private set; } = "Not recorded";

    protected override string JourneyPath => "record-act";

    protected override async Task<string?> SaveAsync(CancellationToken ct)
    {
        var s = State;
        await cases.RecordActAsync(new RecordActOptions(Id, LondonTime.StartOfDayUtc(s.OccurredFrom), s.OccurredTo is { } to ? LondonTime.StartOfDayUtc(to) : null,
            s.LocationCountry, s.Location, ActCategoryChoices.Combine(s.Categories), s.OtherCategoryDescription, s.Channel, s.TargetVictimId, s.Description),
            User.ToActor(), ct);
        return "Act recorded";
    }

    protected override async Task<bool> LoadDetailsAsync(CancellationToken ct)
    {
        if (State.TargetVictimId is { } target && await Db.Victims.AsNoTracking().SingleOrDefaultAsync(v => v.Id == target && v.CaseId == Id, ct) is { } victim)
        {
            TargetName = victim.Person.PrimaryName.FullName;
        }

        return true;
    }
}
