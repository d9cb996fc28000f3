using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Lists;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Api;

public sealed record CaseListItemResponse(Guid Id, IReadOnlyList<string> CrimeReferences, DateOnly ReportedOn, CaseStatus Status, string Team,
    string OfficerInCharge, string RespondentName, SpoDecisionOutcome? LatestSpoDecision, DateOnly? NextDeadline);

public sealed record CaseListResponse(IReadOnlyList<CaseListItemResponse> Items, string? Next);

public sealed record ApplicationListItemResponse(Guid Id, ApplicationType Type, string Stage, string CourtName, string RespondentName, string Team,
    string OfficerInCharge, DateTimeOffset StartedAt, DateTimeOffset? Hearing);

public sealed record ApplicationListResponse(IReadOnlyList<ApplicationListItemResponse> Items, string? Next);

public sealed record RespondentListItemResponse(Guid Id, Guid PersonId, string GivenNames, string FamilyName, DateOnly? DateOfBirth, string? PncId,
    Guid? MergedIntoRespondentId);

public sealed record RespondentListResponse(IReadOnlyList<RespondentListItemResponse> Items, string? Next);

/// <summary>
/// The lists of cases, applications and respondents a records system finds records in or keeps in step with: filtered,
/// paged by an opaque cursor in a stable order, each page a consultation (DPA 2018 s.62). The orders list is with the orders.
/// </summary>
public static class ListEndpoints
{
    public static RouteGroupBuilder MapLists(this RouteGroupBuilder api)
    {
        api.MapGet("/cases", ListCasesAsync)
            .Read<CaseListResponse>("ListCases",
                "List cases, earliest reported first, 50 to a page (?limit= up to 100) with the next page's address in \"next\" (?cursor=); "
                + "filtered by ?status= (Open, UnderInvestigation or Closed), ?team=, ?officer= (the officer in charge as the case records it) "
                + "and ?changedSince= (an instant with its offset: cases the audit log shows opened or altered since).")
            .QueryValues<CaseStatus>("status");

        api.MapGet("/applications", ListApplicationsAsync)
            .Read<ApplicationListResponse>("ListApplications",
                "List applications, earliest started first, 50 to a page (?limit= up to 100) with the next page's address in \"next\" (?cursor=); "
                + "filtered by ?status= (InProgress, Draft, Lodged, Listed, Adjourned, Determined, Withdrawn or All, the default), ?team=, ?officer= "
                + "and ?changedSince= (applications the audit log shows created or altered since).")
            .QueryValues<ApplicationListFilter>("status");

        api.MapGet("/respondents", ListRespondentsAsync)
            .Read<RespondentListResponse>("ListRespondents",
                "List respondents by family name, 50 to a page (?limit= up to 100) with the next page's address in \"next\" (?cursor=); "
                + "found by ?pncId=, or ?familyName= with ?dateOfBirth=YYYY-MM-DD (any name they are known by, matched as the frontline lookup matches), "
                + "?team= (respondents of the team's cases) and ?changedSince=.");

        return api;
    }

    private static async Task<IResult> ListCasesAsync(string? status, string? team, string? officer, string? changedSince, string? cursor, string? limit,
        HttpContext http, AuditLog audit, StalkingProtectionDbContext db, TimeProvider time)
    {
        var list = ApiList.Read(cursor, limit, CaseListQuery.KeyType(CaseListSort.Reported));
        CaseStatus? wanted = status is null ? null : list.Choice("status", status, CaseStatus.Open);
        var since = list.Team(team).Officer(officer).ChangedSince(changedSince);
        if (list.Problem is { } problem)
        {
            return problem;
        }

        // Need-to-know (S4): a client given a team lists that team's cases only, as it reads only those by id.
        var rows = CaseListQuery.Rows(db, db.Cases.AsNoTracking().VisibleTo(http.User), time.UkToday, new CaseListFilter(wanted, Team: team, Officer: officer));
        rows = ApiList.AuditedChangesSince(rows, db, nameof(StalkingCase), since, r => r.Id);

        var (page, next) = await list.PageAsync(http, audit, CaseListQuery.SeekBy(rows, CaseListSort.Reported, SortDirection.Ascending, list.AfterKey, list.AfterId, false, db.Provider),
            r => (r.ReportedOn, r.Id), AuditEvents.Api.CasesListed,
            $"status={wanted}; team={team}; officer={officer}; changedSince={since:O}");
        return Results.Ok(new CaseListResponse(
            page.Select(r => new CaseListItemResponse(r.Id, r.CrimeReferences.Split(',', StringSplitOptions.RemoveEmptyEntries), r.ReportedOn, r.Status, r.Team,
                r.OfficerInCharge, r.RespondentName, r.LatestSpoDecision, r.NextDeadline)).ToList(),
            next));
    }

    private static async Task<IResult> ListApplicationsAsync(string? status, string? team, string? officer, string? changedSince, string? cursor, string? limit,
        HttpContext http, AuditLog audit, StalkingProtectionDbContext db, TimeProvider time)
    {
        var list = ApiList.Read(cursor, limit, typeof(DateTimeOffset));
        var filter = list.Choice("status", status, ApplicationListFilter.All);
        var since = list.Team(team).Officer(officer).ChangedSince(changedSince);
        if (list.Problem is { } problem)
        {
            return problem;
        }

        var rows = ApplicationListQuery.Rows(db, db.Cases.AsNoTracking().VisibleTo(http.User), time.UkToday, filter, team, officer, needsAction: false);
        rows = ApiList.AuditedChangesSince(rows, db, nameof(Application), since, r => r.Id);

        var ordered = Keyset.Seek(rows, r => r.CreatedAt, r => r.Id, SortDirection.Ascending, Keyset.Parse(list.AfterKey, typeof(DateTimeOffset)), list.AfterId, false, db.Provider);
        var (page, next) = await list.PageAsync(http, audit, ordered, r => (r.CreatedAt, r.Id), AuditEvents.Api.ApplicationsListed,
            $"status={filter}; team={team}; officer={officer}; changedSince={since:O}");
        return Results.Ok(new ApplicationListResponse(
            page.Select(r => new ApplicationListItemResponse(r.Id, r.Type, r.StatusText, r.CourtName, r.RespondentName, r.Team, r.Officer, r.CreatedAt,
                r.Hearing)).ToList(),
            next));
    }

    private static async Task<IResult> ListRespondentsAsync(string? pncId, string? familyName, string? dateOfBirth, string? team, string? changedSince,
        string? cursor, string? limit, HttpContext http, AuditLog audit, StalkingProtectionDbContext db)
    {
        var list = ApiList.Read(cursor, limit, typeof(string));
        var since = list.Team(team).ChangedSince(changedSince);
        var people = list.People(db, pncId, familyName, dateOfBirth);
        if (list.Problem is { } problem)
        {
            return problem;
        }

        var respondents = db.Respondents.AsNoTracking().IgnoreAutoIncludes();
        if (people is not null)
        {
            respondents = respondents.Where(r => people.Contains(r.PersonId));
        }

        if (!string.IsNullOrWhiteSpace(team))
        {
            respondents = respondents.Where(r => db.Cases.Any(c => c.RespondentId == r.Id && c.Team == team));
        }

        if (http.User.ClientTeam() is not null)
        {
            var visible = db.Cases.VisibleTo(http.User);
            respondents = respondents.Where(r => visible.Any(c => c.RespondentId == r.Id));
        }

        respondents = ApiList.AuditedChangesSince(respondents, db, nameof(Respondent), since, r => r.Id);

        // P1: each name part read by one subquery; a "let" of the name became two a part (a NOT EXISTS and a SELECT).
        var names = db.Set<PersonName>().AsNoTracking().Where(n => !n.IsAlias);
        var rows =
            from r in respondents
            join p in db.People.AsNoTracking() on r.PersonId equals p.Id
            select new RespondentListRow
            {
                Id = r.Id,
                PersonId = r.PersonId,
                GivenNames = names.Where(n => n.PersonId == r.PersonId).OrderBy(n => n.Id).Select(n => n.GivenNames).FirstOrDefault() ?? "",
                FamilyName = names.Where(n => n.PersonId == r.PersonId).OrderBy(n => n.Id).Select(n => n.FamilyName).FirstOrDefault() ?? "",
                DateOfBirth = p.DateOfBirth,
                PncId = p.PncId,
                MergedIntoId = r.MergedIntoId,
                NameKey = names.Where(n => n.PersonId == r.PersonId).OrderBy(n => n.Id).Select(n => n.FamilyName + " " + n.GivenNames).FirstOrDefault() ?? "",
            };
        var ordered = Keyset.Seek(rows, r => r.NameKey, r => r.Id, SortDirection.Ascending, Keyset.Parse(list.AfterKey, typeof(string)), list.AfterId, false, db.Provider);
        var (page, next) = await list.PageAsync(http, audit, ordered, r => (r.NameKey, r.Id), AuditEvents.Api.RespondentsListed,
            $"pncId={(pncId is null ? "" : "given")}; name={(familyName is null ? "" : "given")}; team={team}; changedSince={since:O}");
        return Results.Ok(new RespondentListResponse(
            page.Select(r => new RespondentListItemResponse(r.Id, r.PersonId, r.GivenNames, r.FamilyName, r.DateOfBirth, r.PncId, r.MergedIntoId)).ToList(),
            next));
    }

    private sealed class RespondentListRow
    {
        public Guid Id { get; init; }

        public Guid PersonId { get; init; }

        public string GivenNames { get; init; } = "";

        public string FamilyName { get; init; } = "";

        public DateOnly? DateOfBirth { get; init; }

        public string? PncId { get; init; }

        public Guid? MergedIntoId { get; init; }

        /// <summary>Family name, then given names.</summary>
        public string NameKey { get; init; } = "";
    }
}
