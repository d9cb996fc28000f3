using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Lists;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Tasks;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Cases;

/// <summary>
/// P1: the sort keys stored on each case equal the keys worked out from the rows they depend on, after each kind of change
/// to those rows, whichever service or entity method saves it.
/// </summary>
public class CaseListKeysTests
{
    private static readonly DateOnly _today = new(2026, 3, 1);

    [Fact]
    public async Task P1_StoredKeys_AfterACaseAndItsOrderAreRecorded_EqualTheComputedKeys()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);

        // Act
        var order = await testData.CreateOrderAsync(o => o.WithCase(c => c.WithProxyProtectedPerson()));
        await testData.CreateCaseAsync();

        // Assert
        var keys = await AssertStoredKeysEqualComputedAsync(database);
        var stored = keys[order.Case.CaseId];
        Assert.NotEqual("", stored.Respondent);
        Assert.Equal(2, stored.ProtectedPeople.Length);
        Assert.NotEqual(DateOnly.MaxValue, stored.NextDeadline);
    }

    [Fact]
    public async Task P1_StoredNextDeadline_AfterTasksAreDoneAndDutiesExcused_EqualsTheComputedOne()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var order = await new TestData(database).CreateOrderAsync();
        var before = (await AssertStoredKeysEqualComputedAsync(database))[order.Case.CaseId].NextDeadline;

        // Act
        await using (var db = database.CreateContext())
        {
            var orderIds = db.Orders.Where(o => o.CaseId == order.Case.CaseId).Select(o => (Guid?)o.Id);
            var tasks = await db.StaffTasks.Where(t => t.Status == StaffTaskStatus.Open && (t.CaseId == order.Case.CaseId || orderIds.Contains(t.OrderId)))
                .OrderBy(t => t.DueOn).ToListAsync(TestContext.Current.CancellationToken);
            Assert.NotEmpty(tasks);
            tasks[0].Complete(TestClock.At(_today).GetUtcNow());
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            await AssertStoredKeysEqualComputedAsync(database);

            foreach (var task in tasks.Skip(1))
            {
                task.Cancel(TestClock.At(_today).GetUtcNow());
            }

            foreach (var duty in await db.NotificationObligations.Where(n => orderIds.Contains(n.OrderId) && (n.Status == ObligationStatus.Open || n.Status == ObligationStatus.Overdue))
                         .ToListAsync(TestContext.Current.CancellationToken))
            {
                duty.Excuse("In custody", _today);
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // Assert
        var after = (await AssertStoredKeysEqualComputedAsync(database))[order.Case.CaseId].NextDeadline;
        Assert.NotEqual(DateOnly.MaxValue, before);
        Assert.Equal(DateOnly.MaxValue, after);
    }

    [Fact]
    public async Task P1_StoredKeys_AfterASecondSpoDecisionARoleChangeAndClosing_EqualTheComputedKeys()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var created = await new TestData(database).CreateCaseAsync(c => c.WithProxyProtectedPerson());
        var ct = TestContext.Current.CancellationToken;

        // Act
        await new TestData(database).WithServicesAsync(_today, async s => await s.Cases.RecordSpoDecisionAsync(
            new RecordSpoDecisionOptions(created.CaseId, SpoDecisionOutcome.DoNotApply, "Other orders protect the victim.", "DI Test", null), TestData.Coordinator, ct));
        var decided = (await AssertStoredKeysEqualComputedAsync(database))[created.CaseId];
        await using (var db = database.CreateContext())
        {
            var victim = await db.Victims.SingleAsync(v => v.Id == created.VictimId, ct);
            victim.ChangeRole(VictimRole.DirectVictim);
            var stalkingCase = await db.Cases.SingleAsync(c => c.Id == created.CaseId, ct);
            stalkingCase.Close(CaseOutcome.NoFurtherAction);
            await db.SaveChangesAsync(ct);
        }

        // Assert
        var closed = (await AssertStoredKeysEqualComputedAsync(database))[created.CaseId];
        Assert.Equal(2, decided.SpoDecision);
        Assert.Equal(0, decided.Status);
        Assert.Equal(2, closed.Status);
    }

    [Fact]
    public async Task P1_StoredKeys_AfterTheRespondentGainsAnAliasAndAnotherRespondentIsSet_EqualTheComputedKeys()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);
        var first = await testData.CreateCaseAsync();
        var second = await testData.CreateCaseAsync();
        var ct = TestContext.Current.CancellationToken;

        // Act
        await using (var db = database.CreateContext())
        {
            var respondent = await db.Respondents.SingleAsync(r => r.Id == first.RespondentId, ct);
            var person = await db.People.SingleAsync(p => p.Id == respondent.PersonId, ct);
            person.AddAlias("Aaron", "Aardvark", _today.AddYears(-2), TestClock.At(_today).GetUtcNow());
            await db.SaveChangesAsync(ct);
            await AssertStoredKeysEqualComputedAsync(database);

            var stalkingCase = await db.Cases.SingleAsync(c => c.Id == second.CaseId, ct);
            stalkingCase.SetRespondent(first.RespondentId);
            await db.SaveChangesAsync(ct);
        }

        // Assert
        var keys = await AssertStoredKeysEqualComputedAsync(database);
        Assert.Equal(keys[first.CaseId].Respondent, keys[second.CaseId].Respondent);
        Assert.DoesNotContain("Aardvark", keys[first.CaseId].Respondent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task P1_StoredOfficerKey_AfterTheCaseIsGivenToAStaffAccountAndThatAccountIsRenamed_EqualsTheComputedOne()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var created = await new TestData(database).CreateCaseAsync();
        var ct = TestContext.Current.CancellationToken;
        var user = new StaffUser { Id = Guid.NewGuid(), UserName = "pc.lee", NormalizedUserName = "PC.LEE", DisplayName = "PC Lee One", Team = "Stalking Team" };

        // Act
        await using (var db = database.CreateContext())
        {
            db.Users.Add(user);
            var stalkingCase = await db.Cases.SingleAsync(c => c.Id == created.CaseId, ct);
            stalkingCase.Assign("PC Lee", "Stalking Team", user.Id);
            await db.SaveChangesAsync(ct);
            Assert.Equal("PC Lee One", (await AssertStoredKeysEqualComputedAsync(database))[created.CaseId].Officer);

            user.DisplayName = "PC Lee Two";
            await db.SaveChangesAsync(ct);
        }

        // Assert
        Assert.Equal("PC Lee Two", (await AssertStoredKeysEqualComputedAsync(database))[created.CaseId].Officer);
    }

    [Fact]
    public async Task P1_RefreshAll_AfterKeysWereWrittenAroundTheContext_PutsBackTheComputedKeys()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var order = await new TestData(database).CreateOrderAsync();
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.CreateContext();
        await db.Cases.ExecuteUpdateAsync(s => s.SetProperty(c => c.RespondentSortKey, "").SetProperty(c => c.NextDeadlineOn, DateOnly.MaxValue), ct);

        // Act
        var updated = await ListKeys.RefreshAllAsync(db, ct);

        // Assert
        Assert.Equal(await db.Cases.CountAsync(ct) + await db.Orders.CountAsync(ct) + await db.Applications.CountAsync(ct), updated);
        Assert.NotEqual("", (await AssertStoredKeysEqualComputedAsync(database))[order.Case.CaseId].Respondent);
    }

    private sealed record Keys(string Respondent, string ProtectedPeople, string Officer, int Status, int SpoDecision, DateOnly NextDeadline);

    /// <summary>Every case's stored keys beside the same keys worked out from their tables as the list once worked them out per row.</summary>
    private static async Task<Dictionary<Guid, Keys>> AssertStoredKeysEqualComputedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var ct = TestContext.Current.CancellationToken;
        var stored = await db.Cases.AsNoTracking()
            .Select(c => new { c.Id, Keys = new Keys(c.RespondentSortKey, c.ProtectedPeopleSortKey, c.OfficerSortKey, c.StatusSortKey, c.SpoDecisionSortKey, c.NextDeadlineOn) })
            .ToDictionaryAsync(c => c.Id, c => c.Keys, ct);

        var cases = await db.Cases.AsNoTracking().ToListAsync(ct);
        var names = await db.Set<PersonName>().AsNoTracking().Where(n => !n.IsAlias).ToListAsync(ct);
        var respondents = await db.Respondents.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.PersonId, ct);
        var victims = await db.Victims.AsNoTracking().ToListAsync(ct);
        var decisions = await db.SpoDecisions.AsNoTracking().ToListAsync(ct);
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var orders = await db.Orders.IgnoreAutoIncludes().AsNoTracking().Select(o => new { o.Id, o.CaseId }).ToListAsync(ct);
        var tasks = await db.StaffTasks.AsNoTracking().Where(t => t.Status == StaffTaskStatus.Open).ToListAsync(ct);
        var duties = await db.NotificationObligations.AsNoTracking()
            .Where(n => n.Status == ObligationStatus.Open || n.Status == ObligationStatus.Overdue).ToListAsync(ct);

        PersonName? NameOf(Guid? personId) => names.Where(n => n.PersonId == personId).MinBy(n => n.Id);
        foreach (var c in cases)
        {
            var respondent = NameOf(c.RespondentId is { } r ? respondents[r] : null);
            var firstProtected = NameOf(victims.Where(v => v.CaseId == c.Id && v.Role is VictimRole.ProtectedPerson or VictimRole.Both)
                .OrderBy(v => v.Id).Select(v => (Guid?)v.PersonId).FirstOrDefault());
            var decision = decisions.Where(d => d.CaseId == c.Id).OrderByDescending(d => d.DecidedOn).ThenByDescending(d => d.Id).FirstOrDefault();
            var caseOrders = orders.Where(o => o.CaseId == c.Id).Select(o => (Guid?)o.Id).ToList();
            var due = tasks.Where(t => t.CaseId == c.Id || caseOrders.Contains(t.OrderId)).Select(t => t.DueOn)
                .Concat(duties.Where(d => caseOrders.Contains(d.OrderId)).Select(d => d.DueBy))
                .DefaultIfEmpty(DateOnly.MaxValue).Min();
            var computed = new Keys(
                respondent is null ? "" : respondent.FamilyName + " " + respondent.GivenNames,
                firstProtected is null ? "" : firstProtected.GivenNames[..Math.Min(1, firstProtected.GivenNames.Length)]
                    + firstProtected.FamilyName[..Math.Min(1, firstProtected.FamilyName.Length)],
                c.OfficerInChargeId is { } officer && users.TryGetValue(officer, out var display) ? display : c.OfficerInCharge,
                StalkingCase.SortKeyOf(c.Status),
                decision is null ? 0 : decision.Decision == SpoDecisionOutcome.Apply ? 1 : 2,
                due);
            Assert.Equal(computed, stored[c.Id]);
        }

        return stored;
    }
}
