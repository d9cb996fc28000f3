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

public sealed record TrackerImportReport(Guid ImportId, bool DryRun, IReadOnlyList<TrackerRowReport> Rows)
{
    public int Count(TrackerRowOutcome outcome) => Rows.Count(r => r.Outcome == outcome);

    public int MatchingExistingPeople => Rows.Count(r => r.MatchesExistingPerson && r.Outcome == TrackerRowOutcome.Create);

    public int NeedingReview => Rows.Count(r => r.NeedsReview && r.Outcome is TrackerRowOutcome.Create or TrackerRowOutcome.Updated);

    public bool HasProblems => Rows.Any(r => r.Outcome is TrackerRowOutcome.BreaksRule or TrackerRowOutcome.Conflict);
}

/// <summary>
/// Imports a force's SPO tracker (docs/import-tracker.md): each row through the same services and rule checks as the
/// workspace, on the days the things happened, one transaction per row. A dry run runs the same steps and rolls them back.
/// </summary>
public sealed class TrackerImportService(StalkingProtectionDbContext db, AuditLog auditLog, TimeProvider timeProvider)
{
    public const string Team = "Imported from tracker";

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
        var reports = new List<TrackerRowReport>();
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            reports.Add(duplicates.Contains(row.Key)
                ? Broken(row, [new(TrackerColumns.HeaderOf(TrackerColumn.OrderReference), "Input", "Each order reference can appear only once in the file")])
                : await RunRowAsync(row, dryRun, actor, ct));
            db.ChangeTracker.Clear();
            progress?.Report(reports.Count);
        }

        return new TrackerImportReport(importId, dryRun, reports);
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
