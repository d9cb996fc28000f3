using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Lists;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Lists;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Cases;

/// <summary>
/// The cases the user may see (need-to-know), naming the respondent and, by initials only, the people to protect; sortable by
/// each column, filtered by status, SPO decision, team, officer and whether something needs doing.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider, AuditLog auditLog)
    : KeysetListPageModel<CaseListRow, CaseListSort>(CaseLinks.List, CaseListSort.Reported, SortDirection.Descending)
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Status")]
    public CaseStatus? Status { get; set; }

    /// <summary>R39: open cases still waiting for the "consider an SPO" decision.</summary>
    [BindProperty(SupportsGet = true)]
    public bool NoSpoDecision { get; set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = timeProvider.UkToday;
        IgnoreBadValues();
        await LoadPageAsync(db, Query(), ct);
        await CaseListQuery.AddProtectedInitialsAsync(db, Rows, ct);

        // DPA 2018 s.62: listing cases is a consultation of the records shown.
        await auditLog.RecordConsultationAsync(User.ToActor(), AuditEvents.Cases.Listed.For(null, Describe(Rows.Count)), ct);
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
        await CaseListQuery.AddProtectedInitialsAsync(db, rows, ct);
        auditLog.Add(User.ToActor(), AuditEvents.Cases.Downloaded.For(null, Describe(rows.Count),
            newValues: new { Format = "csv", Cases = rows.Count }));
        await db.SaveChangesAsync(ct);
        return await CsvAsync("cases.csv",
            ["Respondent", "Crime reference", "Reported", "Protected people", "Status", "Officer in charge", "Team", "SPO decision", "Next deadline"],
            rows.Select(r => (IReadOnlyList<string>)
            [
                r.RespondentName, CrimeReferencesOf(r), Display.Date(r.ReportedOn), string.Join(", ", r.ProtectedInitials), Choices.Text(r.Status),
                r.OfficerKey, r.Team, SpoDecisionOf(r), r.NextDeadline is { } due ? Display.Date(due) : "",
            ]), ct);
    }

    private IQueryable<CaseListRow> Query() =>
        CaseListQuery.Rows(db, db.Cases.AsNoTracking().VisibleTo(User), Today, new CaseListFilter(Status, NoSpoDecision, Team, Officer, NeedsAction));

    public static string CrimeReferencesOf(CaseListRow row) => row.CrimeReferences.Replace(",", ", ", StringComparison.Ordinal);

    /// <summary>R39: the latest "consider an SPO" decision, or that none is recorded.</summary>
    public static string SpoDecisionOf(CaseListRow row) => row.LatestSpoDecision switch
    {
        SpoDecisionOutcome.Apply => "Apply for an order",
        SpoDecisionOutcome.DoNotApply => "Do not apply",
        _ => "Missing",
    };

    protected override Type KeyType(CaseListSort sort) => CaseListQuery.KeyType(sort);

    protected override object KeyOf(CaseListRow row, CaseListSort sort) => CaseListQuery.KeyOf(row, sort);

    protected override Guid IdOf(CaseListRow row) => row.Id;

    protected override IQueryable<CaseListRow> SeekBy(IQueryable<CaseListRow> rows, string? cursor, Guid? cursorId, bool backwards, int? take) =>
        CaseListQuery.SeekBy(rows, Sort, Order, cursor, cursorId, backwards, db.Provider);

    protected override IEnumerable<KeyValuePair<string, string?>> OwnFilters() =>
    [
        new(nameof(Status), Status?.ToString()),
        new(nameof(NoSpoDecision), NoSpoDecision ? "true" : null),
    ];

    protected override bool IgnoreOwnBadValues()
    {
        var ignored = false;
        if (ModelState[nameof(Status)]?.Errors.Count > 0 || (Status is { } status && !Enum.IsDefined(status)))
        {
            Status = null;
            ignored = true;
        }

        if (ModelState[nameof(NoSpoDecision)]?.Errors.Count > 0)
        {
            NoSpoDecision = false;
            ignored = true;
        }

        return ignored;
    }
}
