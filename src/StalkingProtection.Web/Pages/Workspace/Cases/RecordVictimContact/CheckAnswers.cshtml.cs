using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Cases.RecordVictimContact;

public class CheckAnswersModel(StalkingProtectionDbContext db, ReviewService reviews) : CaseCheckAnswersPageModel<VictimContactState>(db)
{
    public string VictimName { get; private set; } = "";

    protected override string JourneyPath => "record-victim-contact";

    protected override async Task<string?> SaveAsync(CancellationToken ct)
    {
        var s = State;
        await reviews.RecordVictimContactAsync(new RecordVictimContactOptions(s.VictimId, null, s.EventType, LondonTime.ToUtc(s.OccurredOn, s.OccurredAt),
            s.Channel, s.Summary), User.ToActor(), ct);
        return "Contact recorded";
    }

    protected override async Task<bool> LoadDetailsAsync(CancellationToken ct)
    {
        if (await Db.Victims.AsNoTracking().SingleOrDefaultAsync(v => v.Id == State.VictimId && v.CaseId == Id, ct) is not { } victim)
        {
            return false;
        }

        VictimName = victim.Person.PrimaryName.FullName;
        return true;
    }
}
