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
    /// and it is marked merged. Refused when the two are on one case in different roles, or are both respondents.
    /// </summary>
    public async Task MergeAsync(MergePeopleOptions options, Actor actor, CancellationToken ct = default)
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
            .Must(keepRespondent is null || mergeRespondent is null, "Input", "mergeId",
                "Both records are respondents with their own orders and notification history (SPA 2019 s.9); they cannot be combined here", "SPA 2019 s.9")
            .ThrowIfBroken();

        var names = keep!.AbsorbNamesOf(merge!, now);
        foreach (var victim in mergeVictims)
        {
            victim.MoveTo(keep);
        }

        mergeRespondent?.MoveTo(keep);
        db.Touch(keep);
        db.Touch(merge!);

        // DPA 2018 s.62(1): a merge is a combination of personal data, logged on both records with its reason.
        var reason = options.Reason.Trim();
        var moved = new
        {
            KeepId = keep.Id,
            MergedId = merge!.Id,
            MovedVictimIds = mergeVictims.Select(v => v.Id).ToList(),
            MovedRespondentId = mergeRespondent?.Id,
            NamesAdded = names.Count,
        };
        audit.Add(actor, AuditKind.Combination, "Person.Merged", nameof(Person), keep.Id, reason, new { KeepId = keep.Id, MergedId = merge.Id }, moved);
        audit.Add(actor, AuditKind.Combination, "Person.MergedInto", nameof(Person), merge.Id, reason, new { MergedIntoId = (Guid?)null }, moved);
        await db.SaveChangesAsync(ct);
    }

    private async Task<List<Guid>> RespondentCasesAsync(Respondent? respondent, CancellationToken ct) =>
        respondent is null ? [] : await db.Cases.AsNoTracking().Where(c => c.RespondentId == respondent.Id).Select(c => c.Id).ToListAsync(ct);
}
