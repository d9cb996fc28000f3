using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Lists;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Lists;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Orders;

/// <summary>
/// The orders of the cases the user may see (need-to-know), 25 to a page, sortable by each column and filtered by status,
/// team, officer and whether something needs doing; keyset-paged both ways.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider, AuditLog audit)
    : KeysetListPageModel<OrderListRow, OrderListSort>(OrderLinks.List, OrderListSort.Made, SortDirection.Descending)
{
    [BindProperty(SupportsGet = true)]
    public OrderListFilter Filter { get; set; } = OrderListFilter.InForce;

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = timeProvider.UkToday;
        IgnoreBadValues();
        await LoadPageAsync(db, Query(), ct);

        // DPA 2018 s.62: the list shows respondents' names, so reading it is a consultation.
        await audit.RecordConsultationAsync(User.ToActor(), AuditEvents.Orders.Listed.For(null, Describe(Rows.Count)), ct);
    }

    /// <summary>The filtered list, in the order asked for, as a CSV file: coordinators only, audited as a disclosure (DPA 2018 s.62).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!User.IsInRole(StaffRoles.Coordinator))
        {
            return Forbid();
        }

        Today = timeProvider.UkToday;
        IgnoreBadValues();
        var rows = await AllRowsAsync(Query(), ct);
        audit.Add(User.ToActor(), AuditEvents.Orders.Downloaded.For(null, Describe(rows.Count),
            newValues: new { Format = "csv", Orders = rows.Count }));
        await db.SaveChangesAsync(ct);
        return await CsvAsync("orders.csv",
            ["Respondent", "Order", "Made", "Court", "Last day", "Status", "Next deadline", "Team"],
            rows.Select(row => (IReadOnlyList<string>)
            [
                row.RespondentName, row.Kind == OrderKind.Interim ? "Interim" : "Full", Display.Date(row.MadeOn), row.CourtName, LastDayOf(row), StatusOf(row),
                row.NextDeadline is { } due ? Display.Date(due) : "", row.Team,
            ]), ct);
    }

    private IQueryable<OrderListRow> Query() =>
        OrderListQuery.Rows(db, db.Cases.AsNoTracking().VisibleTo(User), Today, Filter, Team, Officer, NeedsAction);

    protected override Type KeyType(OrderListSort sort) => OrderListQuery.KeyType(sort);

    protected override object KeyOf(OrderListRow row, OrderListSort sort) => OrderListQuery.KeyOf(row, sort);

    protected override Guid IdOf(OrderListRow row) => row.Id;

    protected override IQueryable<OrderListRow> SeekBy(IQueryable<OrderListRow> rows, string? cursor, Guid? cursorId, bool backwards, int? take) =>
        OrderListQuery.SeekBy(rows, Filter, Today, Sort, Order, cursor, cursorId, backwards, db.Provider, take);

    protected override IEnumerable<KeyValuePair<string, string?>> OwnFilters() => [new(nameof(Filter), Filter.ToString())];

    protected override bool IgnoreOwnBadValues()
    {
        if (!Enum.IsDefined(Filter) || ModelState[nameof(Filter)]?.Errors.Count > 0)
        {
            Filter = OrderListFilter.InForce;
            return true;
        }

        return false;
    }

    /// <summary>How and when an order ended, or that it is in force (SPA 2019 ss.3–5, 7).</summary>
    public string StatusOf(OrderListRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var status = row.StatusOn(Today);
        return OrderEnd.Describe(status, row.EndedOn, row.LastInForceDay, row.ReplacedByFullOrder)
            ?? (status == OrderStatus.NotYetMade ? "Not yet in force" : "In force");
    }

    /// <summary>The last day shown: an order that ended early ended on the day of its discharge, quashing or replacement.</summary>
    public string LastDayOf(OrderListRow row) =>
        row.EndedOn is { } ended && (row.LastInForceDay is null || ended <= row.LastInForceDay) ? Display.Date(ended)
        : row.LastInForceDay is { } last ? Display.Date(last)
        : "Until further order";
}
