using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Reports;
using StalkingProtection.Core.Staff;

namespace StalkingProtection.Web.Infrastructure.Demo;

/// <summary>
/// Fictional online reports waiting in the triage queue, and one person recorded twice, all through the real services and
/// dated relative to <paramref name="now"/>.
/// </summary>
public sealed class DemoTriage(StalkingProtectionDbContext db, IDataProtectionProvider dataProtection, DateTimeOffset now, string officerId, string officerName, string team)
{
    public const int Reports = 4;

    private Actor Officer => new(officerId, officerName, StaffRoles.Officer, team);

    public async Task SeedAsync()
    {
        await ReportAsync(now.AddDays(-3).AddHours(-2), a =>
        {
            a.Behaviours = StalkingBehaviours.Contacting | StalkingBehaviours.Publishing;
            a.StartedWhen = "About two months ago, after I ended the relationship";
            a.HowOften = HowOften.EveryDay;
            a.SuspectName = "Lee Fenwick";
            a.SuspectDetails = "My ex-partner. He has made new accounts after I blocked him.";
            a.Effect = "I have changed my number twice and I do not go out on my own.";
        });
        await ReportAsync(now.AddDays(-1).AddHours(-5), a =>
        {
            a.ReportingFor = ReportingFor.SomeoneElse;
            a.PersonName = "Ellie Demo";
            a.PersonKnowsAboutReport = true;
            a.PersonContactRoute = PersonContactRoute.ThroughReporter;
            a.Behaviours = StalkingBehaviours.Loitering | StalkingBehaviours.WatchingOrSpying;
            a.StartedWhen = "Since the start of the school term";
            a.HowOften = HowOften.SeveralTimesAWeek;
            a.SuspectKnown = false;
            a.SuspectName = null;
            a.SuspectDetails = null;
            a.Effect = "My daughter is frightened to walk home from school.";
            a.ContactMethods = SafeContactMethods.Email;
            a.PhoneNumber = null;
            a.Email = "parent.demo@example.org";
            a.VoicemailAllowed = null;
        });
        await ReportAsync(now.AddHours(-2), a =>
        {
            a.InImmediateDanger = true;
            a.Behaviours = StalkingBehaviours.Following | StalkingBehaviours.InterferingWithProperty;
            a.StartedWhen = "Last week";
            a.HowOften = HowOften.EveryDay;
            a.SuspectName = "A man from my work";
            a.SuspectDetails = "He followed me home and was outside again tonight.";
            a.Effect = "I am scared to leave the house.";
        });
        await ReportAsync(now.AddDays(-6), a =>
        {
            a.Behaviours = StalkingBehaviours.Monitoring;
            a.StartedWhen = "I am not sure";
            a.HowOften = HowOften.NotSure;
            a.SuspectKnown = false;
            a.SuspectName = null;
            a.SuspectDetails = null;
            a.Effect = "I feel watched all the time.";
            a.ContactMethods = SafeContactMethods.None;
            a.PhoneNumber = null;
            a.SafeTimes = null;
            a.VoicemailAllowed = null;
            a.ContactName = null;
        });
        await DuplicatePersonAsync();
    }

    private async Task ReportAsync(DateTimeOffset sentAt, Action<ReportAnswers> change)
    {
        var clock = new DemoClock(sentAt);
        var service = new PublicReportService(db, dataProtection, new AuditLog(db, clock), clock);
        var draftId = await service.StartDraftAsync();
        await service.UpdateAnswersAsync(draftId, a =>
        {
            a.InImmediateDanger = false;
            a.ReportingFor = ReportingFor.Myself;
            a.SuspectKnown = true;
            a.ContactMethods = SafeContactMethods.Phone | SafeContactMethods.Text;
            a.ContactName = "Sam";
            a.PhoneNumber = "07700 900" + Random.Shared.Next(100, 999);
            a.SafeTimes = "Weekdays between 10am and 2pm";
            a.VoicemailAllowed = false;
            change(a);
        });
        await service.SubmitAsync(draftId);
    }

    /// <summary>The same woman added as a victim on two cases, once with an accent and once without.</summary>
    private async Task DuplicatePersonAsync()
    {
        var caseIds = await db.Cases.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).Take(2).ToListAsync();
        if (caseIds.Count < 2)
        {
            return;
        }

        var clock = new DemoClock(now.AddDays(-10));
        var cases = new CaseService(db, clock, new AuditLog(db, clock));
        var born = new DateOnly(1992, 5, 14);
        await cases.AddVictimAsync(new AddVictimOptions(caseIds[0], new PersonDetails("Zoë", "Hartley", born, Gender.Female), VictimRole.ProtectedPerson,
            RelationshipToRespondent.Family), Officer);
        await cases.AddVictimAsync(new AddVictimOptions(caseIds[1], new PersonDetails("Zoe", "HARTLEY", born, Gender.Female), VictimRole.Both,
            RelationshipToRespondent.Acquaintance), Officer);
    }

    private sealed class DemoClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
