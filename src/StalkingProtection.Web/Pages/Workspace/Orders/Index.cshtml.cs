using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Security;

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

    [Display(Name = "All orders")]
    All,
}

public sealed record OrderListRow(Guid Id, OrderKind Kind, DateOnly MadeOn, string CourtName, DateOnly? LastInForceDay, DateOnly? EndedOn,
    DateTimeOffset? ServedAt, DateTimeOffset RecordedAt, Guid RespondentId, OrderEnding? Ending = null, bool ReplacedByFullOrder = false);

/// <summary>The orders of the cases the user may see (need-to-know), 25 to a page, newest first, keyset-paged.</summary>
[Authorize(Policy = Policies.CaseWork)]
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider, AuditLog audit) : PageModel
{
    public const int PageSize = 25;
    public const int EndingSoonDays = 90;

    [BindProperty(SupportsGet = true)]
    public OrderListFilter Filter { get; set; } = OrderListFilter.InForce;

    /// <summary>Keyset: orders recorded before this instant (ticks, UTC), then by id.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? BeforeId { get; set; }

    public IReadOnlyList<OrderListRow> Rows { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> RespondentNames { get; private set; } = new Dictionary<Guid, string>();

    public DateOnly Today { get; private set; }

    public string? NextPageUrl { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = timeProvider.UkToday;
        var today = Today;
        var visibleCases = db.Cases.AsNoTracking().VisibleTo(User).Select(c => c.Id);
        var query = db.Orders.IgnoreAutoIncludes().AsNoTracking().Where(o => visibleCases.Contains(o.CaseId));
        var inForce = Filter != OrderListFilter.All;
        if (inForce)
        {
            query = query.InForceOn(today);
        }

        var soon = today.AddDays(EndingSoonDays);
        query = Filter switch
        {
            OrderListFilter.Interim => query.Where(o => o.Kind == OrderKind.Interim),
            OrderListFilter.Full => query.Where(o => o.Kind == OrderKind.Full),
            OrderListFilter.Unserved => query.Where(o => o.ServedAt == null),
            OrderListFilter.EndingSoon => query.Where(o => o.LastInForceDay != null && o.LastInForceDay <= soon),
            _ => query,
        };

        // A cursor that is no instant (a hand-edited URL) is ignored: the list starts at its first page.
        if (Before is { } ticks && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks && BeforeId is { } beforeId)
        {
            var before = new DateTimeOffset(ticks, TimeSpan.Zero);
            var tied = await query.Where(o => o.RecordedAt == before).Select(o => o.Id).ToListAsync(ct);
            var earlierTies = tied.Where(id => id.CompareTo(beforeId) < 0).ToList();
            query = query.Where(o => o.RecordedAt < before || earlierTies.Contains(o.Id));
        }

        var page = await query.OrderByDescending(o => o.RecordedAt).ThenByDescending(o => o.Id).Take(PageSize + 1)
            .Select(o => new OrderListRow(o.Id, o.Kind, o.MadeOn, o.CourtName, o.LastInForceDay, o.EndedOn, o.ServedAt, o.RecordedAt, o.RespondentId, o.Ending,
                db.Orders.Any(f => f.ReplacedInterimOrderId == o.Id)))
            .ToListAsync(ct);
        Rows = page.Take(PageSize).ToList();
        if (page.Count > PageSize)
        {
            var last = Rows[^1];
            NextPageUrl = QueryHelpers.AddQueryString("/workspace/orders", new Dictionary<string, string?>
            {
                [nameof(Filter)] = Filter.ToString(),
                [nameof(Before)] = last.RecordedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [nameof(BeforeId)] = last.Id.ToString(),
            });
        }

        var respondentIds = Rows.Select(r => r.RespondentId).Distinct().ToList();
        var respondents = await db.Respondents.AsNoTracking().Where(r => respondentIds.Contains(r.Id)).Select(r => new { r.Id, r.PersonId }).ToListAsync(ct);
        var personIds = respondents.Select(r => r.PersonId).ToList();
        var people = await db.People.AsNoTracking().Include(p => p.Names).Where(p => personIds.Contains(p.Id)).ToListAsync(ct);
        RespondentNames = respondents.ToDictionary(r => r.Id, r => people.Single(p => p.Id == r.PersonId).PrimaryName.FullName);

        // DPA 2018 s.62: the list shows respondents' names, so reading it is a consultation.
        await audit.RecordConsultationAsync(User.ToActor(), "Orders.Listed", nameof(StalkingProtectionOrder), null, $"filter={Filter}; rows={Rows.Count}", ct);
    }

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
