using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Search;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Import;

public enum TrackerRowOutcome
{
    /// <summary>Dry run: the row will be imported. Import: it was.</summary>
    Create,
    AlreadyImported,
    Updated,
    Conflict,
    BreaksRule,
}

/// <summary>What is wrong with one row: the tracker column, the rulebook ID (or "Input") and the rule's own message.</summary>
public sealed record TrackerRowProblem(string Column, string RuleId, string Message);

public sealed record TrackerRowReport(int RowNumber, string OrderReference, TrackerRowOutcome Outcome, bool MatchesExistingPerson, bool NeedsReview,
    IReadOnlyList<TrackerRowProblem> Problems, IReadOnlyList<string> Notes, Guid? OrderId);

/// <summary>What an import did with each row; <see cref="BulkRows"/> were written by the bulk path, the rest through the services one by one.</summary>
public sealed record TrackerImportReport(Guid ImportId, bool DryRun, IReadOnlyList<TrackerRowReport> Rows, int BulkRows = 0)
{
    public int Count(TrackerRowOutcome outcome) => Rows.Count(r => r.Outcome == outcome);

    public int MatchingExistingPeople => Rows.Count(r => r.MatchesExistingPerson && r.Outcome == TrackerRowOutcome.Create);

    public int NeedingReview => Rows.Count(r => r.NeedsReview && r.Outcome is TrackerRowOutcome.Create or TrackerRowOutcome.Updated);

    public bool HasProblems => Rows.Any(r => r.Outcome is TrackerRowOutcome.BreaksRule or TrackerRowOutcome.Conflict);
}

/// <summary>The import's settings (section <c>StalkingProtection:Import</c>).</summary>
public sealed class TrackerImportOptions
{
    public const string SectionName = "StalkingProtection:Import";

    /// <summary>Rows that only create records go in through the bulk path (<see cref="TrackerBulkRows"/>); off, every row goes through the services.</summary>
    public bool Bulk { get; set; } = true;

    /// <summary>How many bulk rows commit together: a kill loses at most the chunk being written, which the next run imports.</summary>
    public int BulkChunkSize { get; set; } = 10_000;
}

/// <summary>
/// Imports a force's SPO tracker (docs/import-tracker.md): each row through the same services and rule checks as the
/// workspace, on the days the things happened, one transaction per row; rows that only create records are made by the same
/// entity methods in memory and written in chunks (<see cref="TrackerBulkRows"/>). A dry run runs the per-row steps and rolls them back.
/// </summary>
public sealed class TrackerImportService(StalkingProtectionDbContext db, AuditLog auditLog, TimeProvider timeProvider,
    Microsoft.Extensions.Options.IOptions<TrackerImportOptions>? options = null)
{
    public const string Team = "Imported from tracker";

    private readonly TrackerImportOptions _options = options?.Value ?? new TrackerImportOptions();

    public async Task<TrackerImportReport> RunAsync(IReadOnlyList<TrackerRow> rows, bool dryRun, Actor by, IProgress<int>? progress = null,
        CancellationToken ct = default)
    {
        var importId = Guid.CreateVersion7(timeProvider.GetUtcNow());
        var actor = new Actor($"tracker-import:{importId}", $"Tracker import {importId}", StaffRoles.Coordinator, Team);
        if (!dryRun)
        {
            auditLog.Add(by, AuditEvents.TrackerImport.Started.For(importId,
                newValues: new { Rows = rows.Count }));
            await db.SaveChangesAsync(ct);
        }

        var duplicates = rows.GroupBy(r => r.Key, StringComparer.OrdinalIgnoreCase).Where(g => g.Key.Length > 0 && g.Count() > 1)
            .Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var reports = new TrackerRowReport?[rows.Count];
        var done = 0;
        void Done(int index, TrackerRowReport report)
        {
            reports[index] = report;
            progress?.Report(++done);
        }

        var (perRow, bulkRows) = !dryRun && _options.Bulk
            ? await RunBulkAsync(rows, duplicates, actor, Done, ct)
            : (Enumerable.Range(0, rows.Count).ToList(), 0);
        foreach (var index in perRow)
        {
            ct.ThrowIfCancellationRequested();
            var row = rows[index];
            Done(index, duplicates.Contains(row.Key)
                ? Broken(row, [new(TrackerColumns.HeaderOf(TrackerColumn.OrderReference), "Input", "Each order reference can appear only once in the file")])
                : await RunRowAsync(row, dryRun, actor, ct));
            db.ChangeTracker.Clear();
        }

        return new TrackerImportReport(importId, dryRun, [.. reports.Select(r => r!)], bulkRows);
    }

    /// <summary>
    /// The bulk path: rows that only create records, for a respondent not in the register, or created by an earlier bulk row, are
    /// written a chunk at a time; answers the rows left to the per-row path (a row already imported but changed, a row matching a person
    /// of the register or of a row left to the per-row path, a row naming its officer by a staff account's id, a row an entity refused and
    /// the chunk's other rows of its respondent), in file order, to run after every chunk has committed.
    /// </summary>
    private async Task<(List<int> PerRow, int Bulk)> RunBulkAsync(IReadOnlyList<TrackerRow> rows, HashSet<string> duplicates, Actor actor, Action<int, TrackerRowReport> done,
        CancellationToken ct)
    {
        var today = LondonTime.DateOf(timeProvider.GetUtcNow());
        var imported = await db.TrackerImportedRows.AsNoTracking().Select(r => new { r.RowKey, r.RowHash, r.OrderId })
            .ToDictionaryAsync(r => r.RowKey, StringComparer.Ordinal, ct);
        // The keys of people a row is matched with by the per-row path (FindRespondentAsync): those of the register and of the rows
        // left to the per-row path. A respondent the bulk rows created is matched in memory instead.
        var people = await RespondentKeysAsync(ct);
        var built = new Dictionary<string, TrackerBulkRows.BulkRespondent>(StringComparer.Ordinal);
        var perRow = new List<int>();
        var bulk = new TrackerBulkRows(db, timeProvider, actor);
        var pending = new List<(int Index, TrackerRow Row, TrackerRowRecorder.Result Result, bool Matched)>();
        var written = 0;

        // From here on, the person is matched by the per-row path, which then may add to their records: no later row takes them in memory.
        void LeaveToPerRow(IEnumerable<string> keys)
        {
            foreach (var key in keys)
            {
                people.Add(key);
                if (built.Remove(key, out var respondent))
                {
                    LeaveToPerRow(respondent.Keys);
                }
            }
        }

        async Task FlushAsync()
        {
            if (pending.Count == 0)
            {
                return;
            }

            if (await bulk.WriteAsync(ct))
            {
                written += pending.Count;
                foreach (var (index, row, result, matched) in pending)
                {
                    done(index, new TrackerRowReport(row.RowNumber, row.Key, TrackerRowOutcome.Create, matched, result.Notes.Count > 0, [], result.Notes, result.OrderId));
                }
            }
            else
            {
                // The chunk's changes to the respondents' records in memory were not saved: from here on, the services match them.
                perRow.AddRange(pending.Select(p => p.Index));
                people.UnionWith(built.Keys);
                built.Clear();
            }

            pending.Clear();
        }

        for (var index = 0; index < rows.Count; index++)
        {
            ct.ThrowIfCancellationRequested();
            var row = rows[index];
            var parsed = duplicates.Contains(row.Key) ? null : TrackerOrder.Parse(row, today);
            if (parsed?.Order is not { } order)
            {
                perRow.Add(index);
                continue;
            }

            var key = TrackerImportedRow.NormaliseKey(row.Key);
            var keys = RespondentKeys(order).ToList();
            if (imported.TryGetValue(key, out var earlier))
            {
                LeaveToPerRow(keys);
                if (earlier.RowHash == row.Hash)
                {
                    done(index, new TrackerRowReport(row.RowNumber, row.Key, TrackerRowOutcome.AlreadyImported, false, false, [], [], earlier.OrderId));
                }
                else
                {
                    perRow.Add(index);
                }

                continue;
            }

            if (keys.Any(people.Contains) || !TrackerBulkRows.Handles(order))
            {
                perRow.Add(index);
                LeaveToPerRow(keys);
                continue;
            }

            // FindRespondentAsync: by the PNC ID, else by the date of birth with the family name; a respondent the bulk rows created is
            // found by these keys alone, since no other person has them.
            var respondent = order.PncId is { } pnc && built.TryGetValue("pnc:" + ReferenceKeys.PncId(pnc), out var byPnc) ? byPnc
                : order.DateOfBirth is { } dob && built.TryGetValue(Born(dob, order.FamilyName), out var born) ? born
                : null;
            if (bulk.TryAdd(index, order, key, row.Hash, respondent, keys, out var added) is not { } result)
            {
                if (respondent is not null)
                {
                    // The refused row may have changed the respondent's records in memory: their rows of this chunk, and every later one,
                    // go through the services.
                    var evicted = bulk.Evict(respondent);
                    pending.RemoveAll(p => evicted.Contains(p.Index));
                    perRow.AddRange(evicted);
                }

                perRow.Add(index);
                LeaveToPerRow(keys);
                continue;
            }

            if (respondent is null)
            {
                foreach (var respondentKey in keys)
                {
                    built[respondentKey] = added!;
                }
            }

            pending.Add((index, row, result, respondent is not null));
            if (pending.Count >= Math.Max(1, _options.BulkChunkSize))
            {
                await FlushAsync();
            }
        }

        await FlushAsync();
        perRow.Sort();
        return (perRow, written);
    }

    /// <summary>What <see cref="FindRespondentAsync"/> matches a respondent by: the PNC ID's key, or the date of birth with the family name.</summary>
    private static IEnumerable<string> RespondentKeys(TrackerOrder order)
    {
        if (order.PncId is { } pnc)
        {
            yield return "pnc:" + ReferenceKeys.PncId(pnc);
        }

        if (order.DateOfBirth is { } dob)
        {
            yield return Born(dob, order.FamilyName);
        }
    }

    private static string Born(DateOnly dob, string familyName) => $"born:{dob:yyyy-MM-dd}:{familyName.ToUpperInvariant()}";

    /// <summary>Every respondent in the register by the keys a row is matched by; any name of theirs, so an alias sends a row to the per-row path too.</summary>
    private async Task<HashSet<string>> RespondentKeysAsync(CancellationToken ct)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var respondents = db.Respondents.AsNoTracking().Where(r => r.MergedIntoId == null);
        foreach (var pnc in await respondents.Where(r => r.Person.PncIdKey != null).Select(r => r.Person.PncIdKey!).ToListAsync(ct))
        {
            keys.Add("pnc:" + pnc);
        }

        var named = from r in respondents
                    join p in db.People on r.PersonId equals p.Id
                    where p.DateOfBirth != null
                    join n in db.Set<PersonName>() on p.Id equals n.PersonId
                    select new { p.DateOfBirth, n.FamilyName };
        foreach (var name in await named.ToListAsync(ct))
        {
            keys.Add(Born(name.DateOfBirth!.Value, name.FamilyName));
        }

        return keys;
    }

    private static TrackerRowReport Broken(TrackerRow row, IReadOnlyList<TrackerRowProblem> problems, bool matches = false) =>
        new(row.RowNumber, row.Key, TrackerRowOutcome.BreaksRule, matches, false, problems, [], null);

    private async Task<TrackerRowReport> RunRowAsync(TrackerRow row, bool dryRun, Actor actor, CancellationToken ct)
    {
        var parsed = TrackerOrder.Parse(row, LondonTime.DateOf(timeProvider.GetUtcNow()));
        if (parsed.Problems.Count > 0)
        {
            return Broken(row, parsed.Problems);
        }

        var order = parsed.Order!;
        var key = TrackerImportedRow.NormaliseKey(row.Key);
        var imported = await db.TrackerImportedRows.SingleOrDefaultAsync(r => r.RowKey == key, ct);
        if (imported is not null)
        {
            return imported.RowHash == row.Hash
                ? new TrackerRowReport(row.RowNumber, row.Key, TrackerRowOutcome.AlreadyImported, false, false, [], [], imported.OrderId)
                : await UpdateAsync(row, order, imported, dryRun, actor, ct);
        }

        var existing = await FindRespondentAsync(order, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var result = await new TrackerRowRecorder(db, timeProvider, actor).RecordAsync(order, existing, ct);
            if (dryRun)
            {
                await transaction.RollbackAsync(ct);
            }
            else
            {
                db.TrackerImportedRows.Add(TrackerImportedRow.Create(key, row.Hash, result.OrderId,
                    (await db.Orders.AsNoTracking().SingleAsync(o => o.Id == result.OrderId, ct)).Version, actor, timeProvider.GetUtcNow()));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }

            return new TrackerRowReport(row.RowNumber, row.Key, TrackerRowOutcome.Create, existing is not null, result.Notes.Count > 0, [], result.Notes,
                dryRun ? null : result.OrderId);
        }
        catch (TrackerStepException e)
        {
            await transaction.RollbackAsync(ct);
            return Broken(row, e.Problems, existing is not null);
        }
        catch (DbUpdateException)
        {
            // A value the database refuses (one the rule checks do not cover) leaves this row out, not the rest of the file.
            await transaction.RollbackAsync(ct);
            return Broken(row, [new(TrackerColumns.HeaderOf(TrackerColumn.OrderReference), "Input", "The row could not be saved: check its values against the tracker's columns")],
                existing is not null);
        }
    }

    /// <summary>A changed row: a newly given service or discharge is recorded on an order nobody has changed since; anything else is a conflict.</summary>
    private async Task<TrackerRowReport> UpdateAsync(TrackerRow row, TrackerOrder order, TrackerImportedRow imported, bool dryRun, Actor actor,
        CancellationToken ct)
    {
        var current = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == imported.OrderId, ct);
        TrackerRowReport Conflict(string column, string message) =>
            new(row.RowNumber, row.Key, TrackerRowOutcome.Conflict, false, false, [new(column, "Conflict", message)], [], imported.OrderId);

        if (current is null || current.Version != imported.OrderVersion)
        {
            return Conflict(TrackerColumns.HeaderOf(TrackerColumn.OrderReference),
                "The row has changed since it was imported, and so has the order in the service: make the change in the workspace");
        }

        var recorded = (await TrackerExport.RowsAsync(db, [current.Id], ct)).Single();
        var changed = Enum.GetValues<TrackerColumn>()
            .Where(c => !Same(c, recorded[c], row[c]))
            .ToList();
        var updatable = changed.All(c => c is TrackerColumn.ServedOn or TrackerColumn.DischargedOn && recorded[c].Length == 0);
        if (!updatable)
        {
            var first = changed.FirstOrDefault(c => c is not (TrackerColumn.ServedOn or TrackerColumn.DischargedOn) || recorded[c].Length > 0);
            return Conflict(TrackerColumns.HeaderOf(first),
                $"\"{TrackerColumns.HeaderOf(first)}\" has changed since the row was imported: the import records only a newly given service or discharge; make other changes in the workspace");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var recorder = new TrackerRowRecorder(db, timeProvider, actor);
            if (changed.Contains(TrackerColumn.ServedOn))
            {
                await recorder.ServeAsync(current.Id, order, ct);
            }

            if (changed.Contains(TrackerColumn.DischargedOn))
            {
                await recorder.DischargeAsync(current.Id, order, ct);
            }

            if (dryRun)
            {
                await transaction.RollbackAsync(ct);
            }
            else
            {
                var tracked = await db.TrackerImportedRows.SingleAsync(r => r.Id == imported.Id, ct);
                tracked.Update(row.Hash, (await db.Orders.AsNoTracking().SingleAsync(o => o.Id == current.Id, ct)).Version, actor, timeProvider.GetUtcNow());
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }

            return new TrackerRowReport(row.RowNumber, row.Key, TrackerRowOutcome.Updated, false, false, [],
                [$"Records {string.Join(" and ", changed.Select(c => TrackerColumns.HeaderOf(c).ToLowerInvariant()))}"], current.Id);
        }
        catch (TrackerStepException e)
        {
            await transaction.RollbackAsync(ct);
            return Broken(row, e.Problems);
        }
    }

    private static bool Same(TrackerColumn column, string recorded, string given)
    {
        if (column is TrackerColumn.Conditions or TrackerColumn.ProtectedPersons or TrackerColumn.Breaches or TrackerColumn.NotificationDates or TrackerColumn.Variations)
        {
            return TrackerColumns.SplitList(recorded).SequenceEqual(TrackerColumns.SplitList(given), StringComparer.OrdinalIgnoreCase);
        }

        if (TrackerFile.ParseDate(recorded) is { } a && TrackerFile.ParseDate(given) is { } b)
        {
            return a == b;
        }

        return column switch
        {
            TrackerColumn.ApplicantForce => TrackerOrder.ParseForce(recorded) == TrackerOrder.ParseForce(given),
            _ => string.Equals(TrackerColumns.Normalise(recorded), TrackerColumns.Normalise(given), StringComparison.Ordinal),
        };
    }

    /// <summary>R-matching of people: the same PNC ID, or the same family name and date of birth.</summary>
    private async Task<Respondent?> FindRespondentAsync(TrackerOrder order, CancellationToken ct)
    {
        if (order.PncId is { } pnc)
        {
            // The PNC ID however either side wrote it ("12/34567A", "2012/0034567A"), by equality on the index of its key (P1).
            var pncKey = ReferenceKeys.PncId(pnc);
            var byPnc = await db.Respondents.Include(r => r.Person).ThenInclude(p => p.Names)
                .Where(r => r.MergedIntoId == null && r.Person.PncIdKey == pncKey).OrderBy(r => r.Id).FirstOrDefaultAsync(ct);
            if (byPnc is not null)
            {
                return byPnc;
            }
        }

        if (order.DateOfBirth is { } dob)
        {
            var bornThatDay = await db.Respondents.Include(r => r.Person).ThenInclude(p => p.Names)
                .Where(r => r.MergedIntoId == null && r.Person.DateOfBirth == dob).OrderBy(r => r.Id).ToListAsync(ct);
            return bornThatDay.FirstOrDefault(r => string.Equals(r.Person.PrimaryName.FamilyName, order.FamilyName, StringComparison.OrdinalIgnoreCase));
        }

        return null;
    }
}
