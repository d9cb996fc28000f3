using Microsoft.AspNetCore.DataProtection;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Reports;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Reports;

/// <summary>Each triage command answers with what the report decided, and one <c>Explain</c> gives the words (R39 for a report closed).</summary>
public sealed class ReportTriagedOutcomeTests : IAsyncLifetime
{
    private static readonly DateOnly _today = new(2026, 11, 28);
    private readonly IDataProtectionProvider _protection = new EphemeralDataProtectionProvider();
    private TestDatabase _database = null!;

    private TestData TestData => new(_database);

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private Task<T> TriageAsync<T>(Func<TriageService, Task<T>> action) => TestData.WithServicesAsync(_today, s => action(s.Triage(_protection)));

    [Fact]
    public async Task R39_CloseWithoutACase_OutcomeGivesTheReasonAndKeepsTheDetails()
    {
        // Arrange
        var (reportId, reference) = await TestData.CreatePublicReportAsync(_protection);

        // Act
        var closed = await TriageAsync(t => t.CloseAsync(new CloseReportOptions(reportId, 1, TriageCloseReason.Duplicate, "Same as SPR-AAAA-BBBB"), TestData.Officer));

        // Assert
        Assert.Equal((TriageOutcome.Closed, TriageCloseReason.Duplicate, (Guid?)null), (closed.Outcome!.Value, closed.CloseReason!.Value, closed.CaseId));
        Assert.Equal($"Report {reference} closed without a case: duplicate of another report. The reason is kept: \"Same as SPR-AAAA-BBBB\" "
            + "(R39, Malik [2023] EWHC 3213 (Admin)).", closed.Explain());
    }

    [Fact]
    public async Task OpenCaseWithTheReporterAsVictim_OutcomeGivesTheCaseAndTheVictimWithTheirContactDetails()
    {
        // Arrange
        var (reportId, reference) = await TestData.CreatePublicReportAsync(_protection);

        // Act
        var opened = await TriageAsync(t => t.OpenCaseAsync(new OpenCaseFromReportOptions(reportId, null, ["CR/123/26"], OffencesConsidered.StalkingPha2A,
            TestData.Officer.Id, "Stalking Team", new ReporterAsVictim("Jo", "Bloggs", CopyContactDetails: true)), TestData.Officer));

        // Assert
        Assert.Equal((TriageOutcome.CaseOpened, true), (opened.Outcome!.Value, opened.ContactDetailsCopied));
        Assert.NotNull(opened.CaseId);
        Assert.NotNull(opened.VictimId);
        Assert.Equal($"Report {reference} triaged: a new case was opened from it, reported on the day the report was sent, with the report as its first "
            + "entries. The reporter was added as the victim, with their safe contact details.", opened.Explain());
    }

    [Fact]
    public async Task AddToCase_OutcomeGivesTheCaseJoined()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var (reportId, reference) = await TestData.CreatePublicReportAsync(_protection);

        // Act
        var added = await TriageAsync(t => t.AddToCaseAsync(new AddReportToCaseOptions(reportId, null, created.CaseId), TestData.Coordinator));

        // Assert
        Assert.Equal((TriageOutcome.AddedToCase, (Guid?)created.CaseId), (added.Outcome!.Value, added.CaseId));
        Assert.Equal($"Report {reference} triaged: its answers were added to the existing case.", added.Explain());
    }

    [Fact]
    public async Task StartTriageTwice_SecondOutcomeSaysTheReportIsAlreadyInTriage()
    {
        // Arrange
        var (reportId, reference) = await TestData.CreatePublicReportAsync(_protection);

        // Act
        var first = await TriageAsync(t => t.StartTriageAsync(reportId, null, TestData.Coordinator));
        var second = await TriageAsync(t => t.StartTriageAsync(reportId, null, TestData.Officer));

        // Assert
        Assert.Equal((true, false), (first.Started, second.Started));
        Assert.Equal($"Triage started: report {reference} is with DS Sam Coordinator until it is decided.", first.Explain());
        Assert.Equal($"Report {reference} is already in triage with DS Sam Coordinator.", second.Explain());
    }
}
