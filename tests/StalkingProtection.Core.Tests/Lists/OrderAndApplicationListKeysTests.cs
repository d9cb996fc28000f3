using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Core.Lists;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Tasks;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Lists;

/// <summary>
/// P1: the sort keys stored on each order and application equal the keys worked out from the rows they depend on, as the
/// lists once worked them out for every row, after each kind of change to those rows, whichever service saves it.
/// </summary>
public class OrderAndApplicationListKeysTests
{
    private static readonly DateOnly _today = new(2026, 3, 1);

    [Fact]
    public async Task P1_R19_StoredOrderKeys_AfterAFullOrderUntilFurtherOrderIsMadeAndTheInterimOrderCeases_EqualTheComputedKeys()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);

        // Act
        var interim = await testData.CreateOrderAsync(o => o.Interim().MadeOn(_today.AddDays(-30)));
        var full = await testData.CreateOrderAsync(o => o.ReplacingInterim(interim).MadeOn(_today.AddDays(-10)).UntilFurtherOrder());
        var dated = await testData.CreateOrderAsync(o => o.MadeOn(_today.AddYears(-3)).LastDay(_today.AddDays(-1)));

        // Assert
        var keys = await AssertStoredOrderKeysEqualComputedAsync(database);
        Assert.All(keys.Values, k => Assert.NotEqual("", k.Respondent));
        var ceased = 6 * OrderListKeys.StatusGroup + OrderListKeys.AfterLastDayNumber - _today.AddDays(-10).DayNumber;
        Assert.Equal((ceased, ceased, _today.AddDays(-10)), (keys[interim.OrderId].Kind, keys[interim.OrderId].Status, keys[interim.OrderId].LastDay));
        Assert.Equal((OrderListKeys.KindGroup + OrderListKeys.StatusGroup, OrderListKeys.StatusGroup, DateOnly.MaxValue),
            (keys[full.OrderId].Kind, keys[full.OrderId].Status, keys[full.OrderId].LastDay));
        Assert.Equal(_today.AddDays(-1), keys[dated.OrderId].LastDay);
        Assert.True(keys[full.OrderId].Status < keys[dated.OrderId].Status && keys[dated.OrderId].Status < keys[interim.OrderId].Status);
    }

    [Fact]
    public async Task P1_R28_StoredOrderNextDeadline_AfterTasksAreDoneAndDutiesExcused_EqualsTheComputedOne()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var order = await new TestData(database).CreateOrderAsync(o => o.ServedOn(_today.AddDays(-2)));
        var ct = TestContext.Current.CancellationToken;
        var before = (await AssertStoredOrderKeysEqualComputedAsync(database))[order.OrderId].NextDeadline;

        // Act
        await using (var db = database.CreateContext())
        {
            foreach (var task in await db.StaffTasks.Where(t => t.OrderId == order.OrderId && t.Status == StaffTaskStatus.Open).ToListAsync(ct))
            {
                task.Complete(TestClock.At(_today).GetUtcNow());
            }

            await db.SaveChangesAsync(ct);
            await AssertStoredOrderKeysEqualComputedAsync(database);
            foreach (var duty in await db.NotificationObligations
                         .Where(n => n.OrderId == order.OrderId && (n.Status == ObligationStatus.Open || n.Status == ObligationStatus.Overdue)).ToListAsync(ct))
            {
                duty.Excuse("In custody", _today);
            }

            await db.SaveChangesAsync(ct);
        }

        // Assert
        var after = (await AssertStoredOrderKeysEqualComputedAsync(database))[order.OrderId].NextDeadline;
        Assert.NotNull(OrderListKeys.NextDeadlineOf(before));
        Assert.Null(OrderListKeys.NextDeadlineOf(after));
    }

    [Fact]
    public async Task P1_StoredApplicationKeys_AfterAHearingIsListedAndAdjourned_EqualTheComputedKeys()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);
        var draft = await testData.CreateApplicationAsync(a => a.Draft());
        var interim = await testData.CreateApplicationAsync(a => a.Interim().Lodged(_today.AddDays(-3)));
        var unlisted = (await AssertStoredApplicationKeysEqualComputedAsync(database))[interim.ApplicationId];

        // Act
        var listed = await testData.WithServicesAsync(_today, s => s.Hearings.ListHearingAsync(
            new ListHearingOptions(interim.ApplicationId, TestData.NoonOn(_today.AddDays(7)), "Leeds Magistrates' Court"), TestData.Officer));
        var first = (await AssertStoredApplicationKeysEqualComputedAsync(database))[interim.ApplicationId];
        await testData.WithServicesAsync(_today.AddDays(7), s => s.Hearings.AdjournHearingAsync(
            new AdjournHearingOptions(listed.HearingId, "Respondent unwell", null), TestData.Officer));

        // Assert
        var keys = await AssertStoredApplicationKeysEqualComputedAsync(database);
        Assert.Equal(ApplicationListQuery.NoHearing, unlisted.Hearing);
        Assert.Equal(TestData.NoonOn(_today.AddDays(7)), first.Hearing);
        Assert.Equal(TestData.NoonOn(_today.AddDays(7)), keys[interim.ApplicationId].Hearing);
        Assert.Equal((1, ApplicationListQuery.StatusWords.ToList().IndexOf("Adjourned")), (keys[interim.ApplicationId].Kind, keys[interim.ApplicationId].Status));
        Assert.Equal((0, 0), (keys[draft.ApplicationId].Kind, keys[draft.ApplicationId].Status));
        Assert.All(keys.Values, k => Assert.NotEqual("", k.Respondent));
    }

    [Fact]
    public async Task P1_StoredKeys_AfterTheRespondentGainsAnAlias_AndAfterRefreshAll_EqualTheComputedKeys()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var order = await new TestData(database).CreateOrderAsync();
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.CreateContext();
        var respondent = await db.Respondents.SingleAsync(r => r.Id == order.Case.RespondentId, ct);
        var person = await db.People.SingleAsync(p => p.Id == respondent.PersonId, ct);

        // Act
        person.AddAlias("Aaron", "Aardvark", _today.AddYears(-2), TestClock.At(_today).GetUtcNow());
        await db.SaveChangesAsync(ct);
        var afterAlias = await AssertStoredOrderKeysEqualComputedAsync(database);
        await AssertStoredApplicationKeysEqualComputedAsync(database);
        await db.Orders.ExecuteUpdateAsync(s => s.SetProperty(o => o.RespondentSortKey, "").SetProperty(o => o.StatusSortKey, 0L), ct);
        await db.Applications.ExecuteUpdateAsync(s => s.SetProperty(a => a.RespondentSortKey, "").SetProperty(a => a.KindSortKey, 9), ct);
        var updated = await ListKeys.RefreshAllAsync(db, ct);

        // Assert
        Assert.DoesNotContain("Aardvark", afterAlias[order.OrderId].Respondent, StringComparison.Ordinal);
        Assert.Equal(await db.Cases.CountAsync(ct) + await db.Orders.CountAsync(ct) + await db.Applications.CountAsync(ct), updated);
        Assert.NotEqual("", (await AssertStoredOrderKeysEqualComputedAsync(database))[order.OrderId].Respondent);
        await AssertStoredApplicationKeysEqualComputedAsync(database);
    }

    // A force's database holding orders and applications when ListSortKeysForOrdersAndApplications and
    // OrderKindAndStatusKeysForPagesInForce run (both undone first, then done again): their own SQL works
    // the keys out once, as OrderListKeys and ApplicationListKeys do on each save from then on.
    [Fact]
    public async Task P1_Migration_OnADatabaseWithOrdersAndApplications_WritesTheComputedKeys()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);
        var interim = await testData.CreateOrderAsync(o => o.Interim().MadeOn(_today.AddDays(-30)));
        await testData.CreateOrderAsync(o => o.ReplacingInterim(interim).MadeOn(_today.AddDays(-10)).UntilFurtherOrder().ServedOn(_today.AddDays(-9)));
        await testData.CreateOrderAsync(o => o.MadeOn(_today.AddYears(-3)).LastDay(_today.AddDays(-1)));
        var lodged = await testData.CreateApplicationAsync(a => a.Interim().Lodged(_today.AddDays(-3)));
        await testData.WithServicesAsync(_today, s => s.Hearings.ListHearingAsync(
            new ListHearingOptions(lodged.ApplicationId, TestData.NoonOn(_today.AddDays(7)), "Leeds Magistrates' Court"), TestData.Officer));
        await testData.CreateApplicationAsync(a => a.Draft());
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.CreateContext();
        var migrator = db.GetService<IMigrator>();
        var before = (await db.Database.GetAppliedMigrationsAsync(ct)).TakeWhile(m => !m.EndsWith("_ListSortKeysForOrdersAndApplications", StringComparison.Ordinal)).Last();

        // Act
        await migrator.MigrateAsync(before, ct);
        await migrator.MigrateAsync(null, ct);

        // Assert
        var orders = await AssertStoredOrderKeysEqualComputedAsync(database);
        var applications = await AssertStoredApplicationKeysEqualComputedAsync(database);
        Assert.Equal(3, orders.Values.Select(k => k.Status).Distinct().Count());
        Assert.Contains(orders.Values, k => k.NextDeadline < OrderListKeys.NoDeadline);
        Assert.Contains(applications.Values, k => k.Hearing == TestData.NoonOn(_today.AddDays(7)));
        Assert.Contains(applications.Values, k => k.Hearing == ApplicationListQuery.NoHearing);
    }

    // The status column sorts by a key that must not depend on today, yet on any day lists every order in force before every
    // expired one, and both before those ended early (SPA 2019 s.2(3)-(4) last day, s.4 discharge, s.5(6)(b) ceased).
    [Fact]
    public void P1_R16_StatusKey_OnAnyDay_PutsEveryOrderInForceBeforeEveryExpiredOneAndBothBeforeThoseEndedEarly()
    {
        // Arrange
        var random = new Random(20261207);
        var days = Enumerable.Range(0, 200).Select(_ => (DateOnly?)new DateOnly(2020, 1, 1).AddDays(random.Next(0, 5000))).Append(null).ToList();
        var endedEarly = new[] { OrderEnding.Discharged, OrderEnding.Quashed, OrderEnding.Superseded, OrderEnding.Ceased }
            .Select(e => OrderListKeys.StatusKeyOf(new DateOnly(2030, 1, 1), new DateOnly(2025, 1, 1), e)).ToList();

        // Act
        var failures = new List<string>();
        foreach (var today in Enumerable.Range(0, 50).Select(_ => new DateOnly(2020, 1, 1).AddDays(random.Next(0, 5000))))
        {
            var inForce = days.Where(d => d is null || d >= today).Select(d => OrderListKeys.StatusKeyOf(d, null, null)).ToList();
            var expired = days.Where(d => d < today).Select(d => OrderListKeys.StatusKeyOf(d, null, null)).ToList();
            if (inForce.Max() >= expired.DefaultIfEmpty(long.MaxValue).Min() || expired.DefaultIfEmpty(0).Max() >= endedEarly.Min())
            {
                failures.Add(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        // Assert
        Assert.Empty(failures);
        Assert.Equal(endedEarly.Order(), endedEarly);
        Assert.True(OrderListKeys.StatusKeyOf(DateOnly.MaxValue, null, null) > OrderListKeys.StatusKeyOf(null, null, null));
        Assert.True(OrderListKeys.StatusKeyOf(DateOnly.MinValue, null, null) < endedEarly.Min());
    }

    // A page of the orders in force sorted by status or kind reads only the ranges of keys InForceStatusKeys and InForceKindKeys
    // give for today: on any day an order has a key in them exactly when it is in force (SPA 2019 s.2(3)-(4) last day, s.4
    // discharge, s.5(6)(b) ceased, s.7(4) quashed), for an order with no deadline also by its next deadline key (any deadline
    // is read), and every interim order's kind key comes before every full order's.
    [Fact]
    public void P1_R16_InForceKeys_OnAnyDay_HoldTheKeysOfTheOrdersInForceAndNoOthers()
    {
        // Arrange
        var random = new Random(20261208);
        var endings = new OrderEnding?[] { null, OrderEnding.Discharged, OrderEnding.Quashed, OrderEnding.Superseded, OrderEnding.Ceased };
        var orders = Enumerable.Range(0, 400).Select(_ =>
        {
            var lastDay = random.Next(6) == 0 ? (DateOnly?)null : new DateOnly(2020, 1, 1).AddDays(random.Next(0, 5000));
            var ending = endings[random.Next(endings.Length)];
            var endedOn = ending is null ? (DateOnly?)null : new DateOnly(2020, 1, 1).AddDays(random.Next(0, 5000));
            return (Kind: random.Next(2) == 0 ? OrderKind.Interim : OrderKind.Full, LastDay: lastDay, EndedOn: endedOn, Ending: ending);
        }).ToList();

        // Act
        var failures = new List<string>();
        foreach (var today in Enumerable.Range(0, 60).Select(_ => new DateOnly(2020, 1, 1).AddDays(random.Next(0, 5000))))
        {
            var statusRanges = OrderListKeys.InForceStatusKeys(today);
            var kindRanges = OrderListKeys.InForceKindKeys(today, [OrderKind.Interim, OrderKind.Full]);
            var deadlineRanges = OrderListKeys.InForceNextDeadlineKeys(today);
            foreach (var o in orders)
            {
                var inForce = (o.LastDay is null || o.LastDay >= today) && (o.EndedOn is null || o.EndedOn > today);
                var status = OrderListKeys.StatusKeyOf(o.LastDay, o.EndedOn, o.Ending);
                var kind = OrderListKeys.KindKeyOf(o.Kind, status);
                var noDeadline = OrderListKeys.NextDeadlineKeyOf(null, status);
                if (statusRanges.Any(r => r.From <= status && status <= r.To) != inForce || kindRanges.Any(r => r.From <= kind && kind <= r.To) != inForce
                    || deadlineRanges.Any(r => r.From <= noDeadline && noDeadline <= r.To) != inForce
                    || OrderListKeys.InForceKindKeys(today, [o.Kind == OrderKind.Interim ? OrderKind.Full : OrderKind.Interim]).Any(r => r.From <= kind && kind <= r.To))
                {
                    failures.Add($"{today:yyyy-MM-dd}: {o}");
                }
            }
        }

        // Assert
        Assert.Empty(failures);
        var keys = orders.Select(o => OrderListKeys.KindKeyOf(o.Kind, OrderListKeys.StatusKeyOf(o.LastDay, o.EndedOn, o.Ending))).ToList();
        Assert.True(keys.Where((_, i) => orders[i].Kind == OrderKind.Interim).Max() < keys.Where((_, i) => orders[i].Kind == OrderKind.Full).Min());
        Assert.All(OrderListKeys.InForceNextDeadlineKeys(new DateOnly(2026, 12, 8)), r => Assert.True(r.From <= r.To));
        Assert.Equal(new DateOnly(2026, 12, 8), OrderListKeys.NextDeadlineOf(OrderListKeys.NextDeadlineKeyOf(new DateOnly(2026, 12, 8), 0)));
        Assert.True(OrderListKeys.NextDeadlineKeyOf(DateOnly.MaxValue, 0) < OrderListKeys.NextDeadlineKeyOf(null, OrderListKeys.StatusKeyOf(null, null, null)));
    }

    private sealed record OrderKeys(string Respondent, long Kind, DateOnly LastDay, long Status, long NextDeadline);

    private sealed record ApplicationKeys(string Respondent, int Kind, DateTimeOffset Hearing, int Status);

    private static async Task<Dictionary<Guid, OrderKeys>> AssertStoredOrderKeysEqualComputedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var ct = TestContext.Current.CancellationToken;
        var orders = await db.Orders.IgnoreAutoIncludes().AsNoTracking().ToListAsync(ct);
        var names = await NamesByRespondentAsync(db, ct);
        var tasks = await db.StaffTasks.AsNoTracking().Where(t => t.Status == StaffTaskStatus.Open && t.OrderId != null).ToListAsync(ct);
        var duties = await db.NotificationObligations.AsNoTracking()
            .Where(n => n.Status == ObligationStatus.Open || n.Status == ObligationStatus.Overdue).ToListAsync(ct);
        var stored = orders.ToDictionary(o => o.Id, o => new OrderKeys(o.RespondentSortKey, o.KindSortKey, o.LastDaySortKey, o.StatusSortKey, o.NextDeadlineSortKey));
        foreach (var o in orders)
        {
            var endedEarly = o.EndedOn is { } ended && (o.LastInForceDay is null || ended <= o.LastInForceDay);
            var status = OrderListKeys.StatusKeyOf(o.LastInForceDay, o.EndedOn, o.Ending);
            var computed = new OrderKeys(
                names.GetValueOrDefault(o.RespondentId, ""),
                OrderListKeys.KindKeyOf(o.Kind, status),
                (endedEarly ? o.EndedOn : o.LastInForceDay) ?? DateOnly.MaxValue,
                status,
                OrderListKeys.NextDeadlineKeyOf(tasks.Where(t => t.OrderId == o.Id).Select(t => t.DueOn).Concat(duties.Where(d => d.OrderId == o.Id).Select(d => d.DueBy))
                    .Select(d => (DateOnly?)d).Min(), status));
            Assert.Equal(computed, stored[o.Id]);
        }

        return stored;
    }

    private static async Task<Dictionary<Guid, ApplicationKeys>> AssertStoredApplicationKeysEqualComputedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var ct = TestContext.Current.CancellationToken;
        var applications = await db.Applications.IgnoreAutoIncludes().AsNoTracking().ToListAsync(ct);
        var names = await NamesByRespondentAsync(db, ct);
        var hearings = await db.Hearings.AsNoTracking().ToListAsync(ct);
        var stored = applications.ToDictionary(a => a.Id, a => new ApplicationKeys(a.RespondentSortKey, a.KindSortKey, a.HearingSortKey, a.StatusSortKey));
        foreach (var a in applications)
        {
            var its = hearings.Where(h => h.ApplicationId == a.Id).ToList();
            var computed = new ApplicationKeys(
                names.GetValueOrDefault(a.RespondentId, ""),
                (int)a.Type,
                its.Where(h => h.Outcome == HearingOutcome.Pending).Select(h => (DateTimeOffset?)h.ListedFor).Min()
                    ?? its.Select(h => (DateTimeOffset?)h.ListedFor).Max() ?? ApplicationListQuery.NoHearing,
                ApplicationListQuery.StatusWords.ToList().IndexOf(a.StageText));
            Assert.Equal(computed, stored[a.Id]);
        }

        return stored;
    }

    /// <summary>Each respondent's first name that is not an alias, family name first, as the lists sort by.</summary>
    private static async Task<Dictionary<Guid, string>> NamesByRespondentAsync(Core.Data.StalkingProtectionDbContext db, CancellationToken ct)
    {
        var names = await db.Set<PersonName>().AsNoTracking().Where(n => !n.IsAlias).ToListAsync(ct);
        var respondents = await db.Respondents.AsNoTracking().ToListAsync(ct);
        return respondents.ToDictionary(r => r.Id, r => names.Where(n => n.PersonId == r.PersonId).MinBy(n => n.Id) is { } n ? n.FamilyName + " " + n.GivenNames : "");
    }
}
