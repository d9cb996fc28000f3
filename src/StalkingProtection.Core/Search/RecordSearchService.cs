using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Search;

public sealed record SearchRole(Guid CaseId, string CrimeReferences, bool IsRespondent);

public sealed record PersonFound(Guid PersonId, string Name, DateOnly? DateOfBirth, string? PncId, IReadOnlyList<SearchRole> Roles);

public sealed record CaseFound(Guid CaseId, string CrimeReferences, string RespondentName, CaseStatus Status);

public sealed record ApplicationFound(Guid ApplicationId, Guid CaseId, ApplicationType Type, ApplicationStatus Status, string RespondentName, string CrimeReferences);

public sealed record OrderFound(Guid OrderId, Guid CaseId, OrderKind Kind, OrderStatus Status, string RespondentName, string CrimeReferences);

public sealed record SearchResults(IReadOnlyList<PersonFound> People, IReadOnlyList<CaseFound> Cases, IReadOnlyList<ApplicationFound> Applications,
    IReadOnlyList<OrderFound> Orders)
{
    public int Count => People.Count + Cases.Count + Applications.Count + Orders.Count;
}

/// <summary>
/// The workspace search: one box that takes a name (with or without a date of birth), a crime reference, a PNC ID, an order's
/// PNC reference, a record's id or a notification's acknowledgement reference, and finds the people, cases, applications and
/// orders it names. Only records on the cases the caller passes (the user's need-to-know, as the case list applies it) are
/// looked at, and every search is a consultation (DPA 2018 s.62).
/// </summary>
public sealed class RecordSearchService(StalkingProtectionDbContext db, AuditLog auditLog)
{
    public const int MaxLength = 100;
    public const int MaxPerGroup = 50;

    /// <summary>The most names a name search reads: a page of people, and room for names the database could not rule out.</summary>
    public const int NameCandidates = 4 * MaxPerGroup;

    public async Task<SearchResults> SearchAsync(string? text, IQueryable<StalkingCase> visibleCases, DateOnly today, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(visibleCases);
        var query = SearchQuery.Parse(text);
        // S4: each record found is checked against the visible cases by its own case's primary key (EXISTS); as a list of every
        // visible case (IN (SELECT id FROM cases ...)) SQLite would read the whole table for a coordinator at each step (P1).
        var visibleIds = visibleCases.Select(c => c.Id);

        var personIds = new HashSet<Guid>();
        var caseIds = new HashSet<Guid>();
        var applicationIds = new HashSet<Guid>();
        var orderIds = new HashSet<Guid>();
        var term = query.Term;

        if (Guid.TryParse(term, out var id))
        {
            caseIds.UnionWith(await visibleIds.Where(c => c == id).ToListAsync(ct));
            applicationIds.UnionWith(await db.Applications.Where(a => a.Id == id && visibleCases.Any(c => c.Id == a.CaseId)).Select(a => a.Id).ToListAsync(ct));
            orderIds.UnionWith(await db.Orders.IgnoreAutoIncludes().Where(o => o.Id == id && visibleCases.Any(c => c.Id == o.CaseId)).Select(o => o.Id).ToListAsync(ct));
        }

        if (query.IsReference)
        {
            // P1: each reference is looked up by equality on an index of its stored key (ReferenceKeys), never read row by row.
            var referenceKey = ReferenceKeys.Of(term);
            var pncKey = ReferenceKeys.PncId(term);
            caseIds.UnionWith(await db.Set<CaseCrimeReference>().Where(k => k.ReferenceKey == referenceKey && visibleCases.Any(c => c.Id == k.CaseId))
                .OrderBy(k => k.CaseId).Select(k => k.CaseId).Take(MaxPerGroup).ToListAsync(ct));
            orderIds.UnionWith(await db.Orders.IgnoreAutoIncludes().Where(o => o.PncReferenceKey == pncKey && visibleCases.Any(c => c.Id == o.CaseId))
                .Select(o => o.Id).ToListAsync(ct));
            personIds.UnionWith(await db.People.Where(p => p.PncIdKey == pncKey && p.MergedIntoId == null).OrderBy(p => p.Id).Select(p => p.Id).Take(MaxPerGroup).ToListAsync(ct));
            var acknowledged = db.NotificationEvents.Where(n => n.AcknowledgementReference == term).Select(n => n.RespondentId);
            orderIds.UnionWith(await db.Orders.IgnoreAutoIncludes().Where(o => acknowledged.Contains(o.RespondentId) && visibleCases.Any(c => c.Id == o.CaseId))
                .OrderBy(o => o.Id).Select(o => o.Id).Take(MaxPerGroup).ToListAsync(ct));
        }

        if (query.NameTokens.Count > 0)
        {
            personIds.UnionWith(await PeopleNamedAsync(query, visibleCases, ct));
        }

        // Every case the people found are on, and every application and order on the cases found or against the people found.
        var found = personIds.ToList();
        var respondents = await db.Respondents.Where(r => found.Contains(r.PersonId)).Select(r => new RespondentOf(r.Id, r.PersonId)).ToListAsync(ct);
        var respondentIds = respondents.Select(r => r.RespondentId).ToList();
        caseIds.UnionWith(await visibleCases.Where(c => c.RespondentId != null && respondentIds.Contains(c.RespondentId.Value)).Select(c => c.Id).ToListAsync(ct));
        caseIds.UnionWith(await db.Victims.Where(v => found.Contains(v.PersonId) && visibleCases.Any(c => c.Id == v.CaseId)).Select(v => v.CaseId).ToListAsync(ct));
        var casesFound = caseIds.ToList();
        applicationIds.UnionWith(await db.Applications.Where(a => (casesFound.Contains(a.CaseId) || respondentIds.Contains(a.RespondentId)) && visibleCases.Any(c => c.Id == a.CaseId))
            .Select(a => a.Id).ToListAsync(ct));
        orderIds.UnionWith(await db.Orders.IgnoreAutoIncludes().Where(o => (casesFound.Contains(o.CaseId) || respondentIds.Contains(o.RespondentId)) && visibleCases.Any(c => c.Id == o.CaseId))
            .Select(o => o.Id).ToListAsync(ct));

        var results = await DescribeAsync(personIds, respondents, caseIds, applicationIds, orderIds, visibleCases, today, ct);
        await auditLog.RecordConsultationAsync(actor, AuditEvents.Search.Searched.For(null, $"Searched for \"{term}\"",
            newValues: new { people = results.People.Count, cases = results.Cases.Count, applications = results.Applications.Count, orders = results.Orders.Count }), ct);
        return results;
    }

    /// <summary>
    /// People on the visible cases (respondents and victims) with a name, or an alias, that matches, in one statement. The
    /// database finds, through the indexes of <see cref="PersonNameWord"/>, the names that have for every word searched for a
    /// word that could be it (the word, the initial, two words written as one, one word written as two), and reads at most
    /// <see cref="NameCandidates"/> of them; <see cref="SearchNames.Matches"/> then holds each word of a name to one word searched for.
    /// </summary>
    private async Task<List<Guid>> PeopleNamedAsync(SearchQuery query, IQueryable<StalkingCase> visibleCases, CancellationToken ct)
    {
        var tokens = query.NameTokens;

        // The longest word leads, as the index finds fewest names for it. Initials alone ("J S") would read every name
        // with those initials, so they find no one by name.
        var lead = Enumerable.Range(0, tokens.Count).MaxBy(i => tokens[i].Length);
        if (tokens[lead].Length < 2)
        {
            return [];
        }

        var words = db.Set<PersonNameWord>();
        var led = words.Where(WordsThatCouldBe(tokens, lead)).Select(w => w.PersonNameId);
        var names = db.Set<PersonName>().AsNoTracking().Where(n => led.Contains(n.Id));
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i != lead)
            {
                var couldBe = WordsThatCouldBe(tokens, i);
                names = names.Where(n => words.Where(w => w.PersonNameId == n.Id).Any(couldBe));
            }
        }

        var dob = query.DateOfBirth;
        names = names.Where(n => db.People.Any(p => p.Id == n.PersonId && p.MergedIntoId == null && (dob == null || p.DateOfBirth == dob)));

        // P1: a respondent or a victim in one condition, checked for each name found through the person's own indexes. As two
        // branches of a union, PostgreSQL planned twice the joins on every search, which cost it more than running the query.
        var candidates = await names
            .Where(n => db.Respondents.Any(r => r.PersonId == n.PersonId && visibleCases.Any(c => c.RespondentId == r.Id))
                || db.Victims.Any(v => v.PersonId == n.PersonId && visibleCases.Any(c => c.Id == v.CaseId)))
            .Select(n => new { n.PersonId, n.GivenNames, n.FamilyName })
            .Take(NameCandidates)
            .ToListAsync(ct);
        return candidates.Where(n => SearchNames.Matches(tokens, n.GivenNames, n.FamilyName)).Select(n => n.PersonId).Distinct().Take(MaxPerGroup).ToList();
    }

    /// <summary>The words of a name that could be the <paramref name="at"/>th word searched for, each found by an index.</summary>
    private static Expression<Func<PersonNameWord, bool>> WordsThatCouldBe(IReadOnlyList<string> tokens, int at)
    {
        var token = tokens[at];
        if (token.Length == 1)
        {
            return w => w.Word.Substring(0, 1) == token;
        }

        // The word; its initial, for a name written with one ("A. Smith"); and with the word before or after it, for a
        // name written as one word that was searched for as two ("O Brien" for "O'Brien").
        var whole = new List<string> { token, token[..1] };
        if (at > 0)
        {
            whole.Add(tokens[at - 1] + token);
        }

        if (at + 1 < tokens.Count)
        {
            whole.Add(token + tokens[at + 1]);
        }

        return w => whole.Contains(w.Word) || w.Joined == token;
    }

    private async Task<SearchResults> DescribeAsync(HashSet<Guid> personIds, IReadOnlyList<RespondentOf> respondents, HashSet<Guid> caseIds,
        HashSet<Guid> applicationIds, HashSet<Guid> orderIds, IQueryable<StalkingCase> visibleCases, DateOnly today, CancellationToken ct)
    {
        var ids = personIds.ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct);

        // P1: the cases of the respondents already found, through the index of a case's respondent and team. Joined from the
        // respondents by person, SQLite read every case of the team for each of them (630 ms at 1,000,000 orders).
        var personOf = respondents.ToDictionary(r => r.RespondentId, r => r.PersonId);
        var respondentIds = personOf.Keys.ToList();
        var asRespondent = (await visibleCases.Where(c => c.RespondentId != null && respondentIds.Contains(c.RespondentId.Value))
                .Select(c => new { RespondentId = c.RespondentId!.Value, c.Id, c.CrimeReferences })
                .ToListAsync(ct))
            .Select(c => new { PersonId = personOf[c.RespondentId], c.Id, c.CrimeReferences })
            .ToList();
        var asVictim = await db.Victims.Where(v => ids.Contains(v.PersonId) && visibleCases.Any(c => c.Id == v.CaseId))
            .Join(db.Cases, v => v.CaseId, c => c.Id, (v, c) => new { v.PersonId, c.Id, c.CrimeReferences })
            .ToListAsync(ct);
        var roles = asRespondent.Select(r => (r.PersonId, r.Id, r.CrimeReferences, Respondent: true))
            .Concat(asVictim.Select(v => (v.PersonId, v.Id, v.CrimeReferences, Respondent: false))).ToList();
        var peopleFound = people
            .Select(p => new PersonFound(p.Id, p.PrimaryName.FullName, p.DateOfBirth, p.PncId,
                roles.Where(r => r.PersonId == p.Id).Select(r => new SearchRole(r.Id, Spaced(r.CrimeReferences), r.Respondent)).Distinct().ToList()))
            .Where(p => p.Roles.Count > 0)
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Take(MaxPerGroup)
            .ToList();

        var caseList = caseIds.ToList();
        var applicationList = applicationIds.ToList();
        var orderList = orderIds.ToList();
        // P1: by primary key, visibility checked for each (S4); as the visible cases filtered by id, SQLite read the team's cases.
        var cases = await db.Cases.AsNoTracking().Where(c => caseList.Contains(c.Id) && visibleCases.Any(v => v.Id == c.Id))
            .OrderByDescending(c => c.Id).Take(MaxPerGroup).ToListAsync(ct);
        var applications = await db.Applications.AsNoTracking().IgnoreAutoIncludes().Where(a => applicationList.Contains(a.Id) && visibleCases.Any(c => c.Id == a.CaseId))
            .OrderByDescending(a => a.Id).Take(MaxPerGroup)
            .Select(a => new { a.Id, a.CaseId, a.Type, a.Status, a.RespondentId }).ToListAsync(ct);
        var orders = await db.Orders.AsNoTracking().IgnoreAutoIncludes().Where(o => orderList.Contains(o.Id) && visibleCases.Any(c => c.Id == o.CaseId))
            .OrderByDescending(o => o.Id).Take(MaxPerGroup).ToListAsync(ct);

        var referenceCaseIds = applications.Select(a => a.CaseId).Concat(orders.Select(o => o.CaseId)).Except(cases.Select(c => c.Id)).ToList();
        var references = cases.ToDictionary(c => c.Id, c => Spaced(c.CrimeReferences));
        foreach (var c in await db.Cases.AsNoTracking().Where(c => referenceCaseIds.Contains(c.Id)).Select(c => new { c.Id, c.CrimeReferences }).ToListAsync(ct))
        {
            references[c.Id] = Spaced(c.CrimeReferences);
        }

        var respondentNames = await RespondentNamesAsync(
            cases.Select(c => c.RespondentId).OfType<Guid>().Concat(applications.Select(a => a.RespondentId)).Concat(orders.Select(o => o.RespondentId)), ct);
        string NameOf(Guid? respondentId) => respondentId is { } r && respondentNames.TryGetValue(r, out var name) ? name : "Respondent not recorded";

        return new SearchResults(
            peopleFound,
            cases.Select(c => new CaseFound(c.Id, Spaced(c.CrimeReferences), NameOf(c.RespondentId), c.Status)).ToList(),
            applications.Select(a => new ApplicationFound(a.Id, a.CaseId, a.Type, a.Status, NameOf(a.RespondentId), references.GetValueOrDefault(a.CaseId, ""))).ToList(),
            orders.Select(o => new OrderFound(o.Id, o.CaseId, o.Kind, o.StatusOn(today), NameOf(o.RespondentId), references.GetValueOrDefault(o.CaseId, ""))).ToList());
    }

    private async Task<Dictionary<Guid, string>> RespondentNamesAsync(IEnumerable<Guid> respondentIds, CancellationToken ct)
    {
        var ids = respondentIds.Distinct().ToList();
        var names = await (
                from r in db.Respondents.AsNoTracking()
                where ids.Contains(r.Id)
                join n in db.Set<PersonName>().AsNoTracking().Where(n => !n.IsAlias) on r.PersonId equals n.PersonId
                select new { RespondentId = r.Id, n.Id, n.GivenNames, n.FamilyName })
            .ToListAsync(ct);
        return names.GroupBy(n => n.RespondentId)
            .ToDictionary(g => g.Key, g => g.OrderBy(n => n.Id).Select(n => $"{n.GivenNames} {n.FamilyName}".Trim()).First());
    }

    private sealed record RespondentOf(Guid RespondentId, Guid PersonId);

    private static string Spaced(string crimeReferences) => crimeReferences.Replace(",", ", ", StringComparison.Ordinal);
}

/// <summary>What was typed in the search box: the whole text as a reference, and the words of a name with an optional date of birth.</summary>
public sealed record SearchQuery(string Term, bool IsReference, IReadOnlyList<string> NameTokens, DateOnly? DateOfBirth)
{
    private static readonly string[] DateFormats = ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd", "d M yyyy"];

    public static SearchQuery Parse(string? text)
    {
        var term = text?.Trim() ?? "";
        if (term.Length == 0)
        {
            throw RuleViolationException.Input("q", "Enter a name, crime reference, PNC ID or other reference to search for");
        }

        if (term.Length > RecordSearchService.MaxLength)
        {
            throw RuleViolationException.Input("q", $"Enter at most {RecordSearchService.MaxLength} characters to search for");
        }

        if (term.Any(char.IsControl))
        {
            throw RuleViolationException.Input("q", "Enter only letters, numbers, spaces and punctuation to search for");
        }

        var words = term.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        DateOnly? dateOfBirth = null;
        for (var take = Math.Min(3, words.Count - 1); take >= 1 && dateOfBirth is null; take--)
        {
            var tail = string.Join(' ', words[^take..]);
            if (DateOnly.TryParseExact(tail, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dob))
            {
                dateOfBirth = dob;
                words.RemoveRange(words.Count - take, take);
            }
        }

        var nameText = string.Join(' ', words);
        var tokens = nameText.Any(char.IsLetter) && !nameText.Any(char.IsDigit)
            ? SearchNames.Tokens(nameText)
            : [];
        return new SearchQuery(term, dateOfBirth is null && term.Any(char.IsDigit), tokens, dateOfBirth);
    }
}

/// <summary>
/// Names match whatever their case and accents ("Zoë" is "zoe"), with hyphens and apostrophes as the person may or may not
/// have written them ("Smith-Jones", "Smith Jones", "SmithJones"; "O'Brien", "OBrien"), and an initial for a whole name
/// ("J Smith" finds "Jane Smith"). Every word searched for must be in the name.
/// </summary>
public static class SearchNames
{
    public static IReadOnlyList<string> Tokens(string text) =>
        PersonName.NormaliseName(text, "").Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static bool Matches(IReadOnlyList<string> queryTokens, string givenNames, string familyName)
    {
        ArgumentNullException.ThrowIfNull(queryTokens);
        if (queryTokens.Count == 0)
        {
            return false;
        }

        var name = Tokens($"{givenNames} {familyName}");
        if (string.Concat(name) == string.Concat(queryTokens))
        {
            return true;
        }

        var unused = name.ToList();
        for (var i = 0; i < queryTokens.Count; i++)
        {
            var token = queryTokens[i];

            // "O Brien" or "Mac Donald" typed as two words for a name written as one.
            if (i + 1 < queryTokens.Count && unused.IndexOf(token + queryTokens[i + 1]) is var whole and >= 0)
            {
                unused.RemoveAt(whole);
                i++;
                continue;
            }

            var match = unused.FindIndex(n => Same(token, n));
            if (match < 0)
            {
                // "SmithJones" or "OBrien" typed as one word for a name written in two.
                match = JoinedMatch(unused, token);
                if (match < 0)
                {
                    return false;
                }

                unused.RemoveRange(match, 2);
                continue;
            }

            unused.RemoveAt(match);
        }

        return true;
    }

    private static bool Same(string query, string name) =>
        query == name || (query.Length == 1 && name.StartsWith(query, StringComparison.Ordinal)) || (name.Length == 1 && query.StartsWith(name, StringComparison.Ordinal));

    private static int JoinedMatch(List<string> name, string token)
    {
        for (var i = 0; i + 1 < name.Count; i++)
        {
            if (name[i] + name[i + 1] == token)
            {
                return i;
            }
        }

        return -1;
    }
}
