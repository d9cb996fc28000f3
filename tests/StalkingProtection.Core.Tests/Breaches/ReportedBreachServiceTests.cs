using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Reports;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.Time;
using StalkingProtection.Core.VictimUpdates;
using StalkingProtection.Core.Tests.VictimUpdates;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Breaches;

public sealed class ReportedBreachServiceTests : IAsyncLifetime
{
    // Thursday 24 December 2026: Christmas Day is a Friday and Boxing Day's substitute is Monday 28 December.
    private static readonly DateOnly _christmasEve = new(2026, 12, 24);
    private readonly IDataProtectionProvider _dataProtection = new EphemeralDataProtectionProvider();
    private TestDatabase _database = null!;
    private TestData _data = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _data = new TestData(_database);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    /// <summary>A full order made in February lasts at least two years; an interim one made then ended 28 days later.</summary>
    private async Task<(Guid OrderId, string Reference)> LiveOrderAsync(bool ended = false)
    {
        var order = await _data.CreateOrderAsync(o =>
        {
            o.MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 3));
            if (ended)
            {
                o.Interim();
            }
        });
        await using var db = _database.CreateContext();
        return (order.OrderId, (await db.Orders.SingleAsync(o => o.Id == order.OrderId)).VictimReference!);
    }

    /// <summary>A live order whose victim asked for <paramref name="events"/>, and a breach of it reported online the day before Christmas Eve.</summary>
    private async Task<(OrderAndConditions Order, Guid ReportedId)> ReportedBreachOfAnOrderAsync(VictimUpdateEvent events)
    {
        var (orderId, reference) = await LiveOrderAsync();
        await using var db = _database.CreateContext();
        var caseId = await db.Orders.Where(o => o.Id == orderId).Select(o => o.CaseId).SingleAsync();
        var victimId = await db.Victims.Where(v => v.CaseId == caseId).Select(v => v.Id).FirstAsync();
        await VictimUpdateOutboxTests.SetUpVictimAsync(_data, victimId, new DateOnly(2026, 2, 1), events, protection: _dataProtection);
        var conditionIds = (await db.Orders.SingleAsync(o => o.Id == orderId)).ConditionSets.SelectMany(s => s.Conditions).Select(c => c.Id).ToList();
        var (reportedId, _) = await _data.CreateReportedBreachAsync(_dataProtection, reference, _christmasEve.AddDays(-1));
        return (new OrderAndConditions(orderId, conditionIds), reportedId);
    }

    private static DateTimeOffset ArrestedOnChristmasEve => LondonTime.ToUtc(_christmasEve, new TimeOnly(9, 15));

    private ReportedBreachService Service(StalkingProtectionDbContext db, DateOnly day) =>
        new TestData.Services(db, TestClock.At(day)).ReportedBreaches(_dataProtection);

    [Fact]
    public async Task SPA2019_s8_Submit_LiveOrderReference_RecordsASuspectedBreachAndATaskForTheOfficerInChargeDueTheNextBusinessDay()
    {
        // Arrange
        var (orderId, reference) = await LiveOrderAsync();

        // Act
        var (id, _) = await _data.CreateReportedBreachAsync(_dataProtection, reference.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), _christmasEve);

        // Assert
        await using var db = _database.CreateContext();
        var reported = await db.ReportedBreaches.SingleAsync(r => r.Id == id);
        Assert.Equal(orderId, reported.OrderId);
        Assert.True(reported.OrderWasLive);
        var task = await db.StaffTasks.SingleAsync(t => t.RecordId == id);
        Assert.Equal(StaffTaskType.DecideReportedBreach, task.Type);
        Assert.Equal(orderId, task.OrderId);
        var stalkingCase = await db.Cases.SingleAsync(c => db.Orders.Any(o => o.Id == orderId && o.CaseId == c.Id));
        Assert.Equal(stalkingCase.OfficerInCharge, task.AssignedOfficer);
        Assert.Equal(stalkingCase.Team, task.AssignedTeam);
        Assert.Equal(new DateOnly(2026, 12, 29), task.DueOn);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "ReportedBreach.Submitted" && a.RecordId == id.ToString()));
    }

    [Fact]
    public async Task Submit_UnknownReference_RecordsTheReportWithATaskForTheCoordinatorsAndNoOrder()
    {
        // Act
        var (id, reference) = await _data.CreateReportedBreachAsync(_dataProtection, "SPO-AAAA-BBBB", _christmasEve);

        // Assert
        Assert.StartsWith("SPB-", reference, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        var reported = await db.ReportedBreaches.SingleAsync(r => r.Id == id);
        Assert.Null(reported.OrderId);
        Assert.Equal("SPO-AAAA-BBBB", reported.OrderReferenceGiven);
        var task = await db.StaffTasks.SingleAsync(t => t.RecordId == id);
        Assert.Equal(StaffTaskType.CheckReportedBreach, task.Type);
        Assert.Null(task.AssignedOfficer);
        Assert.Null(task.AssignedTeam);
        Assert.Equal(new DateOnly(2026, 12, 29), task.DueOn);
    }

    [Fact]
    public async Task SPA2019_s8_R36_Submit_EndedOrder_GoesToTheCoordinatorsToCheck()
    {
        // Arrange
        var (orderId, reference) = await LiveOrderAsync(ended: true);

        // Act
        var (id, _) = await _data.CreateReportedBreachAsync(_dataProtection, reference, _christmasEve);

        // Assert
        await using var db = _database.CreateContext();
        var reported = await db.ReportedBreaches.SingleAsync(r => r.Id == id);
        Assert.Equal(orderId, reported.OrderId);
        Assert.False(reported.OrderWasLive);
        Assert.Equal(StaffTaskType.CheckReportedBreach, (await db.StaffTasks.SingleAsync(t => t.RecordId == id)).Type);
    }

    [Fact]
    public async Task Submit_SameDraftTwice_RecordsOneReportWithOneReference()
    {
        // Arrange
        var (_, reference) = await LiveOrderAsync();
        await using var db = _database.CreateContext();
        var service = Service(db, _christmasEve);
        var draftId = await service.StartDraftAsync();
        await service.UpdateAnswersAsync(draftId, a => TestData.CompleteBreachAnswers(a, reference, _christmasEve));

        // Act
        var first = await service.SubmitAsync(draftId);
        var second = await service.SubmitAsync(draftId);

        // Assert
        Assert.Equal(SubmitOutcome.Sent, first.Outcome);
        Assert.Equal(SubmitOutcome.AlreadySent, second.Outcome);
        Assert.Equal(first.Reference, second.Reference);
        await using var check = _database.CreateContext();
        Assert.Equal(1, await check.ReportedBreaches.CountAsync());
        Assert.Equal(1, await check.StaffTasks.CountAsync(t => t.Type == StaffTaskType.DecideReportedBreach));
    }

    [Fact]
    public async Task Submit_StoresTheSafeContactDetailsOnlyEncrypted()
    {
        // Arrange
        var (_, reference) = await LiveOrderAsync();

        // Act
        var (id, _) = await _data.CreateReportedBreachAsync(_dataProtection, reference, _christmasEve);

        // Assert
        await using var db = _database.CreateContext();
        var reported = await db.ReportedBreaches.SingleAsync(r => r.Id == id);
        Assert.NotNull(reported.ProtectedContact);
        Assert.DoesNotContain("07700", reported.ProtectedContact, StringComparison.Ordinal);
        var contact = SafeContactProtection.Unprotect(_dataProtection, reported.ProtectedContact);
        Assert.Equal("07700 900456", contact!.PhoneNumber);
        Assert.Equal("Afternoons", contact.SafeTimes);
    }

    [Fact]
    public async Task Submit_DateInTheFuture_IsNotSentAndAsksTheDateAgain()
    {
        // Arrange
        await using var db = _database.CreateContext();
        var service = Service(db, _christmasEve);
        var draftId = await service.StartDraftAsync();
        await service.UpdateAnswersAsync(draftId, a => TestData.CompleteBreachAnswers(a, "SPO-AAAA-BBBB", _christmasEve.AddDays(1)));

        // Act
        var result = await service.SubmitAsync(draftId);

        // Assert
        Assert.Equal(SubmitOutcome.Incomplete, result.Outcome);
        Assert.Equal(BreachReportStep.WhenItHappened, result.FirstUnanswered);
        Assert.False(await db.ReportedBreaches.AnyAsync());
    }

    [Fact]
    public async Task GetDraft_DraftOfTheReportStalkingJourney_ReadsAsMissing()
    {
        // Arrange
        await using var db = _database.CreateContext();
        var clock = TestClock.At(_christmasEve);
        var reportDraft = await new PublicReportService(db, _dataProtection, new AuditLog(db, clock), clock).StartDraftAsync();

        // Act
        var state = await Service(db, _christmasEve).GetDraftAsync(reportDraft);

        // Assert
        Assert.Equal(DraftStatus.Missing, state.Status);
    }

    [Fact]
    public async Task SPA2019_s8_R39_Decide_WithReasons_ClosesTheTaskAndLeavesTheOutcomeToTellTheVictim()
    {
        // Arrange
        var (_, reference) = await LiveOrderAsync();
        var (id, _) = await _data.CreateReportedBreachAsync(_dataProtection, reference, _christmasEve);

        // Act
        await using (var db = _database.CreateContext())
        {
            await Service(db, _christmasEve).DecideAsync(new DecideReportedBreachOptions(id, ReportedBreachDecision.NoBreach,
                "CCTV shows he was not there at that time."), TestData.Officer);
        }

        // Assert
        await using var check = _database.CreateContext();
        var reported = await check.ReportedBreaches.SingleAsync(r => r.Id == id);
        Assert.Equal(ReportedBreachDecision.NoBreach, reported.Decision);
        Assert.Equal("CCTV shows he was not there at that time.", reported.DecisionReasons);
        Assert.True(reported.OutcomeToTell);
        Assert.Equal(StaffTaskStatus.Done, (await check.StaffTasks.SingleAsync(t => t.RecordId == id)).Status);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == "ReportedBreach.Decided"));
    }

    [Fact]
    public async Task R39_Decide_WithoutReasons_IsRefusedAndTheTaskStaysOpen()
    {
        // Arrange
        var (_, reference) = await LiveOrderAsync();
        var (id, _) = await _data.CreateReportedBreachAsync(_dataProtection, reference, _christmasEve);
        await using var db = _database.CreateContext();

        // Act
        var ex = await Record.ExceptionAsync(() => Service(db, _christmasEve).DecideAsync(
            new DecideReportedBreachOptions(id, ReportedBreachDecision.NoBreach, "  "), TestData.Officer));

        // Assert
        Assert.Contains("R39", Assert.IsType<RuleViolationException>(ex).RuleIds);
        await using var check = _database.CreateContext();
        Assert.Null((await check.ReportedBreaches.SingleAsync(r => r.Id == id)).Decision);
        Assert.Equal(StaffTaskStatus.Open, (await check.StaffTasks.SingleAsync(t => t.RecordId == id)).Status);
    }

    [Fact]
    public async Task R39_CompleteTask_ReportedBreachTaskMarkedDoneWithoutADecision_IsRefused()
    {
        // Arrange
        var (id, _) = await _data.CreateReportedBreachAsync(_dataProtection, "SPO-AAAA-BBBB", _christmasEve);
        await using var db = _database.CreateContext();
        var task = await db.StaffTasks.SingleAsync(t => t.RecordId == id);

        // Act
        var ex = await Record.ExceptionAsync(() => _data.WithServicesAsync(_christmasEve, s => s.Reviews.CompleteTaskAsync(task.Id, null, TestData.Coordinator)));

        // Assert
        Assert.Contains("R39", Assert.IsType<RuleViolationException>(ex).RuleIds);
        await using var check = _database.CreateContext();
        Assert.Equal(StaffTaskStatus.Open, (await check.StaffTasks.SingleAsync(t => t.Id == task.Id)).Status);
    }

    [Fact]
    public async Task R41_Decide_ReportAboutAnOrder_WritesTheDecisionAndWhyToTheVictimsUpdatesInTheSameSave()
    {
        // Arrange
        var (_, id) = await ReportedBreachOfAnOrderAsync(VictimUpdateEvent.BreachOutcome);

        // Act
        await using (var db = _database.CreateContext())
        {
            await Service(db, _christmasEve).DecideAsync(new DecideReportedBreachOptions(id, ReportedBreachDecision.NoBreach,
                "CCTV shows he was not there at that time."), TestData.Officer);
        }

        // Assert: what was decided and why, even when nothing more is done, but not where it happened.
        await using var check = _database.CreateContext();
        var message = await check.Set<VictimMessage>().SingleAsync();
        Assert.Equal(VictimUpdateEvent.BreachOutcome, message.Event);
        Assert.Equal(VictimMessageStatus.Pending, message.Status);
        Assert.Contains("24 December 2026", message.Body, StringComparison.Ordinal);
        Assert.Contains("decided it was not a breach of the order", message.Body, StringComparison.Ordinal);
        Assert.Contains("The officer's reasons: CCTV shows he was not there at that time.", message.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Moss Lane", message.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("He was at work, his manager confirmed on 07700 900123.", "a phone number")]
    [InlineData("His alibi was checked with alibi.check@example.org.", "an email address")]
    [InlineData("He was at home in LS1 4AP all evening.", "a postcode")]
    public async Task R41_Decide_ReasonsWithContactDetails_AreRefusedSayingWhatWasFound_AndNothingIsSaved(string reasons, string found)
    {
        // Arrange
        var (_, id) = await ReportedBreachOfAnOrderAsync(VictimUpdateEvent.BreachOutcome);
        await using var db = _database.CreateContext();

        // Act
        var ex = await Record.ExceptionAsync(() => Service(db, _christmasEve).DecideAsync(
            new DecideReportedBreachOptions(id, ReportedBreachDecision.NoBreach, reasons), TestData.Officer));

        // Assert
        var violation = Assert.Single(Assert.IsType<RuleViolationException>(ex).Violations);
        Assert.Equal(("R41", "reasons"), (violation.RuleId, violation.Field));
        Assert.Contains(found, violation.Message, StringComparison.Ordinal);
        await using var check = _database.CreateContext();
        Assert.Null((await check.ReportedBreaches.SingleAsync(r => r.Id == id)).Decision);
        Assert.False(await check.Set<VictimMessage>().AnyAsync());
        Assert.Equal(StaffTaskStatus.Open, (await check.StaffTasks.SingleAsync(t => t.RecordId == id)).Status);
    }

    [Fact]
    public async Task R41_Decide_ReasonsNamingTheRespondentOrTheVictim_AreRefused_WhileOrdinaryWordsPass()
    {
        // Arrange
        var (order, id) = await ReportedBreachOfAnOrderAsync(VictimUpdateEvent.BreachOutcome);
        await using var db = _database.CreateContext();
        var caseId = await db.Orders.Where(o => o.Id == order.OrderId).Select(o => o.CaseId).SingleAsync();
        var respondentId = await db.Cases.Where(c => c.Id == caseId).Select(c => c.RespondentId!.Value).SingleAsync();
        var respondentPersonId = await db.Respondents.Where(r => r.Id == respondentId).Select(r => r.PersonId).SingleAsync();
        var victimPersonId = await db.Victims.Where(v => v.CaseId == caseId).Select(v => v.PersonId).FirstAsync();
        var respondentFamilyName = await db.Set<PersonName>().Where(n => n.PersonId == respondentPersonId).Select(n => n.FamilyName).FirstAsync();
        var victimGivenNames = await db.Set<PersonName>().Where(n => n.PersonId == victimPersonId).Select(n => n.GivenNames).FirstAsync();

        // Act
        var namingRespondent = await Record.ExceptionAsync(() => Service(db, _christmasEve).DecideAsync(
            new DecideReportedBreachOptions(id, ReportedBreachDecision.NoBreach, $"Mr {respondentFamilyName.ToUpperInvariant()} was in custody."), TestData.Officer));
        var namingVictim = await Record.ExceptionAsync(() => Service(db, _christmasEve).DecideAsync(
            new DecideReportedBreachOptions(id, ReportedBreachDecision.NoBreach, $"{victimGivenNames.Split(' ')[0]} confirmed it was someone else."), TestData.Officer));
        await Service(db, _christmasEve).DecideAsync(
            new DecideReportedBreachOptions(id, ReportedBreachDecision.NoBreach, "He was in custody at the time, 2 Nov 2026 10:30."), TestData.Officer);

        // Assert
        Assert.Contains($"the name \"{respondentFamilyName}\"", Assert.Single(Assert.IsType<RuleViolationException>(namingRespondent).Violations).Message,
            StringComparison.OrdinalIgnoreCase);
        Assert.Equal("R41", Assert.Single(Assert.IsType<RuleViolationException>(namingVictim).Violations).RuleId);
        await using var check = _database.CreateContext();
        Assert.Contains("He was in custody at the time, 2 Nov 2026 10:30.", (await check.Set<VictimMessage>().SingleAsync()).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R41_Decide_RefusedDecision_WritesNoUpdate()
    {
        // Arrange
        var (_, id) = await ReportedBreachOfAnOrderAsync(VictimUpdateEvent.BreachOutcome);
        await using var db = _database.CreateContext();

        // Act
        var ex = await Record.ExceptionAsync(() => Service(db, _christmasEve).DecideAsync(
            new DecideReportedBreachOptions(id, ReportedBreachDecision.FurtherEnquiries, ""), TestData.Officer));

        // Assert
        Assert.IsType<RuleViolationException>(ex);
        await using var check = _database.CreateContext();
        Assert.False(await check.Set<VictimMessage>().AnyAsync());
    }

    [Fact]
    public async Task R41_Decide_ArrestThenTheSameOutcomeRecordedTwice_TellsTheVictimOncePerEvent()
    {
        // Arrange
        var (order, id) = await ReportedBreachOfAnOrderAsync(VictimUpdateEvent.BreachReported | VictimUpdateEvent.BreachOutcome);
        Guid breachId;
        await using (var db = _database.CreateContext())
        {
            breachId = (await Service(db, _christmasEve).DecideAsync(new DecideReportedBreachOptions(id, ReportedBreachDecision.Arrest,
                "Seen on CCTV at the library.", null, order.ConditionIds[0], ArrestedOnChristmasEve), TestData.Officer)).BreachId!.Value;
        }

        // Act
        var later = _christmasEve.AddDays(2);
        await _data.WithServicesAsync(later, s => s.Breaches.UpdateAsync(new UpdateBreachOptions(breachId, "CR/1", null,
            LondonTime.ToUtc(later, new TimeOnly(10, 0)), null, BreachOutcome.Charged, null, null, null), TestData.Officer));
        await _data.WithServicesAsync(later, s => s.Breaches.RecordOutcomeAsync(
            new RecordBreachOutcomeOptions(breachId, BreachOutcome.UnderInvestigation, null, null), TestData.Officer));
        await _data.WithServicesAsync(later, s => s.Breaches.RecordOutcomeAsync(
            new RecordBreachOutcomeOptions(breachId, BreachOutcome.Charged, null, null), TestData.Officer));

        // Assert: the decision, then the charge; no "breach recorded" for the arrest's breach, and the charge told once.
        await using var check = _database.CreateContext();
        var messages = await check.Set<VictimMessage>().OrderBy(m => m.CreatedAt).ToListAsync();
        Assert.All(messages, m => Assert.Equal(VictimUpdateEvent.BreachOutcome, m.Event));
        Assert.Equal(3, messages.Count);
        Assert.Equal(1, messages.Count(m => m.Key!.StartsWith($"ReportedBreach:{id:N}", StringComparison.Ordinal)));
        Assert.Equal(1, messages.Count(m => m.Key!.StartsWith($"BreachOutcome:{breachId:N}:Charged", StringComparison.Ordinal)));
        Assert.Contains("decided the person the order is against should be arrested", messages[0].Body, StringComparison.Ordinal);
        Assert.Contains("has been charged with breaching it", messages.Single(m => m.Key!.Contains(":Charged:", StringComparison.Ordinal)).Body,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task SPA2019_s8_R35_R36_Decide_Arrest_RecordsABreachOfTheChosenConditionWithTheArrestAudited()
    {
        // Arrange
        var (order, id) = await ReportedBreachOfAnOrderAsync(VictimUpdateEvent.None);

        // Act
        ReportedBreachDecidedOutcome decided;
        await using (var db = _database.CreateContext())
        {
            decided = await Service(db, _christmasEve).DecideAsync(new DecideReportedBreachOptions(id, ReportedBreachDecision.Arrest,
                "Seen on CCTV at the library.", null, order.ConditionIds[0], ArrestedOnChristmasEve), TestData.Officer);
        }

        // Assert
        await using var check = _database.CreateContext();
        var breach = await check.Breaches.SingleAsync();
        Assert.Equal(decided.BreachId, breach.Id);
        Assert.Equal(
            "Decision recorded: arrest. The breach is recorded on the order with the arrest (offence code H20164, SPA 2019 s.8, R35). "
            + "The victims who asked to hear of breach outcomes are sent the decision and its reasons (R41).",
            decided.Explain());
        Assert.Equal(order.OrderId, breach.OrderId);
        Assert.Equal(order.ConditionIds[0], breach.ConditionId);
        Assert.Equal(LondonTime.ToUtc(_christmasEve.AddDays(-1), new TimeOnly(17, 30)), breach.IncidentAt);
        Assert.Equal(ArrestedOnChristmasEve, breach.ArrestedAt);
        Assert.Equal("He waited outside my work again.", breach.Description);
        Assert.Equal("Outside the library on Moss Lane", breach.IncidentLocation);
        Assert.Equal(BreachOutcome.UnderInvestigation, breach.Outcome);
        Assert.False(breach.NeedsLegalReview);
        Assert.Equal(ReportedBreachDecision.Arrest, (await check.ReportedBreaches.SingleAsync(r => r.Id == id)).Decision);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == "Breach.Recorded" && a.RecordId == breach.Id.ToString()));
    }

    [Fact]
    public async Task R36_Decide_ArrestForAnIncidentAfterTheOrderEnded_IsRefusedAndNothingIsSaved()
    {
        // Arrange: the interim order made in February ended 28 days later.
        var (orderId, reference) = await LiveOrderAsync(ended: true);
        var (id, _) = await _data.CreateReportedBreachAsync(_dataProtection, reference, _christmasEve.AddDays(-1));
        await using var db = _database.CreateContext();
        var conditionId = (await db.Orders.SingleAsync(o => o.Id == orderId)).ConditionSets.SelectMany(s => s.Conditions).First().Id;

        // Act
        var ex = await Record.ExceptionAsync(() => Service(db, _christmasEve).DecideAsync(new DecideReportedBreachOptions(id, ReportedBreachDecision.Arrest,
            "Seen on CCTV.", null, conditionId, ArrestedOnChristmasEve), TestData.Officer));

        // Assert
        Assert.Contains("R36", Assert.IsType<RuleViolationException>(ex).RuleIds);
        await using var check = _database.CreateContext();
        Assert.Null((await check.ReportedBreaches.SingleAsync(r => r.Id == id)).Decision);
        Assert.False(await check.Breaches.AnyAsync());
        Assert.Equal(StaffTaskStatus.Open, (await check.StaffTasks.SingleAsync(t => t.RecordId == id)).Status);
    }

    [Fact]
    public async Task R35_Decide_ArrestOnAReportMatchingNoOrderOrWithoutACondition_IsRefused()
    {
        // Arrange
        var (unknown, _) = await _data.CreateReportedBreachAsync(_dataProtection, "SPO-AAAA-BBBB", _christmasEve.AddDays(-1));
        var (_, id) = await ReportedBreachOfAnOrderAsync(VictimUpdateEvent.None);
        await using var db = _database.CreateContext();

        // Act
        var noOrder = await Record.ExceptionAsync(() => Service(db, _christmasEve).DecideAsync(new DecideReportedBreachOptions(unknown,
            ReportedBreachDecision.Arrest, "Seen on CCTV.", null, Guid.NewGuid(), ArrestedOnChristmasEve), TestData.Coordinator));
        var noCondition = await Record.ExceptionAsync(() => Service(db, _christmasEve).DecideAsync(new DecideReportedBreachOptions(id,
            ReportedBreachDecision.Arrest, "Seen on CCTV.", null, null, null), TestData.Officer));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(noOrder).Violations, v => v.RuleId == "R35" && v.Field == "decision");
        var violations = Assert.IsType<RuleViolationException>(noCondition).Violations;
        Assert.Contains(violations, v => v.RuleId == "R35" && v.Field == "conditionId");
        Assert.Contains(violations, v => v.Field == "arrestedAt");
        await using var check = _database.CreateContext();
        Assert.False(await check.ReportedBreaches.AnyAsync(r => r.Decision != null));
    }

    private async Task DecideNoBreachAsync(Guid id)
    {
        await using var db = _database.CreateContext();
        await Service(db, _christmasEve).DecideAsync(new DecideReportedBreachOptions(id, ReportedBreachDecision.NoBreach,
            "CCTV shows he was not there at that time."), TestData.Officer);
    }

    private Task<VictimMessageRun> SendUpdatesAsync(IVictimMessageChannel channel, DateTimeOffset now) =>
        _data.WithServicesAsync(_christmasEve, s => new VictimMessageDispatch(s.Context, channel, s.VictimContact(_dataProtection), s.ReportedBreaches(_dataProtection),
            NullLogger<VictimMessageDispatch>.Instance).RunAsync(now));

    [Fact]
    public async Task R41_TheOutcomeUpdateDeliveredThroughNotify_RecordsThatThePersonWhoReportedWasTold()
    {
        // Arrange: the victim reported for themselves and is the one victim on the case.
        var (_, id) = await ReportedBreachOfAnOrderAsync(VictimUpdateEvent.BreachOutcome);
        await DecideNoBreachAsync(id);
        var fake = new VictimMessageSenderTests.FakeNotify();
        var notifyId = Guid.NewGuid();
        fake.Answers.Enqueue(() => VictimMessageSenderTests.FakeNotify.Created(notifyId));
        fake.Answers.Enqueue(() => VictimMessageSenderTests.FakeNotify.Status(notifyId, "delivered"));
        var now = LondonTime.ToUtc(_christmasEve, new TimeOnly(14, 0));

        // Act
        await SendUpdatesAsync(new NotifyChannel(new HttpClient(fake), Microsoft.Extensions.Options.Options.Create(VictimMessageSenderTests.Options())), now);

        // Assert
        await using var check = _database.CreateContext();
        var reported = await check.ReportedBreaches.SingleAsync(r => r.Id == id);
        Assert.Equal(now, reported.VictimToldAt);
        Assert.False(reported.OutcomeToTell);
        var entry = await check.AuditEntries.SingleAsync(a => a.Action == "ReportedBreach.ReporterTold");
        Assert.Equal("system", entry.ActorId);
        Assert.Contains("GOV.UK Notify", entry.NewValues, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R41_TheOutcomeUpdateAcceptedButNotYetDelivered_OrOnlyInTheLocalSink_DoesNotCountAsTellingThem()
    {
        // Arrange
        var (_, id) = await ReportedBreachOfAnOrderAsync(VictimUpdateEvent.BreachOutcome);
        await DecideNoBreachAsync(id);
        var fake = new VictimMessageSenderTests.FakeNotify();
        var notifyId = Guid.NewGuid();
        fake.Answers.Enqueue(() => VictimMessageSenderTests.FakeNotify.Created(notifyId));
        fake.Answers.Enqueue(() => VictimMessageSenderTests.FakeNotify.Status(notifyId, "sending"));

        // Act
        await SendUpdatesAsync(new NotifyChannel(new HttpClient(fake), Microsoft.Extensions.Options.Options.Create(VictimMessageSenderTests.Options())),
            LondonTime.ToUtc(_christmasEve, new TimeOnly(14, 0)));
        var (_, other) = await ReportedBreachOfAnOrderAsync(VictimUpdateEvent.BreachOutcome);
        await DecideNoBreachAsync(other);
        await SendUpdatesAsync(new LocalSinkChannel(), LondonTime.ToUtc(_christmasEve, new TimeOnly(15, 0)));

        // Assert
        await using var check = _database.CreateContext();
        Assert.Null((await check.ReportedBreaches.SingleAsync(r => r.Id == id)).VictimToldAt);
        Assert.Null((await check.ReportedBreaches.SingleAsync(r => r.Id == other)).VictimToldAt);
        Assert.Equal(VictimMessageStatus.Sent, (await check.Set<VictimMessage>().SingleAsync(m => m.NotifyId == notifyId.ToString())).Status);
    }

    [Fact]
    public async Task R41_RecordReporterTold_ByPhone_RecordsWhenTheyWereToldAndAuditsHow()
    {
        // Arrange
        var (_, id) = await ReportedBreachOfAnOrderAsync(VictimUpdateEvent.None);
        await DecideNoBreachAsync(id);
        var toldAt = LondonTime.ToUtc(_christmasEve, new TimeOnly(12, 30));

        // Act
        await using (var db = _database.CreateContext())
        {
            await new TestData.Services(db, TestClock.At(_christmasEve, new TimeOnly(13, 0))).ReportedBreaches(_dataProtection)
                .RecordReporterToldAsync(new RecordReporterToldOptions(id, ReporterToldHow.PhoneCall, toldAt), TestData.Officer);
        }

        // Assert
        await using var check = _database.CreateContext();
        Assert.Equal(toldAt, (await check.ReportedBreaches.SingleAsync(r => r.Id == id)).VictimToldAt);
        var entry = await check.AuditEntries.SingleAsync(a => a.Action == "ReportedBreach.ReporterTold");
        Assert.Equal(TestData.Officer.Id, entry.ActorId);
        Assert.Contains(nameof(ReporterToldHow.PhoneCall), entry.NewValues, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R41_RecordReporterTold_BeforeTheDecisionOrInTheFutureOrTwice_IsRefused()
    {
        // Arrange
        var (_, undecided) = await ReportedBreachOfAnOrderAsync(VictimUpdateEvent.None);
        var (_, id) = await ReportedBreachOfAnOrderAsync(VictimUpdateEvent.None);
        await DecideNoBreachAsync(id);
        await using var db = _database.CreateContext();
        var service = Service(db, _christmasEve);
        var noon = LondonTime.ToUtc(_christmasEve, new TimeOnly(12, 0));

        // Act
        var notDecided = await Record.ExceptionAsync(() => service.RecordReporterToldAsync(new RecordReporterToldOptions(undecided, ReporterToldHow.InPerson, noon), TestData.Officer));
        var beforeDecision = await Record.ExceptionAsync(() => service.RecordReporterToldAsync(new RecordReporterToldOptions(id, ReporterToldHow.InPerson, noon.AddHours(-1)), TestData.Officer));
        var future = await Record.ExceptionAsync(() => service.RecordReporterToldAsync(new RecordReporterToldOptions(id, ReporterToldHow.InPerson, noon.AddHours(1)), TestData.Officer));
        await service.RecordReporterToldAsync(new RecordReporterToldOptions(id, ReporterToldHow.InPerson, noon), TestData.Officer);
        var twice = await Record.ExceptionAsync(() => service.RecordReporterToldAsync(new RecordReporterToldOptions(id, ReporterToldHow.PhoneCall, noon), TestData.Officer));

        // Assert
        Assert.Contains("decision", Assert.IsType<RuleViolationException>(notDecided).Message, StringComparison.Ordinal);
        Assert.Contains("R41", Assert.IsType<RuleViolationException>(beforeDecision).RuleIds);
        Assert.IsType<RuleViolationException>(future);
        Assert.Contains("already", Assert.IsType<RuleViolationException>(twice).Message, StringComparison.Ordinal);
        await using var check = _database.CreateContext();
        Assert.Null((await check.ReportedBreaches.SingleAsync(r => r.Id == undecided)).VictimToldAt);
        Assert.Equal(noon, (await check.ReportedBreaches.SingleAsync(r => r.Id == id)).VictimToldAt);
    }
}

internal sealed record OrderAndConditions(Guid OrderId, IReadOnlyList<Guid> ConditionIds);
