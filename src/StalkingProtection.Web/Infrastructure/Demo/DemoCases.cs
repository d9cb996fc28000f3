using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Web.Infrastructure.Demo;

/// <summary>
/// Forty fictional stalking cases at every stage, dated relative to today so that the dashboard is always meaningful:
/// 11 live orders in force (interim and full, one for ten years, one until further order), expired, discharged and
/// replaced orders, an unserved order, overdue and due notifications, breaches and a pending variation. Every step runs
/// through the real services on the day it happens, so the demo obeys the same rules as real data.
/// </summary>
public sealed class DemoCases(StalkingProtectionDbContext db, DateOnly today, string officerId, string officerName, string team)
{
    public const int LiveOrders = 11;
    private const string Court = "Coventry Magistrates' Court";
    private static readonly PoliceForce _force = PoliceForce.WestMidlands;
    private static readonly string[] _given = ["Daniel", "Mark", "Lee", "Gary", "Ryan", "Craig", "Jason", "Wayne", "Stuart", "Paul", "Adam", "Karl", "Dean", "Scott", "Liam"];
    private static readonly string[] _family = ["Ashdown", "Barrow", "Calder", "Denholm", "Elstow", "Farleigh", "Garside", "Hebden", "Ingleby", "Jessop", "Kenning", "Lowther", "Marsden", "Norbury", "Ormerod"];
    private static readonly string[] _victimGiven = ["Sarah", "Emma", "Laura", "Rachel", "Hannah", "Claire", "Amy", "Jodie", "Kelly", "Nicola", "Priya", "Zara"];
    private static readonly string[] _streets = ["Elm Grove", "Station Road", "Mill Lane", "Park Avenue", "Church Street", "Orchard Close", "Brook Way", "Queens Road"];
    private int _next;

    private Actor Officer => new(officerId, officerName, "Officer", team);

    private static Actor Coordinator { get; } = new("demo-coordinator", "DS Alex Morgan", "Coordinator", DemoDataSeeder.Team);

    public async Task SeedAsync()
    {
        // The 11 live orders.
        var tenYears = await FullOrderAsync(today.AddDays(-400), d => StatutoryDates.Anniversary(d, 10).AddDays(-1), servedAfter: 1, replacingInterimMadeOn: today.AddDays(-420));
        await FullOrderAsync(today.AddDays(-700), _ => null, servedAfter: 0);
        var withBreach = await FullOrderAsync(today.AddDays(-60), d => StatutoryDates.MinimumLastDay(d), servedAfter: 1);
        var withVariation = await FullOrderAsync(today.AddDays(-90), d => StatutoryDates.MinimumLastDay(d).AddYears(1), servedAfter: 2);
        await FullOrderAsync(today.AddDays(-120), d => StatutoryDates.MinimumLastDay(d), servedAfter: 1);
        await FullOrderAsync(today.AddDays(-150), d => StatutoryDates.MinimumLastDay(d).AddYears(2), servedAfter: 0);
        await FullOrderAsync(today.AddDays(-200), d => StatutoryDates.MinimumLastDay(d), servedAfter: 1);
        await FullOrderAsync(today.AddDays(-7), d => StatutoryDates.MinimumLastDay(d), servedAfter: 1, notify: false);
        await FullOrderAsync(today.AddDays(-700), d => StatutoryDates.MinimumLastDay(d), servedAfter: 1);
        await InterimOrderAsync(today.AddDays(-10), today.AddDays(18), servedAfter: 8);
        await InterimOrderAsync(today.AddDays(-3), today.AddDays(25), servedAfter: null);

        // Ended orders.
        await FullOrderAsync(today.AddDays(-1000), d => StatutoryDates.MinimumLastDay(d), servedAfter: 1);
        var discharged = await FullOrderAsync(today.AddDays(-900), d => StatutoryDates.MinimumLastDay(d).AddYears(1), servedAfter: 1);
        await DischargeAsync(discharged, today.AddDays(-100));

        await BreachAsync(withBreach, today);
        await BreachAsync(tenYears, today.AddDays(-40));
        await PendingVariationAsync(withVariation);

        // Cases at earlier stages: decisions not to apply, applications in progress, and cases awaiting a decision.
        for (var i = 0; i < 8; i++)
        {
            var created = await CaseAsync(today.AddDays(-20 - (i * 9)));
            await On(created.ReportedOn.AddDays(3), s => s.Cases.RecordSpoDecisionAsync(new RecordSpoDecisionOptions(created.CaseId, SpoDecisionOutcome.DoNotApply,
                "The behaviour stopped after words of advice; the victim does not want an order now. Review if it starts again.", "DI Jo Khan", null), Officer));
        }

        for (var i = 0; i < 6; i++)
        {
            var created = await CaseAsync(today.AddDays(-15 - (i * 4)));
            await DecideToApplyAsync(created);
            await ApplicationAsync(created, created.ReportedOn.AddDays(5), submit: i % 2 == 0, propose: i % 3 == 0 ? 3 : 2);
        }

        for (var i = 0; i < 13; i++)
        {
            await CaseAsync(today.AddDays(-2 - (i * 3)));
        }

        // The nightly deadline check has run: the expired order's tasks are closed with it (SPA 2019 s.9, R33), today's are raised.
        await On(today, s => s.Deadlines.RunAsync(LondonTime.ToUtc(today, new TimeOnly(11, 0))));
    }

    private sealed record DemoCase(Guid CaseId, Guid RespondentId, Guid VictimId, Guid ActId, Guid RiskId, DateOnly ReportedOn);

    private sealed record DemoOrder(Guid OrderId, Guid RespondentId, IReadOnlyList<Guid> ConditionIds, DateOnly MadeOn, Guid VictimId);

    private sealed record Services(StalkingProtectionDbContext Db, TimeProvider Clock)
    {
        public AuditLog Audit { get; } = new(Db, Clock);

        public StaffTaskRaiser StaffTasks => new(Db, Audit);

        public CaseService Cases => new(Db, Clock, Audit);

        public ApplicationService Applications => new(Db, Clock, Audit, StaffTasks);

        public OrderService Orders => new(Db, Clock, Audit, StaffTasks, Applications);

        public NotificationService Notifications => new(Db, Clock, Audit, StaffTasks);

        public BreachService Breaches => new(Db, Clock, Audit, StaffTasks);

        public DeadlineCheckService Deadlines => new(Db, Audit, StaffTasks);
    }

    private async Task<T> On<T>(DateOnly day, Func<Services, Task<T>> step)
    {
        db.ChangeTracker.Clear();
        return await step(new Services(db, new DemoClock(LondonTime.ToUtc(day, new TimeOnly(11, 0)))));
    }

    private Task On(DateOnly day, Func<Services, Task> step) => On(day, async s =>
    {
        await step(s);
        return 0;
    });

    private async Task<DemoCase> CaseAsync(DateOnly reportedOn)
    {
        var n = _next++;
        return await On(reportedOn, async s =>
        {
            var caseId = (await s.Cases.OpenCaseAsync(new OpenCaseOptions([$"23/{40000 + (n * 137)}/{reportedOn.Year % 100:D2}"], OffencesConsidered.StalkingPha2A,
                reportedOn, officerId, team), Officer)).RecordId;
            var respondentId = (await s.Cases.AddRespondentAsync(new AddRespondentOptions(caseId,
                new PersonDetails(_given[n % _given.Length], _family[n % _family.Length], new DateOnly(1970 + (n % 25), 1 + (n % 12), 1 + (n % 27)), Gender.Male,
                    $"{90 + (n % 9):D2}/{100000 + (n * 7919 % 900000):D6}{(char)('A' + (n % 26))}"),
                $"{10 + n} {_streets[n % _streets.Length]}, Coventry CV{1 + (n % 6)} {n % 9}AB", _force, reportedOn.AddYears(-2)), Officer)).RecordId;
            var victimId = (await s.Cases.AddVictimAsync(new AddVictimOptions(caseId,
                new PersonDetails(_victimGiven[n % _victimGiven.Length], _family[(n + 7) % _family.Length], new DateOnly(1980 + (n % 20), 2 + (n % 10), 3 + (n % 25)), Gender.Female),
                VictimRole.Both, n % 3 == 0 ? RelationshipToRespondent.Acquaintance : RelationshipToRespondent.ExIntimate), Officer)).RecordId;
            var actId = (await s.Cases.RecordActAsync(new RecordActOptions(caseId, s.Clock.GetUtcNow().AddDays(-6), s.Clock.GetUtcNow().AddDays(-1), "United Kingdom",
                "Outside her home and her workplace", ActCategory.Following | ActCategory.Contacting | ActCategory.Loitering, null, ActChannel.InPerson, victimId,
                "Followed her from work on several evenings, sent dozens of messages a day and waited outside her home."), Officer)).RecordId;
            var riskId = (await s.Cases.RecordRiskAssessmentAsync(new RecordRiskAssessmentOptions(caseId, RiskTool.SDash, "2009", "YYNYYNYNNNY",
                n % 4 == 0 ? RiskLevel.Medium : RiskLevel.High, officerName, reportedOn.AddDays(28), null), Officer)).RecordId;
            return new DemoCase(caseId, respondentId, victimId, actId, riskId, reportedOn);
        });
    }

    private Task DecideToApplyAsync(DemoCase created) =>
        On(created.ReportedOn.AddDays(2), s => s.Cases.RecordSpoDecisionAsync(new RecordSpoDecisionOptions(created.CaseId, SpoDecisionOutcome.Apply,
            "Repeated, fixated behaviour that is escalating; an order is needed to protect her while the investigation continues.", "DI Jo Khan", "LS-2291"), Officer));

    private Task<Guid> ApplicationAsync(DemoCase created, DateOnly lodgedOn, bool submit, ApplicationType type = ApplicationType.Full, Guid? mainId = null,
        int propose = 0) =>
        On(lodgedOn, async s =>
        {
            var id = (await s.Applications.CreateAsync(new CreateApplicationOptions(created.CaseId, type, _force, CourtVenue.MagistratesCourt, Court, mainId,
                JurisdictionBasis.ResidesInArea, "Lives in Coventry", [created.VictimId],
                [
                    new EvidenceLink(Limb.ActsAssociatedWithStalking, EvidenceKind.Act, created.ActId, "Following, messaging and loitering"),
                    new EvidenceLink(Limb.RiskAssociatedWithStalking, EvidenceKind.RiskAssessment, created.RiskId, "S-DASH assessment"),
                    new EvidenceLink(Limb.NecessaryToProtect, EvidenceKind.NecessityRationale, null, "Escalating despite warnings; no other order protects her"),
                ]), Officer)).ApplicationId;
            if (propose > 0)
            {
                await ProposeAsync(s, created, id, propose);
            }

            if (submit)
            {
                await s.Applications.AuthoriseAsync(new AuthoriseApplicationOptions(id), Coordinator);
                await s.Applications.SubmitAsync(new SubmitApplicationOptions(id), Officer);
            }
            else if (propose > 2)
            {
                // A complete draft the officer has asked a coordinator to authorise: it waits in the coordinators' queue.
                await s.Applications.AskForAuthorisationAsync(new AuthoriseApplicationOptions(id), Officer);
            }

            return id;
        });

    /// <summary>Conditions from the library for an application in progress: no contact, an exclusion zone and, for some, signing on.</summary>
    private async Task ProposeAsync(Services s, DemoCase created, Guid applicationId, int count)
    {
        var victim = await s.Db.Victims.SingleAsync(v => v.Id == created.VictimId);
        var name = victim.Person.PrimaryName.FullName;
        var rest = new ConditionDraft(ConditionType.Prohibition, ConditionCategory.Other, "", ConditionScope.AllUk, null, [victim.Id],
            "He contacted her dozens of times a day after she asked him to stop, and waited outside her home.", true, false, null);
        (string Key, Dictionary<string, string> Values)[] proposals =
        [
            ("no-contact", new() { ["person"] = name }),
            ("exclusion-zone", new() { ["area"] = "the streets around her home in Coventry", ["mapReference"] = "annexed to the application as exhibit PC/1" }),
            ("sign-on", new() { ["station"] = "Little Park Street", ["frequency"] = "every Monday between 9am and 5pm" }),
        ];
        foreach (var (key, values) in proposals.Take(count))
        {
            await s.Applications.ProposeConditionAsync(new ProposeConditionOptions(applicationId, new ProposedConditionDetails(rest, key, values)), Officer);
        }
    }

    private static IReadOnlyList<ConditionDraft> Conditions(Guid victimId, int n) =>
    [
        new(ConditionType.Prohibition, ConditionCategory.NoContact, "Must not contact her directly or indirectly, by any means, including through other people.",
            ConditionScope.AllUk, null, [victimId], "He contacted her dozens of times a day after she asked him to stop.", true, false, null),
        new(ConditionType.Prohibition, ConditionCategory.ExclusionZone, $"Must not enter {_streets[n % _streets.Length]} or the streets shown on the map attached to the order.",
            ConditionScope.Locality, $"{_streets[n % _streets.Length]}, Coventry, and the area shown on map A", [victimId], "He waited outside her home on many evenings.", true, false, null),
        new(ConditionType.Prohibition, ConditionCategory.OnlineOrSocialMedia, "Must not post about her, or refer to her, on any social media or website.",
            ConditionScope.AllUk, null, [victimId], "He posted messages about her online.", true, false, null),
        new(ConditionType.Requirement, ConditionCategory.Assessment, "Must attend an assessment of suitability for a stalking perpetrator programme when asked by the police.",
            ConditionScope.AllUk, null, [victimId], "Treatment may address the fixation behind the behaviour.", true, false, null),
    ];

    private async Task<DemoOrder> FullOrderAsync(DateOnly madeOn, Func<DateOnly, DateOnly?> lastDay, int? servedAfter, bool notify = true, DateOnly? replacingInterimMadeOn = null)
    {
        var created = await CaseAsync((replacingInterimMadeOn ?? madeOn).AddDays(-12));
        await DecideToApplyAsync(created);
        var mainId = await ApplicationAsync(created, (replacingInterimMadeOn ?? madeOn).AddDays(-4), submit: true);
        if (replacingInterimMadeOn is { } interimMadeOn)
        {
            var interimId = await ApplicationAsync(created, interimMadeOn.AddDays(-4), submit: true, ApplicationType.Interim, mainId);
            var interim = await RecordAsync(created, interimId, OrderKind.Interim, interimMadeOn, interimMadeOn.AddDays(27));
            await ServeAndNotifyAsync(interim, interimMadeOn.AddDays(1), notify: true);
        }

        var order = await RecordAsync(created, mainId, OrderKind.Full, madeOn, lastDay(madeOn));
        if (servedAfter is { } days)
        {
            await ServeAndNotifyAsync(order, madeOn.AddDays(days), notify);
        }

        return order;
    }

    private async Task<DemoOrder> InterimOrderAsync(DateOnly madeOn, DateOnly lastDay, int? servedAfter)
    {
        var created = await CaseAsync(madeOn.AddDays(-8));
        await DecideToApplyAsync(created);
        var mainId = await ApplicationAsync(created, madeOn.AddDays(-3), submit: true);
        var interimId = await ApplicationAsync(created, madeOn.AddDays(-3), submit: true, ApplicationType.Interim, mainId);
        var order = await RecordAsync(created, interimId, OrderKind.Interim, madeOn, lastDay);
        if (servedAfter is { } days)
        {
            await ServeAndNotifyAsync(order, madeOn.AddDays(days), notify: false);
        }

        return order;
    }

    private Task<DemoOrder> RecordAsync(DemoCase created, Guid applicationId, OrderKind kind, DateOnly madeOn, DateOnly? lastDay) =>
        On(madeOn, async s =>
        {
            var terms = new OrderTerms(kind, OrderOrigin.PoliceApplicationMagistrates, Court, _force, madeOn,
                lastDay is null ? DurationType.UntilFurtherOrder : DurationType.FixedPeriod, lastDay, Conditions(created.VictimId, _next));
            var orderId = (await s.Orders.RecordOrderAsync(new RecordOrderOptions(created.CaseId, applicationId, terms, NoIncompatibilityAttested: true), Officer)).OrderId;
            var conditionIds = await s.Db.Conditions.Where(c => s.Db.ConditionSets.Any(set => set.Id == c.ConditionSetId && set.OrderId == orderId))
                .OrderBy(c => c.Sequence).Select(c => c.Id).ToListAsync();
            return new DemoOrder(orderId, created.RespondentId, conditionIds, madeOn, created.VictimId);
        });

    private async Task ServeAndNotifyAsync(DemoOrder order, DateOnly servedOn, bool notify)
    {
        var duty = await On(servedOn, s => s.Orders.RecordServiceAsync(
            new RecordServiceOptions(order.OrderId, LondonTime.ToUtc(servedOn, new TimeOnly(10, 30)), ServiceMethod.Personal, officerName), Officer));
        if (!notify || duty.Obligation is null || servedOn.AddDays(1) > today)
        {
            return;
        }

        var notifiedOn = servedOn.AddDays(1);
        await On(notifiedOn, s => s.Notifications.RecordNotificationAsync(new RecordNotificationOptions(order.RespondentId,
            new NotificationEvent.Details(LondonTime.ToUtc(notifiedOn, new TimeOnly(10, 15)), "Coventry Central Police Station", _force, NotificationMode.InPersonOral,
                "PC Sam Patel", false, null, "Name as on the order; no other names", "Address as on the order", $"ACK-{order.OrderId.ToString("N")[^10..].ToUpperInvariant()}",
                LondonTime.ToUtc(notifiedOn, new TimeOnly(10, 20)), "SPA-N1"), duty.ObligationId), Officer));
    }

    private Task DischargeAsync(DemoOrder order, DateOnly on) =>
        On(on, s => s.Orders.DischargeAsync(new DischargeOrderOptions(order.OrderId, ApplicantParty.Defendant, null, on, on,
            [new DischargeConsent(ConsentParty.Defendant, on.AddDays(-20), ConsentMethod.InWriting), new DischargeConsent(ConsentParty.RelevantChiefOfficer, on.AddDays(-10), ConsentMethod.InWriting)]),
            Officer));

    private Task BreachAsync(DemoOrder order, DateOnly on) =>
        On(on, s => s.Breaches.RecordBreachAsync(new RecordBreachOptions(order.OrderId, order.ConditionIds[0], LondonTime.ToUtc(on, new TimeOnly(9, 40)),
            "Outside her home", "Sent her three messages through a friend's account."), Officer));

    private Task PendingVariationAsync(DemoOrder order) =>
        On(today.AddDays(-4), s => s.Applications.CreateChangeAsync(new CreateChangeApplicationOptions(order.OrderId, ApplicationType.Variation, ApplicantParty.ChiefOfficer,
            _force, Court, "She has moved house; the exclusion zone must cover her new street.",
            "Extend the exclusion zone to cover the protected person's new street.", AddsOrTightens: true), Officer));

    private sealed class DemoClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
