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
            // P1: the people of that name and date of birth first, through the names' index, then their respondents by person.
            // In one statement SQLite would rather walk every respondent not merged away (ix_respondents_merged_into_id).
            var family = PersonName.SearchKey(query.FamilyName);
            var personIds = await db.Set<PersonName>().AsNoTracking()
                .Where(n => n.FamilySearchKey == family && db.People.Any(p => p.Id == n.PersonId && p.DateOfBirth == dob))
                .Select(n => n.PersonId).Distinct()
                .ToListAsync(ct);
            respondents = respondents.Where(r => personIds.Contains(r.PersonId));
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

        // P1: only what the answer shows is loaded (the addresses only to match an address search), two statements by PNC ID, three by name.
        respondents = respondents.IgnoreAutoIncludes().Include(r => r.Person).ThenInclude(p => p.Names);
        if (address is not null)
        {
            respondents = respondents.Include(r => r.Addresses);
        }

        var found = await respondents
            .OrderBy(r => r.Id)
            .Take(address is null ? MaxSubjects : MaxSubjects * 5)
            .ToListAsync(ct);
        if (address is not null)
        {
            found = found.Where(r => r.Addresses.Any(a => address.Matches(a.Address))).Take(MaxSubjects).ToList();
        }

        if (!string.IsNullOrWhiteSpace(query.GivenNames) && string.IsNullOrWhiteSpace(query.PncId))
        {
            // Case and accents ignored, and an initial is enough: "z" and "zoe" both find "Zoë".
            var given = PersonName.NormaliseName(query.GivenNames, "");
            found = found.Where(r => r.Person.Names.Any(n => PersonName.NormaliseName(n.GivenNames, "").StartsWith(given, StringComparison.Ordinal))).ToList();
        }

        var subjects = await DescribeAsync(found, today, ct);

        await auditLog.RecordConsultationsAsync(actor,
        [
            AuditEvents.OrderLookup.Searched.For(null, query.Justification,
                newValues: new { found = subjects.Count, byPnc = !string.IsNullOrWhiteSpace(query.PncId), byAddress = !string.IsNullOrWhiteSpace(query.Address) }),
            .. subjects.Select(subject => AuditEvents.OrderLookup.SubjectShown.For(subject.RespondentId, query.Justification)),
        ], ct);
        return subjects;
    }

    /// <summary>
    /// The orders in force of every person found, with their cases, officers and terms, in the same few statements
    /// whatever the number of people or orders (P1).
    /// </summary>
    private async Task<List<LookupSubject>> DescribeAsync(List<Respondent> found, DateOnly today, CancellationToken ct)
    {
        if (found.Count == 0)
        {
            return [];
        }

        var respondentIds = found.Select(r => r.Id).ToList();
        var orders = (await db.Orders.IgnoreAutoIncludes().AsNoTracking()
            .Where(o => respondentIds.Contains(o.RespondentId))
            .InForceOn(today)
            .Select(o => new { o.Id, o.RespondentId, o.CaseId, o.Kind, o.MadeOn, o.CourtName, o.LastInForceDay, o.ServedAt })
            .ToListAsync(ct)).ToLookup(o => o.RespondentId);
        var caseIds = orders.SelectMany(o => o).Select(o => o.CaseId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.OfficerInCharge, c.Team }).ToDictionaryAsync(c => c.Id, ct);
        var officerIds = cases.Values.Select(c => Guid.TryParse(c.OfficerInCharge, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        var officers = await db.Users.AsNoTracking().Where(u => officerIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.PhoneNumber }).ToDictionaryAsync(u => u.Id.ToString(), ct);
        var asAt = await orderStatus.GetManyAsAtAsync(orders.SelectMany(o => o).Select(o => o.Id).ToList(), today, ct);

        return found.Select(respondent =>
        {
            var inForce = orders[respondent.Id].Select(order =>
            {
                var terms = asAt.GetValueOrDefault(order.Id)?.ConditionsInForce.Select(c => new LookupCondition(c.Type, c.Category, c.Wording, c.LocalityText)).ToList() ?? [];
                var caseInfo = cases.GetValueOrDefault(order.CaseId);
                var officer = caseInfo is null ? null : officers.GetValueOrDefault(caseInfo.OfficerInCharge);
                return new LookupOrder(order.Id, order.Kind, order.MadeOn, order.CourtName, order.LastInForceDay, order.ServedAt is not null, terms,
                    officer?.DisplayName ?? caseInfo?.OfficerInCharge ?? "Not recorded", officer?.PhoneNumber, caseInfo?.Team ?? "");
            }).ToList();
            var person = respondent.Person;
            return new LookupSubject(respondent.Id, person.PrimaryName.FullName,
                person.Names.Where(n => n.IsAlias).Select(n => n.FullName).ToList(), person.DateOfBirth, person.PncId, inForce);
        }).ToList();
    }
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
