using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Lists;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Statistics;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Benchmarks;

/// <summary>Someone the benchmark searches for: a respondent with an order, as an officer at an incident would ask.</summary>
internal sealed record Subject(string FamilyName, DateOnly DateOfBirth, string PncId, Guid OrderId);

internal sealed record SeedResult(int Orders, long Rows, TimeSpan Elapsed, IReadOnlyList<Subject> Subjects, IReadOnlyList<Guid> CaseIds, DateOnly Earliest);

/// <summary>
/// Fictional records at scale, built by the real entities' own methods (so every row passed the rules that guard the law) over
/// twenty years to today: each story is a case with a respondent and a victim, an SPO decision, an authorised and lodged
/// application and a full order with conditions; one in four first had an interim order; most are served, with the
/// notification duty met, overdue or excused; some are breached, appealed or discharged; one in ten had an earlier application
/// refused. Stories are written in batches through <see cref="BulkWriter"/>.
/// </summary>
internal sealed class Seeder(DatabaseProvider provider, string connectionString, DateOnly today, int seed = 2019)
{
    private const int BatchSize = 2_000;
    private const int SubjectsKept = 2_000;
    internal const int Years = 20;
    private const string Court = "Leeds Magistrates' Court";

    private static readonly Actor _officer = new("bench-officer", "PC Bench Officer", StaffRoles.Officer, "Stalking Team");
    private static readonly Actor _coordinator = new("bench-coordinator", "DS Bench Coordinator", StaffRoles.Coordinator, "Stalking Team");
    private static readonly string[] _teams = ["Stalking Team", "North Public Protection", "South Public Protection", "East Safeguarding", "West Safeguarding"];
    private static readonly string[] _maleNames = ["James", "John", "Robert", "Michael", "David", "Daniel", "Thomas", "Mark", "Paul", "Steven", "Andrew", "Kevin", "Ryan", "Lee", "Gary", "Craig"];
    private static readonly string[] _femaleNames = ["Sarah", "Emma", "Laura", "Rachel", "Claire", "Hannah", "Sophie", "Amy", "Gemma", "Lucy", "Katie", "Jessica", "Zoe", "Megan"];
    private static readonly string[] _syllables = ["ash", "brook", "cart", "dale", "ell", "field", "gar", "holm", "ing", "kirk", "ley", "mor", "ner", "ridge", "stan", "thorp", "well", "wood", "by", "ton"];
    private static readonly string[] _streets = ["High Street", "Station Road", "Church Lane", "Victoria Road", "Park Avenue", "Mill Lane", "King Street", "Queens Road"];
    private static readonly string[] _towns = ["Leeds LS6", "Bradford BD7", "Wakefield WF1", "Huddersfield HD1", "Halifax HX1", "Keighley BD21"];

    private readonly Random _random = new(seed);

    // The seeder writes around the service, which checks each new order's victim reference against the register
    // (OrderVictimReference.ReissueTakenAsync); a million random ones would otherwise clash about one time in three.
    private readonly HashSet<string> _victimReferences = new(StringComparer.Ordinal);

    public async Task<SeedResult> SeedAsync(int orders, Action<string> progress)
    {
        var stopwatch = Stopwatch.StartNew();
        var stories = (int)Math.Ceiling(orders / 1.25);
        var subjects = new List<Subject>();
        var caseIds = new List<Guid>();
        var made = 0;
        var building = new Stopwatch();
        await using var writer = await BulkWriter.OpenAsync(provider, connectionString);
        for (var start = 0; start < stories; start += BatchSize)
        {
            var batch = new List<object>();
            building.Start();
            for (var i = start; i < Math.Min(start + BatchSize, stories); i++)
            {
                made += Story(i, batch, subjects, caseIds);
            }

            building.Stop();

            await writer.WriteAsync(batch);
            if ((start / BatchSize) % 10 == 9 || start + BatchSize >= stories)
            {
                progress($"  {made:N0} orders, {writer.RowsWritten:N0} rows, {stopwatch.Elapsed.TotalSeconds:N0} s ({building.Elapsed.TotalSeconds:N0} s building entities)");
            }
        }

        await writer.CompleteAsync();

        // The rows went in around SaveChanges, so the lists' stored sort keys are worked out once at the end.
        await using (var db = DatabaseSetup.CreateContext(provider, connectionString))
        {
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            await ListKeys.RefreshAllAsync(db);
        }

        progress($"  list sort keys worked out, {stopwatch.Elapsed.TotalSeconds:N0} s");
        return new SeedResult(made, writer.RowsWritten, stopwatch.Elapsed, subjects, caseIds, today.AddYears(-Years));
    }

    private void Unique(StalkingProtectionOrder order)
    {
        while (!_victimReferences.Add(order.VictimReference!))
        {
            order.ReissueVictimReference();
        }
    }

    /// <summary>
    /// An audit log of the given size over the seeded records, oldest first as the service writes it: mostly consultations
    /// (frontline lookups and reads with their reason), the rest alterations with the values before and after.
    /// </summary>
    public async Task<(long Rows, TimeSpan Elapsed)> SeedAuditAsync(int entries, IReadOnlyList<Guid> caseIds, IReadOnlyList<Subject> subjects, Action<string> progress)
    {
        var stopwatch = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow.AddHours(-1);
        var span = TimeSpan.FromDays(Years * 365.0);
        const int auditBatch = 20_000;
        await using var writer = await BulkWriter.OpenAsync(provider, connectionString);
        for (var start = 0; start < entries; start += auditBatch)
        {
            var batch = new List<object>(auditBatch);
            for (var i = start; i < Math.Min(start + auditBatch, entries); i++)
            {
                var at = now - span + (span * ((double)i / entries));
                var actor = i % 3 == 0 ? _coordinator : _officer;
                batch.Add(i % 10 < 7
                    ? new AuditEntry
                    {
                        OccurredAt = at, ActorId = actor.Id, ActorName = actor.Name, ActorRole = actor.Role, Kind = AuditKind.Consultation,
                        Action = "Lookup.Search", RecordType = nameof(StalkingProtectionOrder), RecordId = subjects[i % subjects.Count].OrderId.ToString(),
                        Justification = $"Incident 13/{i % 1_000_000:000000}/{at.Year % 100:00}", CorrelationId = $"00-{i:x32}-{i % 65536:x16}-01",
                    }
                    : new AuditEntry
                    {
                        OccurredAt = at, ActorId = actor.Id, ActorName = actor.Name, ActorRole = actor.Role, Kind = AuditKind.Alteration,
                        Action = "Case.ActRecorded", RecordType = nameof(StalkingCase), RecordId = caseIds[i % caseIds.Count].ToString(),
                        Justification = "Victim's further statement",
                        OldValues = """{"Acts":3,"Status":"Open"}""",
                        NewValues = $$$"""{"Acts":4,"Status":"Open","Act":{"Category":"UnwantedContact","OccurredOn":"{{{at:yyyy-MM-dd}}}","Description":"Repeated messages after being told to stop"}}""",
                        CorrelationId = $"00-{i:x32}-{i % 65536:x16}-01",
                    });
            }

            await writer.WriteAsync(batch);
            if ((start / auditBatch) % 10 == 9 || start + auditBatch >= entries)
            {
                progress($"  {Math.Min(start + auditBatch, entries):N0} audit entries, {stopwatch.Elapsed.TotalSeconds:N0} s");
            }
        }

        await writer.CompleteAsync();
        return (writer.RowsWritten, stopwatch.Elapsed);
    }

    /// <summary>The respondents and cases a run needs from a database an earlier run seeded (--reuse).</summary>
    public static async Task<SeedResult> ReadBackAsync(Func<StalkingProtectionDbContext> createContext, DateOnly today)
    {
        await using var db = createContext();
        var subjects = await db.Orders.IgnoreAutoIncludes().AsNoTracking().InForceOn(today).OrderBy(o => o.Id).Take(SubjectsKept)
            .Join(db.Respondents, o => o.RespondentId, r => r.Id, (o, r) => new { OrderId = o.Id, r.PersonId })
            .Join(db.People, x => x.PersonId, p => p.Id, (x, p) => new
            {
                x.OrderId,
                p.DateOfBirth,
                p.PncId,
                FamilyName = p.Names.Where(n => !n.IsAlias).Select(n => n.FamilyName).First(),
            })
            .ToListAsync();
        var caseIds = await db.Cases.AsNoTracking().Select(c => c.Id).ToListAsync();
        return new SeedResult(await db.Orders.CountAsync(), 0, TimeSpan.Zero,
            subjects.Select(s => new Subject(s.FamilyName, s.DateOfBirth!.Value, s.PncId!, s.OrderId)).ToList(), caseIds, today.AddYears(-Years));
    }

    private int Story(int index, List<object> batch, List<Subject> subjects, List<Guid> caseIds)
    {
        var madeOn = today.AddDays(-_random.Next(1, Years * 365));
        var hasInterim = index % 4 == 0;
        var lodgedOn = madeOn.AddDays(hasInterim ? -30 : -14);
        var reportedOn = lodgedOn.AddDays(-_random.Next(20, 90));
        var reportedAt = At(reportedOn, 11);

        // People: the respondent is an adult on the application date (R7), the victim the person protected (R4).
        var dateOfBirth = lodgedOn.AddYears(-_random.Next(19, 60)).AddDays(-_random.Next(0, 365));
        var family = FamilyName();
        var pnc = $"{dateOfBirth.Year % 100:00}/{index:0000000}{(char)('A' + (index % 26))}";
        var respondentPerson = Person.Create(Pick(_maleNames), family, dateOfBirth, Gender.Male, pnc, reportedAt);
        var respondent = Respondent.Create(respondentPerson, reportedAt);
        respondent.MoveTo($"{_random.Next(1, 300)} {Pick(_streets)}, {Pick(_towns)} {_random.Next(1, 9)}{(char)('A' + _random.Next(26))}{(char)('A' + _random.Next(26))}",
            PoliceForce.WestYorkshire, reportedOn.AddYears(-2), AddressSource.Other, reportedAt);

        var stalkingCase = StalkingCase.Open([$"13/{index:000000}/{reportedOn.Year % 100:00}"], OffencesConsidered.StalkingPha2A | OffencesConsidered.HarassmentPha2,
            reportedOn, _officer.Name, Pick(_teams), reportedAt);
        stalkingCase.SetRespondent(respondent.Id);
        var victimPerson = Person.Create(Pick(_femaleNames), FamilyName(), dateOfBirth.AddYears(_random.Next(-5, 6)), Gender.Female, null, reportedAt);
        var victim = Victim.Add(stalkingCase.Id, victimPerson, VictimRole.Both, RelationshipToRespondent.ExIntimate, reportedAt);
        var decision = SpoDecision.Record(stalkingCase.Id, SpoDecisionOutcome.Apply, "Fixated, obsessive, unwanted and repeated contact; an order is needed to protect her",
            _coordinator.Name, null, null, reportedOn.AddDays(7), At(reportedOn.AddDays(7), 15));
        stalkingCase.NoteSpoDecision(decision);
        batch.AddRange([respondent, stalkingCase, victim, decision]);
        caseIds.Add(stalkingCase.Id);

        if (index % 10 == 5)
        {
            var refusedOn = reportedOn.AddDays(10);
            var refused = LodgedApplication(stalkingCase, respondent, victim, ApplicationType.Full, null, refusedOn);
            refused.Determine(Determination.Refused, At(refusedOn.AddDays(5), 14));
            batch.Add(refused);
        }

        var main = LodgedApplication(stalkingCase, respondent, victim, ApplicationType.Full, null, lodgedOn);
        batch.Add(main);
        var protectedPersons = new HashSet<Guid> { victim.Id };
        var count = 0;

        StalkingProtectionOrder? interim = null;
        if (hasInterim)
        {
            var interimApplication = LodgedApplication(stalkingCase, respondent, victim, ApplicationType.Interim, main, lodgedOn);
            var interimMadeOn = lodgedOn.AddDays(1);
            interim = StalkingProtectionOrder.Make(stalkingCase.Id, respondent.Id, interimApplication,
                new OrderTerms(OrderKind.Interim, OrderOrigin.PoliceApplicationMagistrates, Court, PoliceForce.WestYorkshire, interimMadeOn,
                    DurationType.FixedPeriod, interimMadeOn.AddDays(41), Conditions(victim.Id, interimMadeOn.AddDays(41))),
                new OrderContext(null, [], false, null), protectedPersons, null, At(interimMadeOn, 12), out _);
            Unique(interim);
            interimApplication.Determine(Determination.Granted, At(interimMadeOn, 12));
            batch.AddRange([interimApplication, interim]);
            Serve(interim, respondent, interimMadeOn, batch);
            count++;
        }

        var lastDay = Duration(madeOn);
        var order = StalkingProtectionOrder.Make(stalkingCase.Id, respondent.Id, main,
            new OrderTerms(OrderKind.Full, OrderOrigin.PoliceApplicationMagistrates, Court, PoliceForce.WestYorkshire, madeOn,
                lastDay is null ? DurationType.UntilFurtherOrder : DurationType.FixedPeriod, lastDay, Conditions(victim.Id, lastDay)),
            new OrderContext(interim, [], false, null), protectedPersons, null, At(madeOn, 12), out _);
        Unique(order);
        main.Determine(Determination.Granted, At(madeOn, 12));
        interim?.Cease(At(madeOn, 12));
        batch.Add(order);
        count++;

        if (interim is null && _random.Next(100) < 92)
        {
            var servedOn = madeOn.AddDays(_random.Next(0, 4));
            Serve(order, respondent, servedOn < today ? servedOn : madeOn, batch);
        }
        else if (interim is not null)
        {
            order.RecordService(At(madeOn, 13), ServiceMethod.PresentInCourt, "PC Bench Server", respondent, At(madeOn, 13));
        }

        if (order.ServedOn is { } served && _random.Next(100) < 10)
        {
            RecordBreach(order, served, batch);
        }

        if (_random.Next(100) < 2 && madeOn.AddDays(40) < today)
        {
            var appeal = Appeal.Lodge(order.Id, null, AppellantType.Defendant, AppealableDecision.MakingOfOrder, madeOn, madeOn.AddDays(21), madeOn.AddDays(10),
                "The order is wider than necessary to protect the victim", null, At(madeOn.AddDays(10), 10), out _);
            if (_random.Next(10) > 0)
            {
                appeal.Decide(_random.Next(4) == 0 ? AppealOutcome.Abandoned : AppealOutcome.Dismissed, madeOn.AddDays(35), $"A{madeOn.Year}{index % 10000:0000}");
            }

            batch.Add(appeal);
        }

        var dischargeOn = madeOn.AddYears(2).AddDays(30);
        if (_random.Next(100) < 4 && dischargeOn < today && (order.LastInForceDay is null || order.LastInForceDay > dischargeOn))
        {
            Discharge(stalkingCase, respondent, order, dischargeOn, batch);
        }

        // A case closes some time after its order stops protecting anyone; the open ones are the live work.
        if (order.NoLongerInForceFrom is { } ended && ended < today.AddYears(-1))
        {
            stalkingCase.Close(_random.Next(3) == 0 ? CaseOutcome.Convicted : CaseOutcome.NoFurtherAction);
        }

        if (subjects.Count < SubjectsKept && order.IsInForceOn(today))
        {
            subjects.Add(new Subject(family, dateOfBirth, pnc, order.Id));
        }

        return count;
    }

    private static Application LodgedApplication(StalkingCase stalkingCase, Respondent respondent, Victim victim, ApplicationType type, Application? main, DateOnly lodgedOn)
    {
        var now = At(lodgedOn, 10);
        var application = Application.CreateForOrder(stalkingCase.Id, respondent.Id, type, PoliceForce.WestYorkshire, main, Court, now);
        application.SetVenue(CourtVenue.MagistratesCourt, Court);
        application.SetJurisdiction(JurisdictionBasis.ResidesInArea, "Lives at his home address in the force area");
        application.AddEvidence(Limb.ActsAssociatedWithStalking, EvidenceKind.Document, null, "Statement describing repeated visits to her home and workplace", now);
        application.AddEvidence(Limb.RiskAssociatedWithStalking, EvidenceKind.Document, null, "S-DASH assessment: high risk", now);
        application.AddEvidence(Limb.NecessaryToProtect, EvidenceKind.NecessityRationale, null, "Escalating behaviour; no other order protects her", now);
        application.AddProtectedPerson(victim, now);
        application.Authorise(_coordinator, now);
        application.Submit(respondent, main, lodgedOn, now);
        return application;
    }

    // SPA 2019 s.3(2), R14: a fixed period is at least 2 years; most orders are made for the minimum.
    private DateOnly? Duration(DateOnly madeOn) => _random.Next(100) switch
    {
        < 55 => StatutoryDates.MinimumLastDay(madeOn),
        < 80 => madeOn.AddYears(_random.Next(3, 6)).AddDays(-1),
        < 90 => madeOn.AddYears(_random.Next(6, 11)).AddDays(-1),
        < 93 => madeOn.AddYears(15).AddDays(-1),
        _ => null,
    };

    private static List<ConditionDraft> Conditions(Guid victimId, DateOnly? lastDay) =>
    [
        new(ConditionType.Prohibition, ConditionCategory.NoContact, "Must not contact the protected person directly or indirectly by any means.",
            ConditionScope.AllUk, null, [victimId], "He has repeatedly contacted her despite being asked to stop.", true, false, null),
        new(ConditionType.Prohibition, ConditionCategory.ExclusionZone, "Must not enter the area shown on the map attached to the order.",
            ConditionScope.Locality, "The streets around the protected person's home and workplace, as shown on the map", [victimId],
            "He has waited outside her home and workplace.", true, false, null, lastDay is null ? ConditionDuration.UntilFurtherOrder : ConditionDuration.AsOrder),
    ];

    private void Serve(StalkingProtectionOrder order, Respondent respondent, DateOnly servedOn, List<object> batch)
    {
        var servedAt = At(servedOn, 10);
        var obligation = order.RecordService(servedAt, ServiceMethod.Personal, "PC Bench Server", respondent, servedAt).Obligation;
        if (obligation is null)
        {
            return;
        }

        batch.Add(obligation);
        if (obligation.DueBy >= today)
        {
            return;
        }

        var roll = _random.Next(100);
        if (roll < 85)
        {
            var notifiedAt = At(servedOn.AddDays(1), 14);
            var notification = NotificationEvent.Record(respondent, new NotificationEvent.Details(notifiedAt, "Leeds Elland Road Police Station",
                PoliceForce.WestYorkshire, NotificationMode.InPersonOral, "PC Front Counter", false, null, respondent.Person.PrimaryName.FullName,
                respondent.Addresses[0].Address, $"ACK-{obligation.Id:N}", notifiedAt.AddMinutes(5), "SPO-N1 v2"),
                PoliceForce.WestYorkshire, notifiedAt.AddMinutes(10));
            obligation.Meet(notification, respondent);
            batch.Add(notification);
        }
        else if (roll < 95)
        {
            obligation.MarkOverdueIfDue(LondonTime.EndOfDayUtc(obligation.DueBy).AddHours(1));
        }
        else
        {
            obligation.Excuse("In hospital on the due day; notified on discharge", obligation.DueBy);
        }
    }

    private void RecordBreach(StalkingProtectionOrder order, DateOnly servedOn, List<object> batch)
    {
        var incidentOn = servedOn.AddDays(_random.Next(20, 400));
        var lastDay = order.LastInForceDay ?? today;
        if (incidentOn >= today || incidentOn > lastDay)
        {
            return;
        }

        var incidentAt = At(incidentOn, 21);
        var reportedAt = incidentAt.AddHours(2);
        var condition = order.CurrentConditionSet.Conditions[0];
        var breach = Breach.Record(order, condition.Id, incidentAt, "Outside the protected person's home", "Sent her messages through a friend",
            reportedAt, null, reportedAt, out _);
        var outcomes = Enum.GetValues<BreachOutcome>();
        var outcome = incidentOn < today.AddDays(-120) ? outcomes[_random.Next(1, outcomes.Length)] : BreachOutcome.UnderInvestigation;
        if (outcome != BreachOutcome.UnderInvestigation)
        {
            breach.RecordOutcome(outcome, outcome == BreachOutcome.Convicted ? incidentOn.AddDays(90) : null, outcome == BreachOutcome.Convicted ? "12 weeks' imprisonment" : null);
        }

        batch.Add(breach);
    }

    // SPA 2019 s.4, R22: after the first 2 years a full order can be discharged without the parties' consent.
    private static void Discharge(StalkingCase stalkingCase, Respondent respondent, StalkingProtectionOrder order, DateOnly on, List<object> batch)
    {
        var lodgedOn = on.AddDays(-21);
        var application = Application.CreateForChange(stalkingCase.Id, respondent.Id, ApplicationType.Discharge, order.Id, ApplicantParty.ChiefOfficer,
            PoliceForce.WestYorkshire, [PoliceForce.WestYorkshire], Court, At(lodgedOn, 10));
        application.Authorise(_coordinator, At(lodgedOn, 10));
        application.Submit(respondent, null, lodgedOn, At(lodgedOn, 11));
        application.Determine(Determination.Granted, At(on, 12));
        var previousLastDay = order.LastInForceDay;
        order.Discharge(on, [], At(on, 12));
        var change = OrderChange.Record(order, application, OrderChangeType.Discharge, ApplicantParty.ChiefOfficer, PoliceForce.WestYorkshire, on, on,
            null, null, previousLastDay, null, [], At(on, 12));
        batch.AddRange([application, change]);
    }

    // 8,000 invented surnames: about ten respondents share each at 100,000 orders, so a name and date of birth find one person.
    private string FamilyName()
    {
        var name = Pick(_syllables) + Pick(_syllables) + Pick(_syllables);
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    private T Pick<T>(T[] values) => values[_random.Next(values.Length)];

    private static DateTimeOffset At(DateOnly day, int hour) => LondonTime.ToUtc(day, new TimeOnly(hour, 0));

    internal static StatisticsPeriod AllTime(DateOnly earliest, DateOnly today) => new(earliest.AddYears(-1), today);
}
