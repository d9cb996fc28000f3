using System.Data;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Import;
using StalkingProtection.Core.Lists;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Security;
using Sylvan.Data.Csv;

namespace StalkingProtection.Web.Infrastructure.Lists;

/// <summary>
/// A list for daily work: 25 rows a page, sorted by any column either way, filtered by team, officer and "needs action",
/// keyset-paged both ways; a sort, filter or page key it does not understand is left out and the page says so.
/// </summary>
public abstract class KeysetListPageModel<TRow, TSort>(string path, TSort defaultSort, SortDirection defaultOrder) : PageModel
    where TSort : struct, Enum
{
    public const int PageSize = 25;
    public const int MaxFilterLength = 200;

    private readonly TSort _defaultSort = defaultSort;
    private readonly SortDirection _defaultOrder = defaultOrder;

    [BindProperty(SupportsGet = true)]
    public string? Team { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Officer { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool NeedsAction { get; set; }

    [BindProperty(SupportsGet = true)]
    public TSort Sort { get; set; } = defaultSort;

    [BindProperty(SupportsGet = true)]
    public SortDirection Order { get; set; } = defaultOrder;

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

    public IReadOnlyList<TRow> Rows { get; private set; } = [];

    public IReadOnlyList<string> Teams { get; private set; } = [];

    public IReadOnlyList<(string Key, string Name)> Officers { get; private set; } = [];

    public string? NextPageUrl { get; private set; }

    public string? PreviousPageUrl { get; private set; }

    /// <summary>Set when part of the address was not understood and the list is shown without it.</summary>
    public bool Ignored { get; protected set; }

    protected abstract Type KeyType(TSort sort);

    protected abstract object KeyOf(TRow row, TSort sort);

    protected abstract Guid IdOf(TRow row);

    /// <summary>The rows in the order asked for, beyond the cursor; <paramref name="take"/> rows will be read, or all when null.</summary>
    protected abstract IQueryable<TRow> SeekBy(IQueryable<TRow> rows, string? cursor, Guid? cursorId, bool backwards, int? take);

    /// <summary>The page's own filters, as they appear in its address.</summary>
    protected abstract IEnumerable<KeyValuePair<string, string?>> OwnFilters();

    /// <summary>The page's own filters that did not bind are reset; true when there was one.</summary>
    protected abstract bool IgnoreOwnBadValues();

    /// <summary>Reads one page of <paramref name="rows"/> at the cursor, and the teams and officers to filter by.</summary>
    protected async Task LoadPageAsync(StalkingProtectionDbContext db, IQueryable<TRow> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var backwards = Before is not null && BeforeId is not null;
        var (cursor, cursorId) = backwards ? (Before, BeforeId) : (After, AfterId);
        var page = await SeekBy(rows, cursor, cursorId, backwards, PageSize + 1).Take(PageSize + 1).ToListAsync(ct);
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
                NextPageUrl = ListUrl(new() { [nameof(After)] = Keyset.Format(KeyOf(Rows[^1], Sort)), [nameof(AfterId)] = IdOf(Rows[^1]).ToString() });
            }

            if (backwards ? more : cursorUsed)
            {
                PreviousPageUrl = ListUrl(new() { [nameof(Before)] = Keyset.Format(KeyOf(Rows[0], Sort)), [nameof(BeforeId)] = IdOf(Rows[0]).ToString() });
            }
        }

        List<string> officerKeys;
        if (User.SeesAllCases())
        {
            Teams = await CaseFilterChoices.TeamsAsync(db, ct);
            officerKeys = await CaseFilterChoices.OfficersAsync(db, ct);
        }
        else
        {
            Teams = await db.Cases.AsNoTracking().VisibleTo(User).Select(c => c.Team).Distinct().OrderBy(t => t).Take(500).ToListAsync(ct);
            officerKeys = await db.Cases.AsNoTracking().VisibleTo(User).Select(c => c.OfficerInCharge).Distinct().OrderBy(k => k).Take(500).ToListAsync(ct);
        }

        var names = await OfficerNames.OfAsync(db, officerKeys, ct);
        Officers = officerKeys
            .Select(k => (k, names.GetValueOrDefault(k) ?? k))
            .OrderBy(o => o.Item2, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>Every row of <paramref name="rows"/> in the order asked for, for a download.</summary>
    protected Task<List<TRow>> AllRowsAsync(IQueryable<TRow> rows, CancellationToken ct) => SeekBy(rows, null, null, backwards: false, take: null).ToListAsync(ct);

    /// <summary>
    /// A CSV file of the cells given; a cell a spreadsheet would run as a formula is guarded as the register export guards it.
    /// </summary>
    protected async Task<FileStreamResult> CsvAsync(string fileName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        using var table = new DataTable(fileName);
        foreach (var header in headers)
        {
            table.Columns.Add(header, typeof(string));
        }

        foreach (var row in rows)
        {
            table.Rows.Add(row.Select(cell => (object)TrackerExport.Guard(cell)).ToArray());
        }

        var file = new MemoryStream();
        await using (var writer = new StreamWriter(file, new UTF8Encoding(true), leaveOpen: true))
        {
            using var csv = CsvDataWriter.Create(writer);
            await csv.WriteAsync(table.CreateDataReader(), ct);
        }

        file.Position = 0;
        Response.Headers.CacheControl = "no-store";
        return File(file, "text/csv; charset=utf-8", fileName);
    }

    /// <summary>What the audit log records of a listing: its filters and sort, and how many rows it showed.</summary>
    public string Describe(int rows) =>
        string.Join("; ", OwnFilters().Select(f => $"{f.Key}={f.Value}"))
        + $"; team={Team}; officer={Officer}; needsAction={NeedsAction}; sort={Sort} {Order}; rows={rows}";

    /// <summary>An unknown sort, filter or page key is left out: the list is shown without it and the page says so.</summary>
    protected void IgnoreBadValues()
    {
        Ignored |= IgnoreOwnBadValues();
        if (!Enum.IsDefined(Sort) || ModelState[nameof(Sort)]?.Errors.Count > 0)
        {
            Sort = _defaultSort;
            Ignored = true;
        }

        if (!Enum.IsDefined(Order) || ModelState[nameof(Order)]?.Errors.Count > 0)
        {
            Order = _defaultOrder;
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
    public string ListUrl(Dictionary<string, string?>? extra = null, TSort? sort = null, SortDirection? order = null)
    {
        var query = new Dictionary<string, string?>(OwnFilters())
        {
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

        return QueryHelpers.AddQueryString(path, query.Where(p => p.Value is not null));
    }

    /// <summary>The link in a column heading: sorts by that column, the other way round when it is already sorted by it.</summary>
    public string SortUrl(TSort column) =>
        ListUrl(sort: column, order: column.Equals(Sort) && Order == SortDirection.Ascending ? SortDirection.Descending
            : column.Equals(Sort) ? SortDirection.Ascending
            : column.Equals(_defaultSort) ? _defaultOrder : SortDirection.Ascending);

    /// <summary>The aria-sort of a column heading.</summary>
    public string AriaSort(TSort column) =>
        !column.Equals(Sort) ? "none" : Order == SortDirection.Ascending ? "ascending" : "descending";
}
