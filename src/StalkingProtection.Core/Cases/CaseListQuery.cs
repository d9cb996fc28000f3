using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Lists;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Statistics;

namespace StalkingProtection.Core.Cases;

/// <summary>The columns the cases list sorts by.</summary>
public enum CaseListSort
{
    Reported,
    Respondent,
    ProtectedPeople,
    Status,
    Officer,
    SpoDecision,
    NextDeadline,
}

/// <summary>What the cases list is filtered by; an empty team or officer is any.</summary>
public sealed record CaseListFilter(CaseStatus? Status = null, bool NoSpoDecision = false, string? Team = null, string? Officer = null,
    bool NeedsAction = false);

/// <summary>One case of the list, with the keys it sorts by as stored on the case (<see cref="CaseListKeys"/>).</summary>
public sealed class CaseListRow
{
    public Guid Id { get; init; }

    public string CrimeReferences { get; init; } = "";

    public DateOnly ReportedOn { get; init; }

    public CaseStatus Status { get; init; }

    public string Team { get; init; } = "";

    public string OfficerInCharge { get; init; } = "";

    public string GivenNames { get; init; } = "";

    public string FamilyName { get; init; } = "";

    /// <summary>The officer's name when the officer has a staff account, else the name the case was given.</summary>
    public string OfficerKey { get; init; } = "";

    /// <summary>Family name, then given names; empty when no respondent is recorded yet.</summary>
    public string RespondentKey { get; init; } = "";

    /// <summary>The initials of the first person to protect; none sorts first.</summary>
    public string ProtectedPeopleKey { get; init; } = "";

    /// <summary>0 open, 1 under investigation, 2 closed.</summary>
    public int StatusKey { get; init; }

    /// <summary>R39: 0 no decision yet, 1 apply, 2 do not apply (the latest decision).</summary>
    public int SpoDecisionKey { get; init; }

    /// <summary>The earliest open task or notification due for the case or its orders; none sorts last.</summary>
    public DateOnly NextDeadlineKey { get; init; }

    /// <summary>The initials of the people to protect, only: their names are not for a list (DPA 2018 s.62).</summary>
    public IReadOnlyList<string> ProtectedInitials { get; set; } = [];

    public string RespondentName => $"{GivenNames} {FamilyName}".Trim();

    public SpoDecisionOutcome? LatestSpoDecision => SpoDecisionKey switch
    {
        1 => SpoDecisionOutcome.Apply,
        2 => SpoDecisionOutcome.DoNotApply,
        _ => null,
    };

    public DateOnly? NextDeadline => NextDeadlineKey == DateOnly.MaxValue ? null : NextDeadlineKey;
}

/// <summary>
/// The cases list: the cases given (already narrowed to those the user may see), filtered, with their sort keys, as one
/// statement per page whatever the number of rows, and the initials of the people to protect as one more.
/// </summary>
public static class CaseListQuery
{
    /// <summary>"Needs action": an open task or notification is overdue or due within this many days.</summary>
    public const int NeedsActionDays = DashboardQueries.DueSoonDays;

    public static IQueryable<CaseListRow> Rows(StalkingProtectionDbContext db, IQueryable<StalkingCase> visibleCases, DateOnly today, CaseListFilter filter)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var cases = visibleCases;
        if (filter.Status is { } status)
        {
            cases = cases.Where(c => c.Status == status);
        }

        if (filter.NoSpoDecision)
        {
            // R39: the same cases the dashboard counts as waiting for a decision.
            cases = cases.Where(c => (c.Status == CaseStatus.Open || c.Status == CaseStatus.UnderInvestigation) && c.LatestSpoDecisionOn == null);
        }

        if (!string.IsNullOrWhiteSpace(filter.Team))
        {
            cases = cases.Where(c => c.Team == filter.Team);
        }

        if (!string.IsNullOrWhiteSpace(filter.Officer))
        {
            cases = cases.Where(c => c.OfficerInCharge == filter.Officer);
        }

        // P1: the keys are stored on the case (CaseListKeys) and indexed with its id, so a page sorted by any of them is read in
        // an index's order and stops after its rows; only the page's respondent names are looked up, by primary key and
        // ix_person_names_person_id. The respondent is joined once, and each name part read by one subquery: a "let" of the
        // respondent and of the name became eight subqueries a row (2026-12-07-lookup-cpu.md).
        var names = db.Set<PersonName>().AsNoTracking().Where(n => !n.IsAlias);
        var rows =
            from c in cases
            join r in db.Respondents.AsNoTracking() on c.RespondentId equals (Guid?)r.Id into respondents
            from respondent in respondents.DefaultIfEmpty()
            select new CaseListRow
            {
                Id = c.Id,
                CrimeReferences = c.CrimeReferences,
                ReportedOn = c.ReportedOn,
                Status = c.Status,
                Team = c.Team,
                OfficerInCharge = c.OfficerInCharge,
                GivenNames = names.Where(n => n.PersonId == respondent!.PersonId).OrderBy(n => n.Id).Select(n => n.GivenNames).FirstOrDefault() ?? "",
                FamilyName = names.Where(n => n.PersonId == respondent!.PersonId).OrderBy(n => n.Id).Select(n => n.FamilyName).FirstOrDefault() ?? "",
                OfficerKey = c.OfficerSortKey,
                RespondentKey = c.RespondentSortKey,
                ProtectedPeopleKey = c.ProtectedPeopleSortKey,
                StatusKey = c.StatusSortKey,
                SpoDecisionKey = c.SpoDecisionSortKey,
                NextDeadlineKey = c.NextDeadlineOn,
            };

        if (filter.NeedsAction)
        {
            var by = today.AddDays(NeedsActionDays);
            rows = rows.Where(r => r.NextDeadlineKey <= by);
        }

        return rows;
    }

    /// <summary>The rows in the order asked for, beyond the cursor when it is one of the sort's keys.</summary>
    public static IQueryable<CaseListRow> SeekBy(IQueryable<CaseListRow> rows, CaseListSort sort, SortDirection order, string? cursor, Guid? cursorId,
        bool backwards, DatabaseProvider provider)
    {
        var key = Keyset.Parse(cursor, KeyType(sort));
        IQueryable<CaseListRow> By<TKey>(Expression<Func<CaseListRow, TKey>> sortKey, SortDirection direction) =>
            Keyset.Seek(rows, sortKey, r => r.Id, direction, key, cursorId, backwards, provider);

        return sort switch
        {
            CaseListSort.Respondent => By(r => r.RespondentKey, order),
            CaseListSort.ProtectedPeople => By(r => r.ProtectedPeopleKey, order),
            CaseListSort.Status => By(r => r.StatusKey, order),
            CaseListSort.Officer => By(r => r.OfficerKey, order),
            CaseListSort.SpoDecision => By(r => r.SpoDecisionKey, order),
            CaseListSort.NextDeadline => By(r => r.NextDeadlineKey, order),
            _ => By(r => r.ReportedOn, order),
        };
    }

    public static Type KeyType(CaseListSort sort) => sort switch
    {
        CaseListSort.Respondent or CaseListSort.ProtectedPeople or CaseListSort.Officer => typeof(string),
        CaseListSort.Status or CaseListSort.SpoDecision => typeof(int),
        _ => typeof(DateOnly),
    };

    public static object KeyOf(CaseListRow row, CaseListSort sort)
    {
        ArgumentNullException.ThrowIfNull(row);
        return sort switch
        {
            CaseListSort.Respondent => row.RespondentKey,
            CaseListSort.ProtectedPeople => row.ProtectedPeopleKey,
            CaseListSort.Status => row.StatusKey,
            CaseListSort.Officer => row.OfficerKey,
            CaseListSort.SpoDecision => row.SpoDecisionKey,
            CaseListSort.NextDeadline => row.NextDeadlineKey,
            _ => row.ReportedOn,
        };
    }

    /// <summary>Fills in the initials of each row's people to protect, in one statement for the whole page.</summary>
    public static async Task AddProtectedInitialsAsync(StalkingProtectionDbContext db, IReadOnlyList<CaseListRow> rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var ids = rows.Select(r => r.Id).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var names = db.Set<PersonName>().AsNoTracking().Where(n => !n.IsAlias);
        var people = await (
                from v in db.Victims.AsNoTracking()
                where ids.Contains(v.CaseId) && (v.Role == VictimRole.ProtectedPerson || v.Role == VictimRole.Both)
                let name = names.Where(n => n.PersonId == v.PersonId).OrderBy(n => n.Id).FirstOrDefault()
                orderby v.Id
                select new { v.CaseId, Given = name == null ? "" : name.GivenNames, Family = name == null ? "" : name.FamilyName })
            .ToListAsync(ct);
        var byCase = people.ToLookup(p => p.CaseId, p => Initials(p.Given, p.Family));
        foreach (var row in rows)
        {
            row.ProtectedInitials = byCase[row.Id].ToList();
        }
    }

    /// <summary>"J S" for Jane Smith: the first letter of the given names and of the family name.</summary>
    public static string Initials(string givenNames, string familyName)
    {
        ArgumentNullException.ThrowIfNull(givenNames);
        ArgumentNullException.ThrowIfNull(familyName);
        return string.Concat(new[] { givenNames, familyName }.Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p.Trim()[0])));
    }
}
