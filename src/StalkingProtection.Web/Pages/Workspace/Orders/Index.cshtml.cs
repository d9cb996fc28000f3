using System.ComponentModel.DataAnnotations;
using System.Data;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Import;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Statistics;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Core.Lists;
using StalkingProtection.Web.Infrastructure.Security;
using Sylvan.Data.Csv;

namespace StalkingProtection.Web.Pages.Workspace.Orders;

public enum OrderListFilter
{
    [Display(Name = "In force")]
    InForce,

    [Display(Name = "Interim")]
    Interim,

    [Display(Name = "Full")]
    Full,

    [Display(Name = "Not yet served")]
    Unserved,

    [Display(Name = "Ending in the next 90 days")]
    EndingSoon,

    [Display(Name = "No longer in force")]
    Ended,

    [Display(Name = "All orders")]
    All,
}

/// <summary>The columns the orders list sorts by.</summary>
public enum OrderListSort
{
    Respondent,
    Kind,
    Made,
    LastDay,
    Status,
    NextDeadline,
}

/// <summary>One order of the list, with the keys it sorts by worked out in the database.</summary>
public sealed class OrderListRow
{
    public Guid Id { get; init; }

    public OrderKind Kind { get; init; }

    public DateOnly MadeOn { get; init; }

    public string CourtName { get; init; } = "";

    public DateOnly? LastInForceDay { get; init; }

    public DateOnly? EndedOn { get; init; }

    public OrderEnding? Ending { get; init; }

    public bool ReplacedByFullOrder { get; init; }

    public string GivenNames { get; init; } = "";

    public string FamilyName { get; init; } = "";

    public string Team { get; init; } = "";

    public string Officer { get; init; } = "";

    /// <summary>Family name, then given names.</summary>
    public string RespondentKey { get; init; } = "";

    public int KindKey { get; init; }

    /// <summary>The last day in force; an order until further order sorts after every dated one.</summary>
    public DateOnly LastDayKey { get; init; }

    /// <summary>0 not yet in force, 1 in force, 2 expired, 3 discharged, 4 quashed, 5 superseded, 6 ceased.</summary>
    public int StatusKey { get; init; }

    /// <summary>The earliest open task or notification due for the order; none sorts last.</summary>
    public DateOnly NextDeadlineKey { get; init; }

    public string RespondentName => $"{GivenNames} {FamilyName}".Trim();

    public DateOnly? NextDeadline => NextDeadlineKey == DateOnly.MaxValue ? null : NextDeadlineKey;
}

/// <summary>
/// The orders of the cases the user may see (need-to-know), 25 to a page, sortable by each column and filtered by status,
/// team, officer and whether something needs doing; keyset-paged both ways.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider, AuditLog audit) : PageModel
{
    public const int PageSize = 25;
    public const int EndingSoonDays = 90;
    public const int MaxFilterLength = 200;

    /// <summary>"Needs action": an open task or notification is overdue or due within this many days.</summary>
    public const int NeedsActionDays = DashboardQueries.DueSoonDays;

    [BindProperty(SupportsGet = true)]
    public OrderListFilter Filter { get; set; } = OrderListFilter.InForce;

    [BindProperty(SupportsGet = true)]
    public string? Team { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Officer { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool NeedsAction { get; set; }

    [BindProperty(SupportsGet = true)]
    public OrderListSort Sort { get; set; } = OrderListSort.Made;

    [BindProperty(SupportsGet = true)]
    public SortDirection Order { get; set; } = SortDirection.Descending;

    /// <summary>Keyset: the rows after this sort key and id.</summary>
    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? AfterId { get; set; }

    /// <summary>Keyset: the rows before this sort key and id.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? BeforeId { get; set; }

    public IReadOnlyList<OrderListRow> Rows { get; private set; } = [];

    public IReadOnlyList<string> Teams { get; private set; } = [];

    public IReadOnlyList<(string Key, string Name)> Officers { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public string? NextPageUrl { get; private set; }

    public string? PreviousPageUrl { get; private set; }

    /// <summary>Set when part of the address was not understood and the list is shown without it.</summary>
    public bool Ignored { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = timeProvider.UkToday;
        IgnoreBadValues();
        var rows = Query(db, User, Today, Filter, Team, Officer, NeedsAction);
        var backwards = Before is not null && BeforeId is not null;
        var (cursor, cursorId) = backwards ? (Before, BeforeId) : (After, AfterId);
        var page = await SeekBy(rows, Sort, Order, cursor, cursorId, backwards).Take(PageSize + 1).ToListAsync(ct);
        var more = page.Count > PageSize;
        page = page.Take(PageSize).ToList();
        if (backwards)
        {
            page.Reverse();
        }

        Rows = page;
        var cursorUsed = cursorId is not null && Keyset.Parse(cursor, KeyType(Sort)) is not null;
        if (Rows.Count > 0)
        {
            if (backwards ? cursorUsed : more)
            {
                NextPageUrl = ListUrl(new() { [nameof(After)] = Keyset.Format(KeyOf(Rows[^1], Sort)), [nameof(AfterId)] = Rows[^1].Id.ToString() });
            }

            if (backwards ? more : cursorUsed)
            {
                PreviousPageUrl = ListUrl(new() { [nameof(Before)] = Keyset.Format(KeyOf(Rows[0], Sort)), [nameof(BeforeId)] = Rows[0].Id.ToString() });
            }
        }

        Teams = await db.Cases.AsNoTracking().VisibleTo(User).Select(c => c.Team).Distinct().OrderBy(t => t).Take(500).ToListAsync(ct);
        var officerKeys = await db.Cases.AsNoTracking().VisibleTo(User).Select(c => c.OfficerInCharge).Distinct().OrderBy(k => k).Take(500).ToListAsync(ct);
        var ids = officerKeys.Select(k => Guid.TryParse(k, out var id) ? id : (Guid?)null).OfType<Guid>().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        Officers = officerKeys
            .Select(k => (k, names.FirstOrDefault(n => string.Equals(n.Id.ToString(), k, StringComparison.OrdinalIgnoreCase))?.DisplayName ?? k))
            .OrderBy(o => o.Item2, StringComparer.CurrentCulture).ToList();

        // DPA 2018 s.62: the list shows respondents' names, so reading it is a consultation.
        await audit.RecordConsultationAsync(User.ToActor(), "Orders.Listed", nameof(StalkingProtectionOrder), null, Describe(Rows.Count), ct);
    }

    /// <summary>
    /// The filtered list, in the order asked for, as a CSV file: coordinators only, audited as a disclosure (DPA 2018 s.62);
    /// a cell a spreadsheet would run as a formula is guarded as the register export guards it.
    /// </summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!User.IsInRole(StaffRoles.Coordinator))
        {
            return Forbid();
        }

        Today = timeProvider.UkToday;
        IgnoreBadValues();
        var rows = await SeekBy(Query(db, User, Today, Filter, Team, Officer, NeedsAction), Sort, Order, null, null, backwards: false).ToListAsync(ct);
        audit.Add(User.ToActor(), AuditKind.Disclosure, "Orders.Downloaded", nameof(StalkingProtectionOrder), null, Describe(rows.Count), null,
            new { Format = "csv", Orders = rows.Count });
        await db.SaveChangesAsync(ct);

        var table = new DataTable("Orders");
        foreach (var header in new[] { "Respondent", "Order", "Made", "Court", "Last day", "Status", "Next deadline", "Team" })
        {
            table.Columns.Add(header, typeof(string));
        }

        foreach (var row in rows)
        {
            table.Rows.Add(new[]
            {
                row.RespondentName, row.Kind == OrderKind.Interim ? "Interim" : "Full", Display.Date(row.MadeOn), row.CourtName, LastDayOf(row), StatusOf(row),
                row.NextDeadline is { } due ? Display.Date(due) : "", row.Team,
            }.Select(cell => (object)TrackerExport.Guard(cell)).ToArray());
        }

        var file = new MemoryStream();
        await using (var writer = new StreamWriter(file, new UTF8Encoding(true), leaveOpen: true))
        {
            using var csv = CsvDataWriter.Create(writer);
            await csv.WriteAsync(table.CreateDataReader(), ct);
        }

        file.Position = 0;
        Response.Headers.CacheControl = "no-store";
        return File(file, "text/csv; charset=utf-8", "orders.csv");
    }

    /// <summary>What the audit log records of a listing: its filter and sort, and how many rows it showed.</summary>
    public string Describe(int rows) =>
        $"filter={Filter}; team={Team}; officer={Officer}; needsAction={NeedsAction}; sort={Sort} {Order}; rows={rows}";

    /// <summary>The orders of the cases <paramref name="user"/> may see, filtered, with their sort keys.</summary>
    public static IQueryable<OrderListRow> Query(StalkingProtectionDbContext db, ClaimsPrincipal user, DateOnly today, OrderListFilter filter,
        string? team, string? officer, bool needsAction)
    {
        var visibleCases = db.Cases.AsNoTracking().VisibleTo(user);
        var orders = db.Orders.IgnoreAutoIncludes().AsNoTracking();
        if (filter is not (OrderListFilter.All or OrderListFilter.Ended or OrderListFilter.EndingSoon))
        {
            orders = orders.InForceOn(today);
        }

        var soon = today.AddDays(EndingSoonDays);
        orders = filter switch
        {
            OrderListFilter.Interim => orders.Where(o => o.Kind == OrderKind.Interim),
            OrderListFilter.Full => orders.Where(o => o.Kind == OrderKind.Full),
            OrderListFilter.Unserved => orders.Where(o => o.ServedAt == null),
            // The same orders the dashboard counts as ending soon: a fixed last day still to come, and not ended early.
            OrderListFilter.EndingSoon => orders.Where(o => o.LastInForceDay >= today && o.LastInForceDay <= soon && o.EndedOn == null),
            _ => orders,
        };

        var names = db.Set<PersonName>().AsNoTracking().Where(n => !n.IsAlias);
        var rows =
            from o in orders
            join c in visibleCases on o.CaseId equals c.Id
            join r in db.Respondents.AsNoTracking() on o.RespondentId equals r.Id
            let name = names.Where(n => n.PersonId == r.PersonId).OrderBy(n => n.Id).FirstOrDefault()
            let taskDue = db.StaffTasks.Where(t => t.OrderId == o.Id && t.Status == StaffTaskStatus.Open).Min(t => (DateOnly?)t.DueOn) ?? DateOnly.MaxValue
            let dutyDue = db.NotificationObligations.Where(n => n.OrderId == o.Id && (n.Status == ObligationStatus.Open || n.Status == ObligationStatus.Overdue))
                .Min(n => (DateOnly?)n.DueBy) ?? DateOnly.MaxValue
            select new OrderListRow
            {
                Id = o.Id,
                Kind = o.Kind,
                MadeOn = o.MadeOn,
                CourtName = o.CourtName,
                LastInForceDay = o.LastInForceDay,
                EndedOn = o.EndedOn,
                Ending = o.Ending,
                ReplacedByFullOrder = db.Orders.Any(f => f.ReplacedInterimOrderId == o.Id),
                GivenNames = name == null ? "" : name.GivenNames,
                FamilyName = name == null ? "" : name.FamilyName,
                Team = c.Team,
                Officer = c.OfficerInCharge,
                RespondentKey = name == null ? "" : name.FamilyName + " " + name.GivenNames,
                KindKey = o.Kind == OrderKind.Interim ? 0 : 1,
                LastDayKey = o.EndedOn != null && (o.LastInForceDay == null || o.EndedOn <= o.LastInForceDay) ? o.EndedOn ?? DateOnly.MaxValue
                    : o.LastInForceDay ?? DateOnly.MaxValue,
                StatusKey = o.MadeOn > today ? 0
                    : o.EndedOn != null && o.EndedOn <= today && (o.LastInForceDay == null || o.EndedOn <= o.LastInForceDay)
                        ? (o.Ending == OrderEnding.Discharged ? 3 : o.Ending == OrderEnding.Quashed ? 4 : o.Ending == OrderEnding.Superseded ? 5 : 6)
                    : o.LastInForceDay != null && o.LastInForceDay < today ? 2
                    : 1,
                NextDeadlineKey = taskDue < dutyDue ? taskDue : dutyDue,
            };

        if (filter == OrderListFilter.Ended)
        {
            rows = rows.Where(r => r.StatusKey >= 2);
        }

        if (!string.IsNullOrWhiteSpace(team))
        {
            rows = rows.Where(r => r.Team == team);
        }

        if (!string.IsNullOrWhiteSpace(officer))
        {
            rows = rows.Where(r => r.Officer == officer);
        }

        if (needsAction)
        {
            var by = today.AddDays(NeedsActionDays);
            rows = rows.Where(r => r.NextDeadlineKey <= by);
        }

        return rows;
    }

    /// <summary>The rows in the order asked for, beyond the cursor when it is one of the sort's keys.</summary>
    public static IQueryable<OrderListRow> SeekBy(IQueryable<OrderListRow> rows, OrderListSort sort, SortDirection order, string? cursor, Guid? cursorId,
        bool backwards)
    {
        var key = Keyset.Parse(cursor, KeyType(sort));
        return sort switch
        {
            OrderListSort.Respondent => Keyset.Seek(rows, r => r.RespondentKey, r => r.Id, order, key, cursorId, backwards),
            OrderListSort.Kind => Keyset.Seek(rows, r => r.KindKey, r => r.Id, order, key, cursorId, backwards),
            OrderListSort.LastDay => Keyset.Seek(rows, r => r.LastDayKey, r => r.Id, order, key, cursorId, backwards),
            OrderListSort.Status => Keyset.Seek(rows, r => r.StatusKey, r => r.Id, order, key, cursorId, backwards),
            OrderListSort.NextDeadline => Keyset.Seek(rows, r => r.NextDeadlineKey, r => r.Id, order, key, cursorId, backwards),
            _ => Keyset.Seek(rows, r => r.MadeOn, r => r.Id, order, key, cursorId, backwards),
        };
    }

    private static Type KeyType(OrderListSort sort) => sort switch
    {
        OrderListSort.Respondent => typeof(string),
        OrderListSort.Kind or OrderListSort.Status => typeof(int),
        _ => typeof(DateOnly),
    };

    private static object KeyOf(OrderListRow row, OrderListSort sort) => sort switch
    {
        OrderListSort.Respondent => row.RespondentKey,
        OrderListSort.Kind => row.KindKey,
        OrderListSort.LastDay => row.LastDayKey,
        OrderListSort.Status => row.StatusKey,
        OrderListSort.NextDeadline => row.NextDeadlineKey,
        _ => row.MadeOn,
    };

    /// <summary>An unknown sort, filter or page key is left out: the list is shown without it and the page says so.</summary>
    private void IgnoreBadValues()
    {
        if (!Enum.IsDefined(Filter) || ModelState[nameof(Filter)]?.Errors.Count > 0)
        {
            Filter = OrderListFilter.InForce;
            Ignored = true;
        }

        if (!Enum.IsDefined(Sort) || ModelState[nameof(Sort)]?.Errors.Count > 0)
        {
            Sort = OrderListSort.Made;
            Ignored = true;
        }

        if (!Enum.IsDefined(Order) || ModelState[nameof(Order)]?.Errors.Count > 0)
        {
            Order = SortDirection.Descending;
            Ignored = true;
        }

        if (Team?.Length > MaxFilterLength || Officer?.Length > MaxFilterLength)
        {
            (Team, Officer) = (Team?.Length > MaxFilterLength ? null : Team, Officer?.Length > MaxFilterLength ? null : Officer);
            Ignored = true;
        }

        if (ModelState[nameof(NeedsAction)]?.Errors.Count > 0)
        {
            NeedsAction = false;
            Ignored = true;
        }

        var badCursor = ModelState[nameof(AfterId)]?.Errors.Count > 0 || ModelState[nameof(BeforeId)]?.Errors.Count > 0
            || (After is not null && Keyset.Parse(After, KeyType(Sort)) is null) || (Before is not null && Keyset.Parse(Before, KeyType(Sort)) is null);
        if (badCursor)
        {
            (After, AfterId, Before, BeforeId) = (null, null, null, null);
            Ignored = true;
        }

        ModelState.Clear();
    }

    /// <summary>This list's address with its filters and sort, and <paramref name="extra"/>.</summary>
    public string ListUrl(Dictionary<string, string?>? extra = null, OrderListSort? sort = null, SortDirection? order = null)
    {
        var query = new Dictionary<string, string?>
        {
            [nameof(Filter)] = Filter.ToString(),
            [nameof(Team)] = string.IsNullOrWhiteSpace(Team) ? null : Team,
            [nameof(Officer)] = string.IsNullOrWhiteSpace(Officer) ? null : Officer,
            [nameof(NeedsAction)] = NeedsAction ? "true" : null,
            [nameof(Sort)] = (sort ?? Sort).ToString(),
            [nameof(Order)] = (order ?? Order).ToString(),
        };
        foreach (var (name, value) in extra ?? [])
        {
            query[name] = value;
        }

        return QueryHelpers.AddQueryString("/workspace/orders", query.Where(p => p.Value is not null));
    }

    /// <summary>The link in a column heading: sorts by that column, the other way round when it is already sorted by it.</summary>
    public string SortUrl(OrderListSort column) =>
        ListUrl(sort: column, order: column == Sort && Order == SortDirection.Ascending ? SortDirection.Descending
            : column == Sort ? SortDirection.Ascending
            : column is OrderListSort.Made ? SortDirection.Descending : SortDirection.Ascending);

    /// <summary>The aria-sort of a column heading.</summary>
    public string AriaSort(OrderListSort column) =>
        column != Sort ? "none" : Order == SortDirection.Ascending ? "ascending" : "descending";

    /// <summary>How and when an order ended, or that it is in force (SPA 2019 ss.3–5, 7).</summary>
    public string StatusOf(OrderListRow row)
    {
        var endedEarly = row.EndedOn is { } ended && ended <= Today && (row.LastInForceDay is null || ended <= row.LastInForceDay);
        var status = row.MadeOn > Today ? OrderStatus.NotYetMade
            : endedEarly ? row.Ending switch
            {
                OrderEnding.Discharged => OrderStatus.Discharged,
                OrderEnding.Quashed => OrderStatus.Quashed,
                OrderEnding.Superseded => OrderStatus.Superseded,
                _ => OrderStatus.Ceased,
            }
            : row.LastInForceDay is { } last && last < Today ? OrderStatus.Expired
            : OrderStatus.InForce;
        return OrderEnd.Describe(status, row.EndedOn, row.LastInForceDay, row.ReplacedByFullOrder)
            ?? (status == OrderStatus.NotYetMade ? "Not yet in force" : "In force");
    }

    /// <summary>The last day shown: an order that ended early ended on the day of its discharge, quashing or replacement.</summary>
    public string LastDayOf(OrderListRow row) =>
        row.EndedOn is { } ended && (row.LastInForceDay is null || ended <= row.LastInForceDay) ? Display.Date(ended)
        : row.LastInForceDay is { } last ? Display.Date(last)
        : "Until further order";
}
