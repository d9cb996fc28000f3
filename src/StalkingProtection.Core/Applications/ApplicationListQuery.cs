using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Core.Lists;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Statistics;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Applications;

public enum ApplicationListFilter
{
    [Display(Name = "In progress")]
    InProgress,

    [Display(Name = "Draft")]
    Draft,

    [Display(Name = "Lodged")]
    Lodged,

    [Display(Name = "Hearing listed")]
    Listed,

    [Display(Name = "Adjourned")]
    Adjourned,

    [Display(Name = "Decided by the court")]
    Determined,

    [Display(Name = "Withdrawn")]
    Withdrawn,

    [Display(Name = "All applications")]
    All,
}

/// <summary>The columns the applications list sorts by.</summary>
public enum ApplicationListSort
{
    Respondent,
    Kind,
    Court,
    Hearing,
    Status,
    Started,
}

/// <summary>One application of the list, with the keys it sorts by as stored on the application (<see cref="ApplicationListKeys"/>).</summary>
public sealed class ApplicationListRow
{
    public Guid Id { get; init; }

    public ApplicationType Type { get; init; }

    public string CourtName { get; init; } = "";

    public string GivenNames { get; init; } = "";

    public string FamilyName { get; init; } = "";

    public string Team { get; init; } = "";

    public string Officer { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Family name, then given names.</summary>
    public string RespondentKey { get; init; } = "";

    /// <summary>0 full, 1 interim, 2 variation, 3 renewal, 4 discharge.</summary>
    public int KindKey { get; init; }

    /// <summary>The next hearing still to be decided, else the latest one; none sorts last.</summary>
    public DateTimeOffset HearingKey { get; init; }

    /// <summary>Where the application is, as the index of <see cref="ApplicationListQuery.StatusWords"/>.</summary>
    public int StatusKey { get; init; }

    public string RespondentName => $"{GivenNames} {FamilyName}".Trim();

    public DateTimeOffset? Hearing => HearingKey == ApplicationListQuery.NoHearing ? null : HearingKey;

    public string StatusText => ApplicationListQuery.StatusWords[StatusKey];

    public int DaysSinceStarted(DateOnly today) => today.DayNumber - LondonTime.DateOf(CreatedAt).DayNumber;
}

/// <summary>
/// The applications list: the applications of the cases given (already narrowed to those the user may see), filtered,
/// with their stored sort keys, as one statement per page whatever the number of rows.
/// </summary>
public static class ApplicationListQuery
{
    /// <summary>"Needs action": a hearing whose outcome is not yet recorded is past or within this many days.</summary>
    public const int NeedsActionDays = DashboardQueries.DueSoonDays;

    /// <summary>The hearing key of an application never listed: after every real hearing.</summary>
    public static readonly DateTimeOffset NoHearing = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The words of <see cref="Application.StageText"/>, in the order the status column sorts by.</summary>
    public static readonly IReadOnlyList<string> StatusWords =
        ["Draft", "Awaiting authorisation", "Authorised", "Lodged", "Hearing listed", "Adjourned", "Granted", "Refused", "Dismissed", "Determined", "Withdrawn"];

    private static readonly ApplicationStatus[] _inProgress =
        [ApplicationStatus.Draft, ApplicationStatus.Submitted, ApplicationStatus.Listed, ApplicationStatus.Adjourned];

    public static IQueryable<ApplicationListRow> Rows(StalkingProtectionDbContext db, IQueryable<StalkingCase> visibleCases, DateOnly today,
        ApplicationListFilter filter, string? team, string? officer, bool needsAction)
    {
        ArgumentNullException.ThrowIfNull(db);
        var applications = db.Applications.IgnoreAutoIncludes().AsNoTracking();
        applications = filter switch
        {
            // The same applications the dashboard counts as in progress.
            ApplicationListFilter.InProgress => applications.Where(a => _inProgress.Contains(a.Status)),
            ApplicationListFilter.Draft => applications.Where(a => a.Status == ApplicationStatus.Draft),
            ApplicationListFilter.Lodged => applications.Where(a => a.Status == ApplicationStatus.Submitted),
            ApplicationListFilter.Listed => applications.Where(a => a.Status == ApplicationStatus.Listed),
            ApplicationListFilter.Adjourned => applications.Where(a => a.Status == ApplicationStatus.Adjourned),
            ApplicationListFilter.Determined => applications.Where(a => a.Status == ApplicationStatus.Determined),
            ApplicationListFilter.Withdrawn => applications.Where(a => a.Status == ApplicationStatus.Withdrawn),
            _ => applications,
        };

        var cases = visibleCases;
        if (!string.IsNullOrWhiteSpace(team))
        {
            cases = cases.Where(c => c.Team == team);
        }

        if (!string.IsNullOrWhiteSpace(officer))
        {
            cases = cases.Where(c => c.OfficerInCharge == officer);
        }

        // P1: the keys are stored on the application (ApplicationListKeys) and indexed with its id, so a page sorted by any of
        // them is read in the index's order and stops after its rows; each name part is read by one subquery, for the page's
        // rows only.
        var names = db.Set<PersonName>().AsNoTracking().Where(n => !n.IsAlias);
        var rows =
            from a in applications
            join c in cases on a.CaseId equals c.Id
            join r in db.Respondents.AsNoTracking() on a.RespondentId equals r.Id
            select new ApplicationListRow
            {
                Id = a.Id,
                Type = a.Type,
                CourtName = a.CourtName,
                GivenNames = names.Where(n => n.PersonId == r.PersonId).OrderBy(n => n.Id).Select(n => n.GivenNames).FirstOrDefault() ?? "",
                FamilyName = names.Where(n => n.PersonId == r.PersonId).OrderBy(n => n.Id).Select(n => n.FamilyName).FirstOrDefault() ?? "",
                Team = c.Team,
                Officer = c.OfficerInCharge,
                CreatedAt = a.CreatedAt,
                RespondentKey = a.RespondentSortKey,
                KindKey = a.KindSortKey,
                HearingKey = a.HearingSortKey,
                StatusKey = a.StatusSortKey,
            };

        if (needsAction)
        {
            var by = LondonTime.StartOfDayUtc(today.AddDays(NeedsActionDays + 1));
            rows = rows.Where(r => db.Hearings.Any(h => h.ApplicationId == r.Id && h.Outcome == HearingOutcome.Pending && h.ListedFor < by));
        }

        return rows;
    }

    /// <summary>The rows in the order asked for, beyond the cursor when it is one of the sort's keys.</summary>
    public static IQueryable<ApplicationListRow> SeekBy(IQueryable<ApplicationListRow> rows, ApplicationListSort sort, SortDirection order, string? cursor,
        Guid? cursorId, bool backwards, DatabaseProvider provider)
    {
        var key = Keyset.Parse(cursor, KeyType(sort));
        IQueryable<ApplicationListRow> By<TKey>(Expression<Func<ApplicationListRow, TKey>> sortKey, SortDirection direction) =>
            Keyset.Seek(rows, sortKey, r => r.Id, direction, key, cursorId, backwards, provider);

        return sort switch
        {
            ApplicationListSort.Respondent => By(r => r.RespondentKey, order),
            ApplicationListSort.Kind => By(r => r.KindKey, order),
            ApplicationListSort.Court => By(r => r.CourtName, order),
            ApplicationListSort.Hearing => By(r => r.HearingKey, order),
            ApplicationListSort.Status => By(r => r.StatusKey, order),

            // More days since it started is an earlier start.
            _ => By(r => r.CreatedAt, order == SortDirection.Ascending ? SortDirection.Descending : SortDirection.Ascending),
        };
    }

    public static Type KeyType(ApplicationListSort sort) => sort switch
    {
        ApplicationListSort.Respondent or ApplicationListSort.Court => typeof(string),
        ApplicationListSort.Kind or ApplicationListSort.Status => typeof(int),
        _ => typeof(DateTimeOffset),
    };

    public static object KeyOf(ApplicationListRow row, ApplicationListSort sort)
    {
        ArgumentNullException.ThrowIfNull(row);
        return sort switch
        {
            ApplicationListSort.Respondent => row.RespondentKey,
            ApplicationListSort.Kind => row.KindKey,
            ApplicationListSort.Court => row.CourtName,
            ApplicationListSort.Hearing => row.HearingKey,
            ApplicationListSort.Status => row.StatusKey,
            _ => row.CreatedAt,
        };
    }
}
