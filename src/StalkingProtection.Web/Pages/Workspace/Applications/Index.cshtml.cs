using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Lists;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Lists;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Applications;

/// <summary>
/// The applications of the cases the user may see (need-to-know): in progress unless asked otherwise, sortable by each
/// column, filtered by status, team, officer and whether a hearing needs attention.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider, AuditLog auditLog)
    : KeysetListPageModel<ApplicationListRow, ApplicationListSort>(ApplicationLinks.List, ApplicationListSort.Started, SortDirection.Descending)
{
    [BindProperty(SupportsGet = true)]
    public ApplicationListFilter Filter { get; set; } = ApplicationListFilter.InProgress;

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = timeProvider.UkToday;
        IgnoreBadValues();
        await LoadPageAsync(db, Query(), ct);

        // DPA 2018 s.62: the list shows respondents' names, so reading it is a consultation.
        await auditLog.RecordConsultationAsync(User.ToActor(), AuditEvents.Applications.Listed.For(null, Describe(Rows.Count)), ct);
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
        auditLog.Add(User.ToActor(), AuditEvents.Applications.Downloaded.For(null, Describe(rows.Count),
            newValues: new { Format = "csv", Applications = rows.Count }));
        await db.SaveChangesAsync(ct);
        return await CsvAsync("applications.csv",
            ["Respondent", "Application", "Court", "Hearing", "Status", "Days since started", "Team"],
            rows.Select(r => (IReadOnlyList<string>)
            [
                r.RespondentName, KindOf(r.Type), r.CourtName, r.Hearing is { } h ? Display.DateTime(h) : "", r.StatusText,
                r.DaysSinceStarted(Today).ToString(System.Globalization.CultureInfo.InvariantCulture), r.Team,
            ]), ct);
    }

    private IQueryable<ApplicationListRow> Query() =>
        ApplicationListQuery.Rows(db, db.Cases.AsNoTracking().VisibleTo(User), Today, Filter, Team, Officer, NeedsAction);

    /// <summary>The kind of application in words.</summary>
    public static string KindOf(ApplicationType type) => type switch
    {
        ApplicationType.Full => "Full order",
        ApplicationType.Interim => "Interim order",
        ApplicationType.Variation => "Variation",
        ApplicationType.Renewal => "Renewal",
        ApplicationType.Discharge => "Discharge",
        _ => Choices.Text(type),
    };

    protected override Type KeyType(ApplicationListSort sort) => ApplicationListQuery.KeyType(sort);

    protected override object KeyOf(ApplicationListRow row, ApplicationListSort sort) => ApplicationListQuery.KeyOf(row, sort);

    protected override Guid IdOf(ApplicationListRow row) => row.Id;

    protected override IQueryable<ApplicationListRow> SeekBy(IQueryable<ApplicationListRow> rows, string? cursor, Guid? cursorId, bool backwards, int? take) =>
        ApplicationListQuery.SeekBy(rows, Sort, Order, cursor, cursorId, backwards, db.Provider);

    protected override IEnumerable<KeyValuePair<string, string?>> OwnFilters() => [new(nameof(Filter), Filter.ToString())];

    protected override bool IgnoreOwnBadValues()
    {
        if (!Enum.IsDefined(Filter) || ModelState[nameof(Filter)]?.Errors.Count > 0)
        {
            Filter = ApplicationListFilter.InProgress;
            return true;
        }

        return false;
    }
}
