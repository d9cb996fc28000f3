using Spectre.Console;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Import;

namespace StalkingProtection.Web.Infrastructure.Startup;

/// <summary><c>import FILE [--dry-run]</c>: a force's SPO tracker through the same engine as the upload page (docs/import-tracker.md).</summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(WebApplication app, string? file, bool dryRun, IAnsiConsole console)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            console.MarkupLine("[red]Name the tracker to import:[/] import tracker.csv [[--dry-run]]");
            return 2;
        }

        IReadOnlyList<TrackerRow> rows;
        try
        {
            await using var stream = File.OpenRead(file);
            rows = TrackerFile.Read(stream, file);
        }
        catch (Exception e) when (e is TrackerFileException or IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]Cannot import {file}:[/] {e.Message}");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<TrackerImportService>();
        var by = new Actor("command-line", $"{Environment.UserName} (command line)", null);
        TrackerImportReport report = null!;
        await console.Progress().StartAsync(async context =>
        {
            var task = context.AddTask(dryRun ? "Checking rows" : "Importing rows", maxValue: rows.Count);
            report = await service.RunAsync(rows, dryRun, by, new Progress<int>(done => task.Value = done));
            task.Value = rows.Count;
        });

        var table = new Table().AddColumns("Row", "Order reference", "Outcome", "Column", "Rule", "Message");
        foreach (var row in report.Rows.Where(r => r.Outcome is TrackerRowOutcome.BreaksRule or TrackerRowOutcome.Conflict || r.NeedsReview))
        {
            var problems = row.Problems.Count > 0 ? row.Problems : row.Notes.Select(n => new TrackerRowProblem("", "", n)).ToList();
            foreach (var problem in problems)
            {
                table.AddRow(Markup.Escape(row.RowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)), Markup.Escape(row.OrderReference),
                    Markup.Escape(row.Outcome.ToString()), Markup.Escape(problem.Column), Markup.Escape(problem.RuleId), Markup.Escape(problem.Message));
            }
        }

        if (table.Rows.Count > 0)
        {
            console.Write(table);
        }

        var verb = dryRun ? "would create" : "created";
        console.MarkupLineInterpolated(
            $"{(dryRun ? "Dry run" : "Import")} {report.ImportId}: {rows.Count} rows; {report.Count(TrackerRowOutcome.Create)} {verb} ({report.MatchingExistingPeople} for people already recorded, {report.NeedingReview} to review), {report.Count(TrackerRowOutcome.AlreadyImported)} already imported, {report.Count(TrackerRowOutcome.Updated)} updated, {report.Count(TrackerRowOutcome.Conflict)} conflicts, {report.Count(TrackerRowOutcome.BreaksRule)} breaking a rule.");
        return report.HasProblems ? 1 : 0;
    }
}
