using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Lookup;

public sealed record OrderLookupQuery(string? FamilyName, string? GivenNames, DateOnly? DateOfBirth, string? PncId, string? Address, string IncidentNumber);

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
    public const string FamilyNameKey = "FamilyNameKey";

    public static string Key(string name) => name.Trim().ToUpperInvariant();

    public async Task<IReadOnlyList<LookupSubject>> SearchAsync(OrderLookupQuery query, DateOnly today, Actor actor, CancellationToken ct = default)
    {
        var respondents = db.Respondents.AsNoTracking().Where(r => r.MergedIntoId == null);
        if (!string.IsNullOrWhiteSpace(query.PncId))
        {
            var pnc = query.PncId.Trim().ToUpperInvariant();
            respondents = respondents.Where(r => r.Person.PncId == pnc);
        }
        else if (!string.IsNullOrWhiteSpace(query.FamilyName) && query.DateOfBirth is { } dob)
        {
            var family = Key(query.FamilyName);
            var personIds = db.Set<PersonName>().AsNoTracking()
                .Where(n => EF.Property<string>(n, FamilyNameKey) == family)
                .Select(n => n.PersonId);
            respondents = respondents.Where(r => personIds.Contains(r.PersonId) && r.Person.DateOfBirth == dob);
        }
        else if (!string.IsNullOrWhiteSpace(query.Address))
        {
            var address = query.Address.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL upper(), which has no culture
            respondents = respondents.Where(r => r.Addresses.Any(a => a.Address.ToUpper().Contains(address)));
#pragma warning restore CA1304, CA1311, CA1862
        }
        else
        {
            throw new RuleViolationException([new RuleViolation("Input", "familyName",
                "Enter a last name and date of birth, a PNC ID or part of an address", "Frontline lookup")]);
        }

        var found = await respondents
            .Include(r => r.Person).ThenInclude(p => p.Names)
            .OrderBy(r => r.Id)
            .Take(MaxSubjects)
            .ToListAsync(ct);

        if (!string.IsNullOrWhiteSpace(query.GivenNames) && string.IsNullOrWhiteSpace(query.PncId))
        {
            var given = query.GivenNames.Trim();
            found = found.Where(r => r.Person.Names.Any(n => n.GivenNames.StartsWith(given, StringComparison.OrdinalIgnoreCase))).ToList();
        }

        var subjects = new List<LookupSubject>();
        foreach (var respondent in found)
        {
            subjects.Add(await DescribeAsync(respondent, today, ct));
        }

        auditLog.Add(actor, AuditKind.Consultation, "OrderLookup.Searched", "OrderLookup", null, $"Incident {query.IncidentNumber}",
            newValues: new { found = subjects.Count, byPnc = !string.IsNullOrWhiteSpace(query.PncId), byAddress = !string.IsNullOrWhiteSpace(query.Address) });
        foreach (var subject in subjects)
        {
            auditLog.Add(actor, AuditKind.Consultation, "OrderLookup.SubjectShown", nameof(Respondent), subject.RespondentId, $"Incident {query.IncidentNumber}");
        }

        await db.SaveChangesAsync(ct);
        return subjects;
    }

    private async Task<LookupSubject> DescribeAsync(Respondent respondent, DateOnly today, CancellationToken ct)
    {
        var orders = await db.Orders.IgnoreAutoIncludes().AsNoTracking()
            .Where(o => o.RespondentId == respondent.Id)
            .InForceOn(today)
            .Select(o => new { o.Id, o.CaseId, o.Kind, o.MadeOn, o.CourtName, o.LastInForceDay, o.ServedAt })
            .ToListAsync(ct);
        var caseIds = orders.Select(o => o.CaseId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.OfficerInCharge, c.Team }).ToDictionaryAsync(c => c.Id, ct);
        var officerIds = cases.Values.Select(c => Guid.TryParse(c.OfficerInCharge, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        var officers = await db.Users.AsNoTracking().Where(u => officerIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.PhoneNumber }).ToDictionaryAsync(u => u.Id.ToString(), ct);

        var inForce = new List<LookupOrder>();
        foreach (var order in orders)
        {
            var asAt = await orderStatus.GetAsAtAsync(order.Id, today, ct);
            var terms = asAt?.ConditionsInForce.Select(c => new LookupCondition(c.Type, c.Category, c.Wording, c.LocalityText)).ToList() ?? [];
            var caseInfo = cases.GetValueOrDefault(order.CaseId);
            var officer = caseInfo is null ? null : officers.GetValueOrDefault(caseInfo.OfficerInCharge);
            inForce.Add(new LookupOrder(order.Id, order.Kind, order.MadeOn, order.CourtName, order.LastInForceDay, order.ServedAt is not null, terms,
                officer?.DisplayName ?? caseInfo?.OfficerInCharge ?? "Not recorded", officer?.PhoneNumber, caseInfo?.Team ?? ""));
        }

        var person = respondent.Person;
        return new LookupSubject(respondent.Id, person.PrimaryName.FullName,
            person.Names.Where(n => n.IsAlias).Select(n => n.FullName).ToList(), person.DateOfBirth, person.PncId, inForce);
    }
}

/// <summary>P1: the name search compares an upper-cased copy of the family name that the database keeps and indexes.</summary>
public sealed class PersonNameLookupIndex : IEntityTypeConfiguration<PersonName>
{
    public void Configure(EntityTypeBuilder<PersonName> builder)
    {
        builder.Property<string>(OrderLookupService.FamilyNameKey).HasMaxLength(PersonName.NameMaxLength)
            .HasComputedColumnSql("upper(family_name)", stored: true);
        builder.HasIndex(OrderLookupService.FamilyNameKey).HasDatabaseName("ix_person_names_family_name_key");
    }
}
