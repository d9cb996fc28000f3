using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Lists;
using StalkingProtection.Core.Orders;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Lists;

/// <summary>
/// Every sort of the applications and orders lists, both ways, paged forwards to the end and back again two rows at a time, lists
/// every row once in the order of the whole list. Each cursor is a row value, (key, id) &gt; (k, cid), on both databases, also
/// for a key worked out in the statement (a kind as a CASE of its values).
/// </summary>
public class KeysetPagingTests : IAsyncLifetime
{
    private static readonly DateOnly _today = new(2026, 11, 28);
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var data = new TestData(_database);
        var first = await data.CreateOrderAsync();
        var interim = await data.CreateOrderAsync(o => o.Interim().MadeOn(_today.AddDays(-60)));
        var second = await data.CreateOrderAsync();
        await data.CreateOrderAsync(o => o.ReplacingInterim(interim).MadeOn(_today.AddDays(-30)).UntilFurtherOrder());
        await data.CreateOrderAsync(o => o.MadeOn(_today.AddYears(-3)).LastDay(_today.AddDays(-1)));
        await data.CreateOrderAsync(o => o.Interim());
        var interimInForce = await data.CreateOrderAsync(o => o.Interim().MadeOn(_today.AddDays(-5)));

        // In force today, its ending recorded already: it sorts with the superseded orders, and is listed with those in force.
        await using (var db = _database.CreateContext())
        {
            var superseded = await db.Orders.SingleAsync(o => o.Id == first.OrderId);
            superseded.Supersede(second.OrderId, _today.AddDays(10), TestClock.At(_today).GetUtcNow());
            var ceasing = await db.Orders.SingleAsync(o => o.Id == interimInForce.OrderId);
            ceasing.Supersede(second.OrderId, _today.AddDays(3), TestClock.At(_today).GetUtcNow());
            await db.SaveChangesAsync();
        }

        await data.CreateApplicationAsync(a => a.Lodged(new DateOnly(2026, 10, 1)));
        await data.CreateApplicationAsync(a => a.Interim());
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task P1_ApplicationList_EverySortBothWays_PagedForwardsAndBack_ListsEveryApplicationOnce()
    {
        await using var db = _database.CreateContext();
        IQueryable<ApplicationListRow> Rows() => ApplicationListQuery.Rows(db, db.Cases.AsNoTracking(), _today, ApplicationListFilter.All, null, null, false);
        var count = await db.Applications.CountAsync(TestContext.Current.CancellationToken);
        Assert.True(count > 4, $"{count} applications");
        foreach (var sort in Enum.GetValues<ApplicationListSort>())
        {
            foreach (var direction in Enum.GetValues<SortDirection>())
            {
                await AssertPagesAsync($"applications by {sort} {direction}", count, r => r.Id, r => ApplicationListQuery.KeyOf(r, sort), ApplicationListQuery.KeyType(sort),
                    (key, id, backwards, _) => ApplicationListQuery.SeekBy(Rows(), sort, direction, key, id, backwards, _database.Provider));
            }
        }
    }

    [Fact]
    public async Task P1_OrderList_EverySortBothWays_PagedForwardsAndBack_ListsEveryOrderOnce()
    {
        await using var db = _database.CreateContext();
        IQueryable<OrderListRow> Rows() => OrderListQuery.Rows(db, db.Cases.AsNoTracking(), _today, OrderListFilter.All, null, null, false);
        var count = await db.Orders.CountAsync(TestContext.Current.CancellationToken);
        Assert.True(count > 2, $"{count} orders");
        foreach (var sort in Enum.GetValues<OrderListSort>())
        {
            foreach (var direction in Enum.GetValues<SortDirection>())
            {
                await AssertPagesAsync($"orders by {sort} {direction}", count, r => r.Id, r => OrderListQuery.KeyOf(r, sort), OrderListQuery.KeyType(sort),
                    (key, id, backwards, take) => OrderListQuery.SeekBy(Rows(), OrderListFilter.All, _today, sort, direction, key, id, backwards, _database.Provider, take));
            }
        }
    }

    // The orders in force, where a page by last day is bounded by today's key and a page by status or kind reads today's ranges
    // of keys, each at most a page long (OrderListQuery.SeekBy): the same orders as the filter alone, each once, both ways (SPA
    // 2019 s.2(3)-(4), s.5(6)(b): expired and ceased orders left out), for a page of two and for every row at once.
    [Fact]
    public async Task P1_R16_OrderList_InForce_EverySortBothWays_PagedForwardsAndBack_ListsEveryOrderInForceOnce()
    {
        await using var db = _database.CreateContext();
        var ct = TestContext.Current.CancellationToken;
        IQueryable<OrderListRow> Rows() => OrderListQuery.Rows(db, db.Cases.AsNoTracking(), _today, OrderListFilter.InForce, null, null, false);
        var all = await OrderListQuery.Rows(db, db.Cases.AsNoTracking(), _today, OrderListFilter.All, null, null, false).ToListAsync(ct);
        var inForce = all.Where(r => r.StatusOn(_today) == OrderStatus.InForce).Select(r => r.Id).Order().ToList();
        Assert.Equal(inForce, (await Rows().Select(r => r.Id).ToListAsync(ct)).Order());
        Assert.True(inForce.Count > 2 && inForce.Count < all.Count - 1, $"{inForce.Count} of {all.Count} orders in force");
        Assert.Equal(2, all.Count(r => r.Ending == OrderEnding.Superseded && r.StatusOn(_today) == OrderStatus.InForce));
        foreach (var sort in Enum.GetValues<OrderListSort>())
        {
            foreach (var direction in Enum.GetValues<SortDirection>())
            {
                await AssertPagesAsync($"orders in force by {sort} {direction}", inForce.Count, r => r.Id, r => OrderListQuery.KeyOf(r, sort), OrderListQuery.KeyType(sort),
                    (key, id, backwards, take) => OrderListQuery.SeekBy(Rows(), OrderListFilter.InForce, _today, sort, direction, key, id, backwards, _database.Provider, take));
            }
        }
    }

    private static async Task AssertPagesAsync<TRow>(string list, int count, Func<TRow, Guid> idOf, Func<TRow, object> keyOf, Type keyType,
        Func<string?, Guid?, bool, int?, IQueryable<TRow>> seek)
    {
        var ct = TestContext.Current.CancellationToken;
        var whole = (await seek(null, null, false, null).ToListAsync(ct)).Select(idOf).ToList();

        var forwards = new List<TRow>();
        for (TRow? last = default; ;)
        {
            var page = await seek(last is null ? null : Keyset.Format(keyOf(last)), last is null ? null : idOf(last), false, 2).Take(2).ToListAsync(ct);
            forwards.AddRange(page);
            if (page.Count < 2 || forwards.Count > count)
            {
                break;
            }

            last = page[^1];
        }

        var backwards = new List<TRow>();
        for (var first = forwards[^1]; ;)
        {
            Assert.NotNull(Keyset.Parse(Keyset.Format(keyOf(first)), keyType));
            var page = await seek(Keyset.Format(keyOf(first)), idOf(first), true, 2).Take(2).ToListAsync(ct);
            backwards.AddRange(page);
            if (page.Count < 2 || backwards.Count > count)
            {
                break;
            }

            first = page[^1];
        }

        Assert.True(whole.Count == count, $"{list}: {whole.Count} rows");
        Assert.True(whole.SequenceEqual(forwards.Select(idOf)), $"{list}: forwards");
        Assert.True(whole.SkipLast(1).Reverse().SequenceEqual(backwards.Select(idOf)), $"{list}: backwards");
    }
}
