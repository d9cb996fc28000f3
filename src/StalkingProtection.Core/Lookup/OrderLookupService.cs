using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Search;

namespace StalkingProtection.Core.Lookup;

public sealed record OrderLookupQuery(string? FamilyName, string? GivenNames, DateOnly? DateOfBirth, string? PncId, string? Address, string IncidentNumber,
    string? Reason = null)
{
    /// <summary>Why the lookup was made, as the audit log keeps it: the incident, else the reason an API client gave.</summary>
    public string Justification => string.IsNullOrWhiteSpace(IncidentNumber) ? $"Reason: {Reason?.Trim()}" : $"Incident {IncidentNumber}";
}

public sealed record LookupCondition(ConditionType Type, ConditionCategory Category, string Wording, string? NamedArea);

public sealed record LookupOrder(
    Guid OrderId, OrderKind Kind, DateOnly MadeOn, string Court, DateOnly? LastDay, bool Served, IReadOnlyList<LookupCondition> Terms,
    string OfficerInCharge, string? OfficerPhone, string Team);

public sealed record LookupSubject(Guid RespondentId, string Name, IReadOnlyList<string> OtherNames, DateOnly? DateOfBirth, string? PncId,
    IReadOnlyList<LookupOrder> OrdersInForce);

/// <summary>
/// The frontline check at an incident: is this person subject to an order in force today, and what may they not do?
/// It searches respondents only, shows the terms and named areas in force, and never a victim's address or contact
/// details. Every search is a consultation with its incident number (DPA 2018 s.62).
/// </summary>
public sealed class OrderLookupService(StalkingProtectionDbContext db, OrderStatusQueries orderStatus, AuditLog auditLog)
{
    public const int MaxSubjects = 20;
    public async Task<IReadOnlyList<LookupSubject>> SearchAsync(OrderLookupQuery query, DateOnly today, Actor actor, CancellationToken ct = default)
    {
        // P1: the reads share one connection, handed back before the audit entries are written.
        List<LookupSubject> subjects;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            subjects = await DescribeAsync(await FindAsync(query, today, ct), today, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        await auditLog.RecordConsultationsAsync(actor,
        [
            AuditEvents.OrderLookup.Searched.For(null, query.Justification,
                newValues: new { found = subjects.Count, byPnc = !string.IsNullOrWhiteSpace(query.PncId), byAddress = !string.IsNullOrWhiteSpace(query.Address) }),
            .. subjects.Select(subject => AuditEvents.OrderLookup.SubjectShown.For(subject.RespondentId, query.Justification)),
        ], ct);
        return subjects;
    }

    /// <summary>The respondents the query names, at most <see cref="MaxSubjects"/>, not merged into another record.</summary>
    private async Task<List<FoundRespondent>> FindAsync(OrderLookupQuery query, DateOnly today, CancellationToken ct)
    {
        var respondents = db.Respondents.AsNoTracking().Where(r => r.MergedIntoId == null);
        AddressSearch? address = null;
        if (!string.IsNullOrWhiteSpace(query.PncId))
        {
            // R-matching, P1: a PNC ID however it is written ("12/34567A", "2012/0034567A"), by equality on the index of its key.
            var pncKey = ReferenceKeys.PncId(query.PncId);
            respondents = respondents.Where(r => r.Person.PncIdKey == pncKey);
        }
        else if (!string.IsNullOrWhiteSpace(query.FamilyName) && query.DateOfBirth is { } dob)
        {
            // P1: the people of that name and date of birth through the names' index, then their respondents by person, in the
            // one statement that reads the respondents. "Not merged away" is written so that no index can serve it: as
            // merged_into_id IS NULL, SQLite (no statistics) would walk every respondent not merged away
            // (ix_respondents_merged_into_id) instead of those people's respondents (ix_respondents_person_id).
            var family = PersonName.SearchKey(query.FamilyName);
            var personIds = db.Set<PersonName>()
                .Where(n => n.FamilySearchKey == family && db.People.Any(p => p.Id == n.PersonId && p.DateOfBirth == dob))
                .Select(n => n.PersonId);
            respondents = db.Respondents.AsNoTracking()
                .Where(r => (r.MergedIntoId ?? Guid.Empty) == Guid.Empty && personIds.Contains(r.PersonId));
        }
        else if (!string.IsNullOrWhiteSpace(query.Address))
        {
            address = AddressSearch.Parse(query.Address)
                ?? throw RuleViolationException.Input(nameof(query.Address), "Enter a house number and street, or a full postcode");
            var text = address.Text;

            // Need-to-know: an address finds only people an officer at the door may need to know about, those with an
            // order in force or ended in the last 12 months.
            var since = today.AddMonths(-12);
            var recent = db.Orders.IgnoreAutoIncludes()
                .Where(o => o.MadeOn <= today && (o.LastInForceDay == null || o.LastInForceDay >= since) && (o.EndedOn == null || o.EndedOn > since))
                .Select(o => o.RespondentId);
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL upper(), which has no culture
            respondents = respondents.Where(r => recent.Contains(r.Id) && r.Addresses.Any(a => a.Address.ToUpper().Contains(text)));
#pragma warning restore CA1304, CA1311, CA1862
        }
        else
        {
            throw new RuleViolationException([new RuleViolation("Input", "familyName",
                "Enter a last name and date of birth, a PNC ID or part of an address", "Frontline lookup")]);
        }

        // P1: only the columns the answer shows, in one statement (the addresses only to match an address search).
        var byAddress = address is not null;
        var found = await respondents
            .OrderBy(r => r.Id)
            .Take(byAddress ? MaxSubjects * 5 : MaxSubjects)
            .Select(r => new FoundRespondent(r.Id, r.Person.DateOfBirth, r.Person.PncId,
                r.Person.Names.OrderBy(n => n.Id).Select(n => new FoundName(n.GivenNames, n.FamilyName, n.IsAlias)).ToList(),
                r.Addresses.Where(a => byAddress).Select(a => a.Address).ToList()))
            .AsSingleQuery()
            .ToListAsync(ct);
        if (address is not null)
        {
            found = found.Where(r => r.Addresses.Any(address.Matches)).Take(MaxSubjects).ToList();
        }

        if (!string.IsNullOrWhiteSpace(query.GivenNames) && string.IsNullOrWhiteSpace(query.PncId))
        {
            // Case and accents ignored, and an initial is enough: "z" and "zoe" both find "Zoë".
            var given = PersonName.NormaliseName(query.GivenNames, "");
            found = found.Where(r => r.Names.Any(n => PersonName.NormaliseName(n.GivenNames, "").StartsWith(given, StringComparison.Ordinal))).ToList();
        }

        return found;
    }

    /// <summary>
    /// The orders in force of every person found, with their cases, officers and terms, in the same two or three statements
    /// whatever the number of people, orders or conditions (P1).
    /// </summary>
    private async Task<List<LookupSubject>> DescribeAsync(List<FoundRespondent> found, DateOnly today, CancellationToken ct)
    {
        if (found.Count == 0)
        {
            return [];
        }

        var respondentIds = found.Select(r => r.Id).ToList();
        var orders = (await db.Orders.IgnoreAutoIncludes().AsNoTracking()
            .Where(o => respondentIds.Contains(o.RespondentId))
            .InForceOn(today)
            .Join(db.Cases, o => o.CaseId, c => c.Id, (o, c) => new FoundOrder(o.Id, o.RespondentId, o.Kind, o.MadeOn, o.CourtName, o.LastInForceDay,
                o.ServedAt != null, c.OfficerInCharge, c.Team))
            .ToListAsync(ct)).OrderBy(o => o.Id).ToLookup(o => o.RespondentId);

        // An order in force by InForceOn is in force by its status too, so its terms are those of the version in force today,
        // read in one flat statement through the condition sets' (order, number) index.
        var orderIds = orders.SelectMany(o => o).Select(o => o.Id).ToList();
        var terms = (orderIds.Count == 0
            ? []
            : await orderStatus.ConditionSetsOn(today)
                .Where(s => orderIds.Contains(s.OrderId))
                .SelectMany(s => s.Conditions, (s, t) => new FoundTerm(s.OrderId, t.Sequence, t.Type, t.Category, t.Wording, t.LocalityText, t.Duration, t.EndsOn))
                .ToListAsync(ct)).ToLookup(t => t.OrderId);
        var officerIds = orders.SelectMany(o => o).Select(o => Guid.TryParse(o.OfficerInCharge, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty).Distinct().ToList();
        var officers = officerIds.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => officerIds.Contains(u.Id))
                .Select(u => new { u.Id, u.DisplayName, u.PhoneNumber }).ToDictionaryAsync(u => u.Id.ToString(), ct);

        return found.Select(respondent =>
        {
            var described = orders[respondent.Id].Select(order =>
            {
                var inForce = terms[order.Id]
                    .OrderBy(t => t.Sequence)
                    .Where(t => Condition.LastDay(t.Duration, t.EndsOn, order.LastInForceDay) is not { } last || today <= last)
                    .Select(t => new LookupCondition(t.Type, t.Category, t.Wording, t.LocalityText))
                    .ToList();
                var officer = officers.GetValueOrDefault(order.OfficerInCharge);
                return new LookupOrder(order.Id, order.Kind, order.MadeOn, order.Court, order.LastInForceDay, order.Served, inForce,
                    officer?.DisplayName ?? order.OfficerInCharge, officer?.PhoneNumber, order.Team);
            }).ToList();
            var primary = respondent.Names.First(n => !n.IsAlias);
            return new LookupSubject(respondent.Id, PersonName.FullNameOf(primary.GivenNames, primary.FamilyName),
                respondent.Names.Where(n => n.IsAlias).Select(n => PersonName.FullNameOf(n.GivenNames, n.FamilyName)).ToList(),
                respondent.DateOfBirth, respondent.PncId, described);
        }).ToList();
    }

    private sealed record FoundName(string GivenNames, string FamilyName, bool IsAlias);

    private sealed record FoundRespondent(Guid Id, DateOnly? DateOfBirth, string? PncId, List<FoundName> Names, List<string> Addresses);

    private sealed record FoundTerm(Guid OrderId, int Sequence, ConditionType Type, ConditionCategory Category, string Wording, string? LocalityText, ConditionDuration Duration, DateOnly? EndsOn);

    private sealed record FoundOrder(Guid Id, Guid RespondentId, OrderKind Kind, DateOnly MadeOn, string Court, DateOnly? LastInForceDay, bool Served,
        string OfficerInCharge, string Team);
}

/// <summary>
/// An address search names one home: a house number and street ("12 Park Road"), or a full postcode ("LS1 4AB"). Part of a
/// street or a postcode district would list everyone around it.
/// </summary>
public sealed partial record AddressSearch(string Text)
{
    public const int MaxLength = 200;

    public static AddressSearch? Parse(string? input)
    {
        var text = Whitespace().Replace(input?.Trim() ?? "", " ").ToUpperInvariant();
        if (text.Length > MaxLength)
        {
            return null;
        }

        if (Postcode().Match(text) is { Success: true } postcode)
        {
            return new AddressSearch($"{postcode.Groups["outward"].Value} {postcode.Groups["inward"].Value}");
        }

        return HouseNumberAndStreet().IsMatch(text) ? new AddressSearch(text) : null;
    }

    /// <summary>"1 HIGH STREET" must not find "21 High Street" nor "1 High Streetly Lane".</summary>
    public bool Matches(string address)
    {
        var upper = Whitespace().Replace(address, " ").ToUpperInvariant();
        var at = upper.IndexOf(Text, StringComparison.Ordinal);
        while (at >= 0)
        {
            var end = at + Text.Length;
            if ((at == 0 || !char.IsLetterOrDigit(upper[at - 1])) && (end == upper.Length || !char.IsLetterOrDigit(upper[end])))
            {
                return true;
            }

            at = upper.IndexOf(Text, at + 1, StringComparison.Ordinal);
        }

        return false;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s+")]
    private static partial System.Text.RegularExpressions.Regex Whitespace();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<outward>[A-Z]{1,2}[0-9][0-9A-Z]?) ?(?<inward>[0-9][A-Z]{2})$")]
    private static partial System.Text.RegularExpressions.Regex Postcode();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9]+[A-Z]?,? [A-Z'\-]{2,}( [A-Z'\-]+)*$")]
    private static partial System.Text.RegularExpressions.Regex HouseNumberAndStreet();
}
