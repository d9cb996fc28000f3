using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.People;

/// <summary>
/// A respondent's person and name in use, found by the respondent's key. The person's id comes from a subquery on the
/// respondent's primary key, not from <c>EXISTS</c> over every person or name: SQLite plans that <c>EXISTS</c> as a scan of
/// the whole people or names table, which every order page and journey caption paid for (P1, P2).
/// </summary>
public static class RespondentNames
{
    public static IQueryable<Person> PersonOfRespondent(this StalkingProtectionDbContext db, Guid respondentId) =>
        db.People.Where(p => p.Id == db.Respondents.Where(r => r.Id == respondentId).Select(r => r.PersonId).FirstOrDefault());

    /// <summary>The respondent's names that are not aliases, the first recorded first.</summary>
    public static IQueryable<PersonName> NamesInUseOfRespondent(this StalkingProtectionDbContext db, Guid respondentId) =>
        db.Set<PersonName>()
            .Where(n => !n.IsAlias && n.PersonId == db.Respondents.Where(r => r.Id == respondentId).Select(r => r.PersonId).FirstOrDefault())
            .OrderBy(n => n.Id);

    /// <summary>The name the respondent is known by (<see cref="Person.PrimaryName"/>), or null when there is no such respondent.</summary>
    public static async Task<string?> NameOfRespondentAsync(this StalkingProtectionDbContext db, Guid respondentId, CancellationToken ct)
    {
        var name = await db.NamesInUseOfRespondent(respondentId).AsNoTracking()
            .Select(n => new { n.GivenNames, n.FamilyName })
            .FirstOrDefaultAsync(ct);
        return name is null ? null : PersonName.FullNameOf(name.GivenNames, name.FamilyName);
    }
}
