using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.People;

public enum PersonRoleKind
{
    Respondent,
    Victim,
}

/// <summary>A role a person has on a case.</summary>
public sealed record PersonRoleOnCase(PersonRoleKind Kind, Guid CaseId, string CrimeReferences, string Team, string OfficerInCharge);

public sealed record PersonRecord(Guid Id, string Name, IReadOnlyList<string> OtherNames, DateOnly? DateOfBirth, string? PncId, DateTimeOffset CreatedAt,
    long Version, Guid? MergedIntoId, IReadOnlyList<PersonRoleOnCase> Roles);

/// <summary>Two records with the same name (ignoring case, spacing and accents) and the same date of birth.</summary>
public sealed record DuplicatePair(PersonRecord First, PersonRecord Second);

public sealed record MergePeopleOptions(Guid KeepId, long? KeepVersion, Guid MergeId, long? MergeVersion, string Reason);

/// <summary>What moved from the respondent merged to the respondent kept, by record.</summary>
public sealed record RespondentsCombined(Guid KeptRespondentId, Guid MergedRespondentId, IReadOnlyList<Guid> CaseIds, IReadOnlyList<Guid> ApplicationIds,
    IReadOnlyList<Guid> OrderIds, IReadOnlyList<Guid> NotificationObligationIds, IReadOnlyList<Guid> NotificationIds, IReadOnlyList<Guid> NotificationOffenceIds,
    IReadOnlyList<Guid> OtherOrderIds, IReadOnlyList<Guid> DisclosureIds);

/// <summary>
/// Finds people recorded twice and merges them. A merge combines two records of personal data, so it is audited as a
/// combination with its reason (DPA 2018 s.62(1)); nothing is deleted, and the merged record points at the one kept.
/// </summary>
public sealed class PersonMergeService(StalkingProtectionDbContext db, TimeProvider timeProvider, AuditLog audit)
{
    public const int PairLimit = 100;
    public const int ReasonMaxLength = AuditEntry.JustificationMaxLength;

    /// <summary>Possible duplicates across the force, from the (match key, person) index; the oldest record of each pair first.</summary>
    public async Task<IReadOnlyList<DuplicatePair>> FindPossibleDuplicatesAsync(CancellationToken ct = default)
    {
        var keys = await db.Set<PersonName>().AsNoTracking()
            .Where(n => n.MatchKey != null)
            .GroupBy(n => n.MatchKey)
            .Where(g => g.Select(n => n.PersonId).Distinct().Count() > 1)
            .Select(g => g.Key!)
            .OrderBy(k => k)
            .Take(PairLimit)
            .ToListAsync(ct);
        if (keys.Count == 0)
        {
            return [];
        }

        var matches = await db.Set<PersonName>().AsNoTracking()
            .Where(n => n.MatchKey != null && keys.Contains(n.MatchKey))
            .Select(n => new { n.MatchKey, n.PersonId })
            .ToListAsync(ct);
        var records = await DescribeAsync(matches.Select(m => m.PersonId), ct);
        return matches.GroupBy(m => m.MatchKey!)
            .SelectMany(g =>
            {
                var people = g.Select(m => records[m.PersonId]).DistinctBy(p => p.Id).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToList();
                return people.Skip(1).Select(other => (First: people[0], Second: other));
            })
            .DistinctBy(p => (p.First.Id, p.Second.Id))
            .Take(PairLimit)
            .Select(p => new DuplicatePair(p.First, p.Second))
            .ToList();
    }

    /// <summary>Each person with their names and their roles on cases.</summary>
    public async Task<IReadOnlyDictionary<Guid, PersonRecord>> DescribeAsync(IEnumerable<Guid> personIds, CancellationToken ct = default)
    {
        var ids = personIds.Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        var victimRoles = await db.Victims.AsNoTracking().IgnoreAutoIncludes()
            .Where(v => ids.Contains(v.PersonId))
            .Join(db.Cases, v => v.CaseId, c => c.Id, (v, c) => new { v.PersonId, c.Id, c.CrimeReferences, c.Team, c.OfficerInCharge })
            .ToListAsync(ct);
        var respondentRoles = await db.Respondents.AsNoTracking().IgnoreAutoIncludes()
            .Where(r => ids.Contains(r.PersonId))
            .Join(db.Cases, r => r.Id, c => c.RespondentId, (r, c) => new { r.PersonId, c.Id, c.CrimeReferences, c.Team, c.OfficerInCharge })
            .ToListAsync(ct);
        return people.ToDictionary(p => p.Id, p => new PersonRecord(
            p.Id,
            p.PrimaryName.FullName,
            p.Names.Where(n => n.IsAlias).Select(n => n.FullName).ToList(),
            p.DateOfBirth,
            p.PncId,
            p.CreatedAt,
            p.Version,
            p.MergedIntoId,
            respondentRoles.Where(r => r.PersonId == p.Id).Select(r => new PersonRoleOnCase(PersonRoleKind.Respondent, r.Id, r.CrimeReferences, r.Team, r.OfficerInCharge))
                .Concat(victimRoles.Where(v => v.PersonId == p.Id).Select(v => new PersonRoleOnCase(PersonRoleKind.Victim, v.Id, v.CrimeReferences, v.Team, v.OfficerInCharge)))
                .ToList()));
    }

    /// <summary>
    /// Merges <see cref="MergePeopleOptions.MergeId"/> into <see cref="MergePeopleOptions.KeepId"/>: its victim and respondent
    /// roles (with their contact details, orders and notifications) move to the record kept, its names become aliases there,
    /// and it is marked merged. When both are respondents, everything held against the one merged (cases, applications,
    /// orders, notification obligations, notifications, offences, other orders and disclosures) moves to the one kept.
    /// Refused when the two are on one case in different roles, or have different PNC IDs.
    /// </summary>
    public async Task<PersonMergedOutcome> MergeAsync(MergePeopleOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        new RuleCheck()
            .Must(options.KeepId != options.MergeId, "Input", "mergeId", "Choose two different records: a record cannot be merged into itself", "")
            .Must(!string.IsNullOrWhiteSpace(options.Reason) && options.Reason.Trim().Length <= ReasonMaxLength, "DPA2018", "reason",
                "Give the reason for merging the records (Data Protection Act 2018 s.62)", "DPA 2018 s.62")
            .ThrowIfBroken();
        var keep = await db.People.SingleOrDefaultAsync(p => p.Id == options.KeepId, ct);
        var merge = await db.People.SingleOrDefaultAsync(p => p.Id == options.MergeId, ct);
        new RuleCheck()
            .Must(keep is not null, "Input", "keepId", "The record to keep does not exist", "")
            .Must(merge is not null, "Input", "mergeId", "The record to merge does not exist", "")
            .ThrowIfBroken();
        db.ExpectVersion(keep!, options.KeepVersion);
        db.ExpectVersion(merge!, options.MergeVersion);

        var keepVictims = await db.Victims.Where(v => v.PersonId == keep!.Id).ToListAsync(ct);
        var mergeVictims = await db.Victims.Where(v => v.PersonId == merge!.Id).ToListAsync(ct);
        var keepRespondent = await db.Respondents.SingleOrDefaultAsync(r => r.PersonId == keep!.Id, ct);
        var mergeRespondent = await db.Respondents.SingleOrDefaultAsync(r => r.PersonId == merge!.Id, ct);
        var keepRespondentCases = await RespondentCasesAsync(keepRespondent, ct);
        var mergeRespondentCases = await RespondentCasesAsync(mergeRespondent, ct);
        var sharedVictimCases = keepVictims.Select(v => v.CaseId).Intersect(mergeVictims.Select(v => v.CaseId)).ToList();
        var victimAndRespondent = keepRespondentCases.Intersect(mergeVictims.Select(v => v.CaseId))
            .Concat(mergeRespondentCases.Intersect(keepVictims.Select(v => v.CaseId))).ToList();
        new RuleCheck()
            .Must(sharedVictimCases.Count == 0, "Input", "mergeId",
                "Both records are victims or protected persons on the same case: change that case first, so the person is on it once", "")
            .Must(victimAndRespondent.Count == 0, "Input", "mergeId",
                "One record is the respondent and the other a victim on the same case: the same person cannot be both, so these are not duplicates", "SPA 2019 s.1(1)")
            .Must(keep!.PncIdKey is null || merge!.PncIdKey is null || keep.PncIdKey == merge.PncIdKey, "Input", "mergeId",
                $"The records have different PNC IDs ({keep.PncId} and {merge!.PncId}): a PNC ID belongs to one person, so these are not duplicates", "")
            .ThrowIfBroken();

        RespondentsCombined? combined = null;
        if (keepRespondent is not null && mergeRespondent is not null)
        {
            combined = await CombineRespondentsAsync(keepRespondent, mergeRespondent, now, ct);
        }

        var names = keep.AbsorbNamesOf(merge!, now);
        foreach (var victim in mergeVictims)
        {
            victim.MoveTo(keep);
        }

        if (keepRespondent is null)
        {
            mergeRespondent?.MoveTo(keep);
        }

        db.Touch(keep);
        db.Touch(merge!);

        // DPA 2018 s.62(1): a merge is a combination of personal data, logged on both records with its reason.
        var reason = options.Reason.Trim();
        var moved = new
        {
            KeepId = keep.Id,
            MergedId = merge!.Id,
            MovedVictimIds = mergeVictims.Select(v => v.Id).ToList(),
            MovedRespondentId = keepRespondent is null ? mergeRespondent?.Id : null,
            RespondentsCombined = combined,
            NamesAdded = names.Count,
        };
        audit.Add(actor, AuditEvents.Person.Merged.For(keep.Id, reason, oldValues: new { KeepId = keep.Id, MergedId = merge.Id }, newValues: moved));
        audit.Add(actor, AuditEvents.Person.MergedInto.For(merge.Id, reason, oldValues: new { MergedIntoId = (Guid?)null }, newValues: moved));
        if (combined is not null)
        {
            audit.Add(actor, AuditEvents.Respondent.MergedInto.For(mergeRespondent!.Id, reason, oldValues: new { MergedIntoId = (Guid?)null }, newValues: combined));
        }

        await db.SaveChangesAsync(ct);
        return new PersonMergedOutcome(keep, merge!, moved.MovedVictimIds, moved.MovedRespondentId, names.Count, combined);
    }

    /// <summary>
    /// The person was recorded twice as a respondent. Orders, obligations and notifications are facts about the person, not the
    /// record, so all of them belong to the respondent kept: a notification there discharges an obligation that arose on either
    /// record (SPA 2019 s.9–10), and every order in force appears in the frontline lookup under one person.
    /// </summary>
    private async Task<RespondentsCombined> CombineRespondentsAsync(Respondent keep, Respondent merge, DateTimeOffset now, CancellationToken ct)
    {
        keep.Absorb(merge, now);
        var cases = await db.Cases.Where(c => c.RespondentId == merge.Id).ToListAsync(ct);
        var applications = await db.Applications.Where(a => a.RespondentId == merge.Id).ToListAsync(ct);
        var orders = await db.Orders.Where(o => o.RespondentId == merge.Id).ToListAsync(ct);
        var obligations = await db.NotificationObligations.Where(o => o.RespondentId == merge.Id).ToListAsync(ct);
        var notifications = await db.NotificationEvents.Where(e => e.RespondentId == merge.Id).ToListAsync(ct);
        var offences = await db.NotificationOffences.Where(o => o.RespondentId == merge.Id).ToListAsync(ct);
        var otherOrders = await db.RespondentOtherOrders.Where(o => o.RespondentId == merge.Id).ToListAsync(ct);
        var disclosures = await db.RightToKnowDisclosures.Where(d => d.RespondentId == merge.Id).ToListAsync(ct);
        foreach (var stalkingCase in cases)
        {
            stalkingCase.SetRespondent(keep.Id);
        }

        applications.ForEach(a => a.TransferTo(keep));
        orders.ForEach(o => o.TransferTo(keep));
        obligations.ForEach(o => o.TransferTo(keep));
        notifications.ForEach(e => e.TransferTo(keep));
        offences.ForEach(o => o.TransferTo(keep));
        otherOrders.ForEach(o => o.TransferTo(keep));
        disclosures.ForEach(d => d.TransferTo(keep));
        db.Touch(keep);
        db.Touch(merge);
        return new RespondentsCombined(keep.Id, merge.Id, Ids(cases, c => c.Id), Ids(applications, a => a.Id), Ids(orders, o => o.Id), Ids(obligations, o => o.Id),
            Ids(notifications, e => e.Id), Ids(offences, o => o.Id), Ids(otherOrders, o => o.Id), Ids(disclosures, d => d.Id));
    }

    private static List<Guid> Ids<T>(List<T> records, Func<T, Guid> id) => records.Select(id).ToList();

    private async Task<List<Guid>> RespondentCasesAsync(Respondent? respondent, CancellationToken ct) =>
        respondent is null ? [] : await db.Cases.AsNoTracking().Where(c => c.RespondentId == respondent.Id).Select(c => c.Id).ToListAsync(ct);
}
