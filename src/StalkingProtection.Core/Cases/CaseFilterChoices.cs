using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.Cases;

/// <summary>
/// The teams and officers in charge that the lists offer to filter by, over every case of the force. P1: each value is
/// found by one step along its index from the last (the next value greater than it), so a list page reads one index entry
/// per team or officer; SELECT DISTINCT would read an entry for every case on every page shown.
/// </summary>
public static class CaseFilterChoices
{
    private const string TeamsSql =
        """
        WITH RECURSIVE found(value) AS (
            SELECT MIN(team) FROM cases
            UNION ALL
            SELECT (SELECT MIN(c.team) FROM cases AS c WHERE c.team > found.value) FROM found WHERE found.value IS NOT NULL)
        SELECT value AS "Value" FROM found WHERE value IS NOT NULL LIMIT 500
        """;

    private const string OfficersSql =
        """
        WITH RECURSIVE found(value) AS (
            SELECT MIN(officer_in_charge) FROM cases
            UNION ALL
            SELECT (SELECT MIN(c.officer_in_charge) FROM cases AS c WHERE c.officer_in_charge > found.value) FROM found WHERE found.value IS NOT NULL)
        SELECT value AS "Value" FROM found WHERE value IS NOT NULL LIMIT 500
        """;

    /// <summary>Every team with a case, in the database's order of the column (as ORDER BY team), the first 500.</summary>
    public static Task<List<string>> TeamsAsync(StalkingProtectionDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.SqlQueryRaw<string>(TeamsSql).ToListAsync(ct);
    }

    /// <summary>Every officer in charge of a case, as stored on the case, in the column's order, the first 500.</summary>
    public static Task<List<string>> OfficersAsync(StalkingProtectionDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.SqlQueryRaw<string>(OfficersSql).ToListAsync(ct);
    }
}
