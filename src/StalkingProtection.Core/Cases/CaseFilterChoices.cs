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
    private const int Limit = 500;

    // The column's name is one of the two constants below, never input.
    private static string StepAlong(string column) =>
        $"""
        WITH RECURSIVE found(value) AS (
            SELECT MIN({column}) FROM cases
            UNION ALL
            SELECT (SELECT MIN(c.{column}) FROM cases AS c WHERE c.{column} > found.value) FROM found WHERE found.value IS NOT NULL)
        SELECT value AS "Value" FROM found WHERE value IS NOT NULL LIMIT {Limit}
        """;

    private static readonly string TeamsSql = StepAlong("team");

    private static readonly string OfficersSql = StepAlong("officer_in_charge");

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
