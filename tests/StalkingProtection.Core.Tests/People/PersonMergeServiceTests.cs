using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Lookup;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.People;

public sealed class PersonMergeServiceTests : IAsyncLifetime
{
    private static readonly DateOnly _today = new(2026, 11, 28);
    private static readonly DateOnly _born = new(1991, 4, 12);
    private TestDatabase _database = null!;

    private TestData TestData => new(_database);

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task<Guid> AddVictimAsync(Guid caseId, string given, string family, DateOnly? born = null) =>
        (await TestData.WithServicesAsync(_today, s => s.Cases.AddVictimAsync(
            new AddVictimOptions(caseId, new PersonDetails(given, family, born ?? _born), VictimRole.Both, RelationshipToRespondent.Acquaintance), TestData.Officer))).RecordId;

    private async Task<Guid> PersonOfVictimAsync(Guid victimId)
    {
        await using var db = _database.CreateContext();
        return await db.Victims.Where(v => v.Id == victimId).Select(v => v.PersonId).SingleAsync();
    }

    private static NotificationEvent.Details NotifiedAt(DateOnly day, string acknowledgement) =>
        new(LondonTime.ToUtc(day, new TimeOnly(10, 0)), "Elland Road Police Station", PoliceForce.WestYorkshire, NotificationMode.InPersonOral, "PC Desk", false,
            null, "Respondent", "1 High Street, Leeds", acknowledgement, LondonTime.ToUtc(day, new TimeOnly(10, 10)), "SoS-1");

    /// <summary>The person of each respondent, the second given the first's PNC ID as the same person recorded twice would have.</summary>
    private async Task<(Guid Keep, Guid Merge)> PeopleOfRespondentsAsync(Guid keepRespondentId, Guid mergeRespondentId)
    {
        await using var db = _database.CreateContext();
        var keep = await db.Respondents.SingleAsync(r => r.Id == keepRespondentId);
        var merge = await db.Respondents.SingleAsync(r => r.Id == mergeRespondentId);
        merge.Person.Update(merge.Person.DateOfBirth, merge.Person.Gender, keep.Person.PncId);
        await db.SaveChangesAsync();
        return (keep.PersonId, merge.PersonId);
    }

    private Task MergeAsync(Guid keep, Guid merge, string reason = "Same person: same name, date of birth and address", long? keepVersion = null, long? mergeVersion = null) =>
        TestData.WithServicesAsync(_today, s => s.PersonMerge.MergeAsync(new MergePeopleOptions(keep, keepVersion, merge, mergeVersion, reason), TestData.Officer));

    [Theory]
    [InlineData("Zoë", "O'Brien", "zoe", "obrien")]
    [InlineData("  Anne-Marie ", "SMITH", "anne marie", "smith")]
    [InlineData("José  Luis", "García", "jose luis", "garcia")]
    public void NormaliseName_CaseSpacingAccentsAndPunctuation_AreIgnored(string given, string family, string otherGiven, string otherFamily)
    {
        // Arrange, Act
        var first = PersonName.NormaliseName(given, family);
        var second = PersonName.NormaliseName(otherGiven, otherFamily);

        // Assert
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task FindPossibleDuplicates_SameNormalisedNameAndDateOfBirth_FindsThePairOnly()
    {
        // Arrange
        var one = await TestData.CreateCaseAsync();
        var two = await TestData.CreateCaseAsync();
        var first = await PersonOfVictimAsync(await AddVictimAsync(one.CaseId, "Zoë", "Kowalska"));
        var second = await PersonOfVictimAsync(await AddVictimAsync(two.CaseId, "ZOE ", "kowalska"));
        await AddVictimAsync(two.CaseId, "Zoe", "Kowalska-Different");
        await AddVictimAsync(one.CaseId, "Zoe", "Kowalsky", new DateOnly(1991, 4, 13));

        // Act
        var pairs = await TestData.WithServicesAsync(_today, s => s.PersonMerge.FindPossibleDuplicatesAsync());

        // Assert
        var pair = Assert.Single(pairs, p => p.First.Name.Contains("Kowalsk", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(new[] { first, second }.Order(), new[] { pair.First.Id, pair.Second.Id }.Order());
        Assert.Equal(_born, pair.First.DateOfBirth);
        Assert.Contains(new[] { pair.First, pair.Second }, p => p.Roles.Any(r => r.Kind == PersonRoleKind.Victim && r.CaseId == two.CaseId));
    }

    [Fact]
    public async Task P3_FindPossibleDuplicates_UsesAnIndexForEveryTable()
    {
        // Arrange
        var one = await TestData.CreateCaseAsync();
        await AddVictimAsync(one.CaseId, "Ola", "Nowak");
        var two = await TestData.CreateCaseAsync();
        await AddVictimAsync(two.CaseId, "Ola", "Nowak");
        var recorder = new QueryPlanRecorder(_database.Provider);
        await using var context = _database.CreateContext(recorder);

        // Act
        await new PersonMergeService(context, TimeProvider.System, new AuditLog(context, TimeProvider.System)).FindPossibleDuplicatesAsync(TestContext.Current.CancellationToken);

        // Assert: the first query, over every name, reads only the (match key, person) index.
        Assert.NotEmpty(recorder.Plans);
        var (sql, plan) = recorder.Plans[0];
        Assert.True(QueryPlanRecorder.FullScans(plan, _database.Provider).Count == 0, $"Full scan in plan:\n{plan}\nfor:\n{sql}");
    }

    [Fact]
    public async Task Merge_VictimAndRespondentRoles_MoveToTheRecordKeptWhichIsAuditedAsACombination()
    {
        // Arrange: the same man is the respondent on one case and, recorded again, a victim on another.
        var one = await TestData.CreateCaseAsync();
        var two = await TestData.CreateCaseAsync();
        var keep = await PersonOfVictimAsync(await AddVictimAsync(one.CaseId, "Dan", "Ward"));
        var respondentId = (await TestData.WithServicesAsync(_today, s => s.Cases.AddRespondentAsync(
            new AddRespondentOptions(two.CaseId, new PersonDetails("Daniel", "Ward", _born), null, null, null), TestData.Officer))).RecordId;
        Guid merge;
        await using (var db = _database.CreateContext())
        {
            merge = await db.Respondents.Where(r => r.Id == respondentId).Select(r => r.PersonId).SingleAsync();
        }

        // Act
        await MergeAsync(keep, merge);

        // Assert
        await using var check = _database.CreateContext();
        var merged = await check.People.SingleAsync(p => p.Id == merge);
        var kept = await check.People.SingleAsync(p => p.Id == keep);
        Assert.Equal(keep, merged.MergedIntoId);
        Assert.Null(kept.MergedIntoId);
        Assert.Equal(keep, (await check.Respondents.SingleAsync(r => r.Id == respondentId)).PersonId);
        Assert.Contains(kept.Names, n => n.IsAlias && n.FullName == "Daniel Ward");
        Assert.Equal("Daniel Ward", merged.PrimaryName.FullName);
        Assert.All(merged.Names, n => Assert.Null(n.MatchKey));
        var entries = await check.AuditEntries.Where(e => e.Kind == AuditKind.Combination).ToListAsync();
        Assert.Contains(entries, e => e.Action == "Person.Merged" && e.RecordId == keep.ToString() && e.Justification == "Same person: same name, date of birth and address");
        Assert.Contains(entries, e => e.Action == "Person.MergedInto" && e.RecordId == merge.ToString());
    }

    [Fact]
    public async Task Merge_VictimOnTwoCases_BothRolesBelongToTheRecordKeptAndThePairIsNoLongerListed()
    {
        // Arrange
        var one = await TestData.CreateCaseAsync();
        var two = await TestData.CreateCaseAsync();
        var keepVictim = await AddVictimAsync(one.CaseId, "Ola", "Nowak");
        var mergeVictim = await AddVictimAsync(two.CaseId, "Olá", "NOWAK");
        var keep = await PersonOfVictimAsync(keepVictim);
        var merge = await PersonOfVictimAsync(mergeVictim);

        // Act
        await MergeAsync(keep, merge);

        // Assert
        Assert.Equal(keep, await PersonOfVictimAsync(mergeVictim));
        Assert.Equal(keep, await PersonOfVictimAsync(keepVictim));
        var pairs = await TestData.WithServicesAsync(_today, s => s.PersonMerge.FindPossibleDuplicatesAsync());
        Assert.DoesNotContain(pairs, p => p.First.Id == merge || p.Second.Id == merge);
    }

    [Fact]
    public async Task Merge_TwoRespondents_CasesApplicationsOrdersAndNotificationHistoryMoveToTheRespondentKept()
    {
        // Arrange: the same man was recorded as the respondent on two cases, each with its own order.
        var first = await TestData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 3, 2)).ServedOn(new DateOnly(2026, 3, 2)));
        var second = await TestData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 6, 1)).ServedOn(new DateOnly(2026, 6, 1)));
        var keepRespondent = first.Case.RespondentId;
        var mergeRespondent = second.Case.RespondentId;
        var notification = await TestData.WithServicesAsync(new DateOnly(2026, 6, 2), s => s.Notifications.RecordNotificationAsync(
            new RecordNotificationOptions(mergeRespondent, NotifiedAt(new DateOnly(2026, 6, 2), "ACK-MERGE-1")), TestData.Officer));
        var refused = await TestData.WithServicesAsync(new DateOnly(2026, 6, 2), s => s.Notifications.RecordNotificationAsync(
            new RecordNotificationOptions(mergeRespondent, NotifiedAt(new DateOnly(2026, 6, 2), "ACK-MERGE-2") with
            {
                BiometricsRequested = BiometricsRequested.Fingerprints, BiometricsPurpose = "verify identity", BiometricsOutcome = BiometricsOutcome.Refused,
            }),
            TestData.Officer));
        var offenceId = await TestData.WithServicesAsync(new DateOnly(2026, 6, 3), async s => (await s.Notifications.RecordOffenceAsync(
            new RecordNotificationOffenceOptions(mergeRespondent, null, refused.NotificationId, "H20168", null), TestData.Officer)).OffenceId);
        var otherOrderId = (await TestData.WithServicesAsync(_today, s => s.Cases.RecordOtherOrderAsync(new RecordOtherOrderOptions(mergeRespondent,
            OtherOrderType.NonMolestationOrder, null, "Leeds Family Court", new DateOnly(2025, 9, 1), true, null, "FL401/7", null), TestData.Officer))).RecordId;
        var disclosureId = (await TestData.WithServicesAsync(_today, s => s.Cases.RecordRightToKnowAsync(new RecordRightToKnowOptions(second.Case.CaseId,
            second.Case.VictimId, DisclosureDecision.Disclose, null, _today, "DI Morgan Lead", "She needs to know who is behind the accounts to keep safe.", _today),
            TestData.Officer))).RecordId;
        var (keep, merge) = await PeopleOfRespondentsAsync(keepRespondent, mergeRespondent);

        // Act
        await MergeAsync(keep, merge);

        // Assert
        await using var db = _database.CreateContext();
        Assert.Equal(keepRespondent, (await db.Cases.SingleAsync(c => c.Id == second.Case.CaseId)).RespondentId);
        Assert.Equal(keepRespondent, (await db.Applications.SingleAsync(a => a.Id == second.Application.ApplicationId)).RespondentId);
        Assert.Equal(keepRespondent, (await db.Orders.SingleAsync(o => o.Id == second.OrderId)).RespondentId);
        Assert.Equal(keepRespondent, (await db.NotificationObligations.SingleAsync(o => o.Id == second.ObligationId)).RespondentId);
        Assert.Equal(keepRespondent, (await db.NotificationEvents.SingleAsync(e => e.Id == notification.NotificationId)).RespondentId);
        Assert.Equal(keepRespondent, (await db.NotificationOffences.SingleAsync(o => o.Id == offenceId)).RespondentId);
        Assert.Equal(keepRespondent, (await db.RespondentOtherOrders.SingleAsync(o => o.Id == otherOrderId)).RespondentId);
        Assert.Equal(keepRespondent, (await db.RightToKnowDisclosures.SingleAsync(d => d.Id == disclosureId)).RespondentId);
        Assert.Equal(keepRespondent, (await db.Respondents.SingleAsync(r => r.Id == mergeRespondent)).MergedIntoId);
        Assert.Null((await db.Respondents.SingleAsync(r => r.Id == keepRespondent)).MergedIntoId);
        Assert.Equal(2, await db.Orders.CountAsync(o => o.RespondentId == keepRespondent));
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "Respondent.MergedInto");
        Assert.Equal(AuditKind.Combination, entry.Kind);
        Assert.Equal(mergeRespondent.ToString(), entry.RecordId);
        Assert.Contains(second.OrderId.ToString(), entry.NewValues, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R25_Merge_TwoRespondents_ANotificationToTheRespondentKeptMeetsTheDutyThatAroseOnTheRecordMerged()
    {
        // Arrange: SPA 2019 s.9(1): served yesterday on the record that turns out to be a duplicate.
        var first = await TestData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 3, 2)).ServedOn(new DateOnly(2026, 3, 2)));
        var second = await TestData.CreateOrderAsync(o => o.MadeOn(_today.AddDays(-1)).ServedOn(_today.AddDays(-1)));
        var (keep, merge) = await PeopleOfRespondentsAsync(first.Case.RespondentId, second.Case.RespondentId);
        await MergeAsync(keep, merge);

        // Act
        await TestData.WithServicesAsync(_today, s => s.Notifications.RecordNotificationAsync(
            new RecordNotificationOptions(first.Case.RespondentId, NotifiedAt(_today, "ACK-KEPT-1")), TestData.Officer));

        // Assert
        await using var db = _database.CreateContext();
        Assert.Equal(ObligationStatus.Met, (await db.NotificationObligations.SingleAsync(o => o.Id == second.ObligationId)).Status);
    }

    [Fact]
    public async Task Merge_TwoRespondents_TheRecordMergedTakesNoNewNotificationAndLeavesTheFrontlineLookup()
    {
        // Arrange
        var first = await TestData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 3, 2)).ServedOn(new DateOnly(2026, 3, 2)));
        var second = await TestData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 6, 1)).ServedOn(new DateOnly(2026, 6, 1)));
        var (keep, merge) = await PeopleOfRespondentsAsync(first.Case.RespondentId, second.Case.RespondentId);
        await MergeAsync(keep, merge);
        string pnc;
        await using (var db = _database.CreateContext())
        {
            pnc = (await db.People.SingleAsync(p => p.Id == keep)).PncId!;
        }

        // Act
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => TestData.WithServicesAsync(_today, s => s.Notifications.RecordNotificationAsync(
            new RecordNotificationOptions(second.Case.RespondentId, NotifiedAt(_today, "ACK-MERGED-1")), TestData.Officer)));
        var found = await TestData.WithServicesAsync(_today, s => s.Lookup.SearchAsync(new OrderLookupQuery(null, null, null, pnc, null, "INC-1"), _today, TestData.Officer));

        // Assert
        Assert.Contains(error.Violations, v => v.Field == "respondentId" && v.Message.Contains(first.Case.RespondentId.ToString(), StringComparison.Ordinal));
        var subject = Assert.Single(found);
        Assert.Equal(first.Case.RespondentId, subject.RespondentId);
        Assert.Equal(new[] { first.OrderId, second.OrderId }.Order(), subject.OrdersInForce.Select(o => o.OrderId).Order());
    }

    [Fact]
    public async Task Merge_TwoRespondents_AddressHistoriesCombineAndTheLaterAddressIsTheHomeAddress()
    {
        // Arrange
        var first = await TestData.CreateCaseAsync(c => c.Reported(new DateOnly(2026, 2, 1)).RespondentLivesIn(PoliceForce.WestYorkshire));
        var second = await TestData.CreateCaseAsync(c => c.Reported(new DateOnly(2026, 2, 1)).RespondentLivesIn(PoliceForce.WestYorkshire));
        await TestData.WithServicesAsync(_today, s => s.Notifications.RecordAddressChangeAsync(new RecordAddressChangeOptions(second.RespondentId,
            "9 Moss Lane, Manchester", PoliceForce.GreaterManchester, new DateOnly(2026, 8, 1), AddressSource.Other), TestData.Officer));
        await TestData.WithServicesAsync(_today, async s => (await s.Notifications.RecordSoaStartAsync(new RecordSoaStartOptions(second.RespondentId, new DateOnly(2019, 1, 1)), TestData.Officer)).PeriodId);
        await TestData.WithServicesAsync(_today, s => s.Notifications.RecordSoaFinalDayAsync(new RecordSoaFinalDayOptions(second.RespondentId, new DateOnly(2024, 1, 1)), TestData.Officer));
        var (keep, merge) = await PeopleOfRespondentsAsync(first.RespondentId, second.RespondentId);

        // Act
        await MergeAsync(keep, merge);

        // Assert
        await using var db = _database.CreateContext();
        var kept = await db.Respondents.SingleAsync(r => r.Id == first.RespondentId);
        Assert.Equal(3, kept.Addresses.Count);
        Assert.Equal("9 Moss Lane, Manchester", kept.HomeAddressOn(_today)!.Address);
        Assert.All(kept.Addresses.Where(a => a.Address != "9 Moss Lane, Manchester"), a => Assert.Equal(new DateOnly(2026, 7, 31), a.ToDate));
        var period = Assert.Single(kept.SoaPeriods);
        Assert.Equal((new DateOnly(2019, 1, 1), new DateOnly(2024, 1, 1)), (period.StartedOn, period.FinalDay!.Value));
        Assert.True(kept.IsSubjectToSoaPart2On(new DateOnly(2023, 6, 1)));
        Assert.Equal(2, (await db.Respondents.SingleAsync(r => r.Id == second.RespondentId)).Addresses.Count);
    }

    [Fact]
    public async Task R25_Merge_RespondentsWhoseSoaPart2PeriodsDisagree_IsRefusedAndNothingMoves()
    {
        // Arrange: SPA 2019 s.9(5): one record says the notification period is still open, the other that it ended.
        var first = await TestData.CreateCaseAsync(c => c.RespondentSubjectToSoaPart2(new DateOnly(2020, 1, 1)));
        var second = await TestData.CreateCaseAsync();
        await TestData.WithServicesAsync(_today, async s => (await s.Notifications.RecordSoaStartAsync(new RecordSoaStartOptions(second.RespondentId, new DateOnly(2020, 1, 1)), TestData.Officer)).PeriodId);
        await TestData.WithServicesAsync(_today, s => s.Notifications.RecordSoaFinalDayAsync(new RecordSoaFinalDayOptions(second.RespondentId, new DateOnly(2025, 1, 1)), TestData.Officer));
        var (keep, merge) = await PeopleOfRespondentsAsync(first.RespondentId, second.RespondentId);

        // Act
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => MergeAsync(keep, merge));

        // Assert
        Assert.Contains(error.Violations, v => v.RuleId == "R25" && v.LegalSource == "SPA 2019 s.9(5)");
        await using var db = _database.CreateContext();
        Assert.Null((await db.People.SingleAsync(p => p.Id == merge)).MergedIntoId);
        Assert.Equal(second.RespondentId, (await db.Cases.SingleAsync(c => c.Id == second.CaseId)).RespondentId);
        Assert.Null((await db.Respondents.SingleAsync(r => r.Id == second.RespondentId)).MergedIntoId);
    }

    [Fact]
    public async Task Merge_RecordsWithDifferentPncIds_IsRefused()
    {
        // Arrange: each test respondent has a PNC ID of its own.
        var first = await TestData.CreateCaseAsync();
        var second = await TestData.CreateCaseAsync();
        Guid keep, merge;
        await using (var db = _database.CreateContext())
        {
            keep = await db.Respondents.Where(r => r.Id == first.RespondentId).Select(r => r.PersonId).SingleAsync();
            merge = await db.Respondents.Where(r => r.Id == second.RespondentId).Select(r => r.PersonId).SingleAsync();
        }

        // Act
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => MergeAsync(keep, merge));

        // Assert
        Assert.Contains("different PNC IDs", error.Violations.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_EveryKindOfRecordHeldAgainstARespondent_IsOneTheMergeMovesOrCopies()
    {
        // Arrange
        using var db = _database.CreateContext();
        var moved = new[]
        {
            typeof(Application), typeof(StalkingProtectionOrder), typeof(NotificationObligation), typeof(NotificationEvent),
            typeof(NotificationOffence), typeof(RespondentOtherOrder), typeof(RightToKnowDisclosure),
        };
        var copied = new[] { typeof(RespondentAddress), typeof(SoaNotificationPeriod) };

        // Act
        var referencing = db.Model.FindEntityType(typeof(Respondent))!.GetReferencingForeignKeys()
            .Where(fk => fk.DeclaringEntityType.ClrType != typeof(Respondent))
            .Select(fk => fk.DeclaringEntityType.ClrType)
            .ToHashSet();

        // Assert: a new kind of record against a respondent must be added to PersonMergeService.CombineRespondentsAsync
        // (which also moves the case, whose respondent is not a foreign key).
        Assert.Equal(moved.Concat(copied).Select(t => t.Name).Order(), referencing.Select(t => t.Name).Order());
    }

    [Fact]
    public async Task Merge_IntoItself_IsRefused()
    {
        // Arrange
        var one = await TestData.CreateCaseAsync();
        var person = await PersonOfVictimAsync(one.VictimId);

        // Act
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => MergeAsync(person, person));

        // Assert
        Assert.Contains(error.Violations, v => v.Field == "mergeId");
    }

    [Fact]
    public async Task Merge_WithoutAReason_IsRefused()
    {
        // Arrange
        var one = await TestData.CreateCaseAsync();
        var two = await TestData.CreateCaseAsync();
        var keep = await PersonOfVictimAsync(one.VictimId);
        var merge = await PersonOfVictimAsync(two.VictimId);

        // Act
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => MergeAsync(keep, merge, reason: " "));

        // Assert
        Assert.Contains(error.Violations, v => v.RuleId == "DPA2018" && v.Field == "reason");
    }

    [Fact]
    public async Task Merge_BothVictimsOnTheSameCase_IsRefused()
    {
        // Arrange
        var one = await TestData.CreateCaseAsync();
        var first = await PersonOfVictimAsync(await AddVictimAsync(one.CaseId, "Ola", "Nowak"));
        var second = await PersonOfVictimAsync(await AddVictimAsync(one.CaseId, "Ola", "Nowak"));

        // Act
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => MergeAsync(first, second));

        // Assert
        Assert.Contains("same case", error.Violations.Single().Message, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Null((await db.People.SingleAsync(p => p.Id == second)).MergedIntoId);
    }

    [Fact]
    public async Task Merge_RespondentAndVictimOfTheSameCase_IsRefused()
    {
        // Arrange
        var one = await TestData.CreateCaseAsync();
        Guid respondentPerson;
        await using (var db = _database.CreateContext())
        {
            respondentPerson = await db.Respondents.Where(r => r.Id == one.RespondentId).Select(r => r.PersonId).SingleAsync();
        }

        var victimPerson = await PersonOfVictimAsync(one.VictimId);

        // Act
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => MergeAsync(respondentPerson, victimPerson));

        // Assert
        Assert.Contains("cannot be both", error.Violations.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_RecordChangedSinceItWasRead_Conflicts()
    {
        // Arrange
        var one = await TestData.CreateCaseAsync();
        var two = await TestData.CreateCaseAsync();
        var keep = await PersonOfVictimAsync(one.VictimId);
        var merge = await PersonOfVictimAsync(two.VictimId);
        await using (var db = _database.CreateContext())
        {
            var person = await db.People.SingleAsync(p => p.Id == merge);
            person.Update(person.DateOfBirth, Core.People.Gender.Female, "26/111111A");
            await db.SaveChangesAsync();
        }

        // Act
        var error = await Record.ExceptionAsync(() => MergeAsync(keep, merge, keepVersion: 1, mergeVersion: 1));

        // Assert
        Assert.IsType<DbUpdateConcurrencyException>(error);
    }
}
