using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Reports;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Statistics;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Reports;

public sealed class TriageServiceTests : IAsyncLifetime
{
    private static readonly DateOnly _today = new(2026, 11, 28);
    private readonly IDataProtectionProvider _protection = new EphemeralDataProtectionProvider();
    private TestDatabase _database = null!;

    private TestData TestData => new(_database);

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private Task<T> TriageAsync<T>(Func<TriageService, Task<T>> action) => TestData.WithServicesAsync(_today, s => action(s.Triage(_protection)));

    private Task TriageAsync(Func<TriageService, Task> action) => TestData.WithServicesAsync(_today, s => action(s.Triage(_protection)));

    private static OpenCaseFromReportOptions OpenOptions(Guid reportId, ReporterAsVictim? victim = null, long? version = null) =>
        new(reportId, version, ["CR/123/26"], OffencesConsidered.StalkingPha2A, TestData.Officer.Id, "Stalking Team", victim);

    [Fact]
    public async Task OpenCase_ReportSentLateEveningInSummer_CaseReportedOnLondonDateWithReportReceivedEventAndNote()
    {
        // Arrange: 23:30 UTC on 1 July is 00:30 on 2 July in London.
        var sentAt = new DateTimeOffset(2026, 7, 1, 23, 30, 0, TimeSpan.Zero);
        var (reportId, reference) = await TestData.CreatePublicReportAsync(_protection, sentAt: sentAt);

        // Act
        var caseId = (await TriageAsync(t => t.OpenCaseAsync(OpenOptions(reportId), TestData.Officer))).CaseId!.Value;

        // Assert
        await using var db = _database.CreateContext();
        var stalkingCase = await db.Cases.SingleAsync(c => c.Id == caseId);
        Assert.Equal(new DateOnly(2026, 7, 2), stalkingCase.ReportedOn);
        var events = (await db.CaseEvents.Where(e => e.CaseId == caseId).ToListAsync()).OrderBy(e => e.Type).ToList();
        Assert.Equal([CaseEventType.ReportReceived, CaseEventType.Note], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(sentAt, e.OccurredAt));
        Assert.All(events, e => Assert.Equal(new DateOnly(2026, 7, 2), e.OccurredOn));
        Assert.Contains(reference, events[0].Text, StringComparison.Ordinal);
        Assert.Contains("Hanging around places they go", events[1].Text, StringComparison.Ordinal);
        Assert.Contains("Chris Example", events[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("07700", events[1].Text, StringComparison.Ordinal);
        var report = await db.PublicReports.SingleAsync(r => r.Id == reportId);
        Assert.Equal(PublicReportStatus.Closed, report.Status);
        Assert.Equal(TriageOutcome.CaseOpened, report.Outcome);
        Assert.Equal(caseId, report.CaseId);
        Assert.Equal(TestData.Officer.Name, report.TriagedByName);
        Assert.NotNull(report.TriagedAt);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "PublicReport.Triaged" && e.RecordId == reportId.ToString() && e.Kind == AuditKind.Alteration));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "Case.Opened" && e.RecordId == caseId.ToString()));
    }

    [Fact]
    public async Task OpenCase_ReporterIsVictimAndCopiesContact_VictimHasEncryptedContactDetailsAndTheCopyIsAudited()
    {
        // Arrange
        var (reportId, _) = await TestData.CreatePublicReportAsync(_protection);

        // Act
        var caseId = (await TriageAsync(t => t.OpenCaseAsync(OpenOptions(reportId, new ReporterAsVictim("Jo", "Bloggs", CopyContactDetails: true)), TestData.Officer))).CaseId!.Value;

        // Assert
        await using var db = _database.CreateContext();
        var victim = await db.Victims.SingleAsync(v => v.CaseId == caseId);
        Assert.Equal("Jo Bloggs", victim.Person.PrimaryName.FullName);
        var contact = await TestData.WithServicesAsync(_today, s => s.VictimContact(_protection).ReadAsync(victim.Id, TestData.Officer, "Checking the copy"));
        Assert.Equal("07700 900456", contact!.Phone);
        Assert.True(contact.VoicemailAllowed);
        Assert.Contains("Afternoons", contact.SafeTimes, StringComparison.Ordinal);
        Assert.Contains("Ask for: Jo", contact.SafeTimes, StringComparison.Ordinal);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "PublicReport.ContactDetailsCopied" && e.Kind == AuditKind.Consultation && e.RecordId == reportId.ToString()));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "VictimContact.Changed" && e.RecordId == victim.Id.ToString()));
    }

    [Fact]
    public async Task OpenCase_VictimFromReportAboutSomeoneElse_IsRefusedAndNothingSaved()
    {
        // Arrange
        var (reportId, _) = await TestData.CreatePublicReportAsync(_protection, a => a.ReportingFor = ReportingFor.SomeoneElse);

        // Act
        var error = await Assert.ThrowsAsync<RuleViolationException>(() =>
            TriageAsync(t => t.OpenCaseAsync(OpenOptions(reportId, new ReporterAsVictim("Jo", "Bloggs", false)), TestData.Officer)));

        // Assert
        Assert.Contains(error.Violations, v => v.Field == "victim");
        await using var db = _database.CreateContext();
        Assert.Equal(PublicReportStatus.New, (await db.PublicReports.SingleAsync(r => r.Id == reportId)).Status);
        Assert.Equal(0, await db.Cases.CountAsync());
    }

    [Fact]
    public async Task AddToCase_OpenCase_AddsTheReportToThatCaseAndLinksIt()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var (reportId, reference) = await TestData.CreatePublicReportAsync(_protection);

        // Act
        await TriageAsync(t => t.AddToCaseAsync(new AddReportToCaseOptions(reportId, null, created.CaseId), TestData.Coordinator));

        // Assert
        await using var db = _database.CreateContext();
        var report = await db.PublicReports.SingleAsync(r => r.Id == reportId);
        Assert.Equal(TriageOutcome.AddedToCase, report.Outcome);
        Assert.Equal(created.CaseId, report.CaseId);
        Assert.Equal(TestData.Coordinator.Name, report.TriagedByName);
        var received = await db.CaseEvents.SingleAsync(e => e.CaseId == created.CaseId && e.Type == CaseEventType.ReportReceived);
        Assert.Contains(reference, received.Text, StringComparison.Ordinal);
        Assert.Equal(reportId, received.PublicReportId);
    }

    [Fact]
    public async Task AddToCase_ClosedCase_IsRefused()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        await using (var db = _database.CreateContext())
        {
            (await db.Cases.SingleAsync(c => c.Id == created.CaseId)).Close(CaseOutcome.NoFurtherAction);
            await db.SaveChangesAsync();
        }

        var (reportId, _) = await TestData.CreatePublicReportAsync(_protection);

        // Act
        var error = await Assert.ThrowsAsync<RuleViolationException>(() =>
            TriageAsync(t => t.AddToCaseAsync(new AddReportToCaseOptions(reportId, null, created.CaseId), TestData.Officer)));

        // Assert
        Assert.Contains(error.Violations, v => v.Field == "caseId");
    }

    [Fact]
    public async Task R39_CloseWithoutAReason_IsRefused()
    {
        // Arrange
        var (reportId, _) = await TestData.CreatePublicReportAsync(_protection);

        // Act
        var error = await Assert.ThrowsAsync<RuleViolationException>(() =>
            TriageAsync(t => t.CloseAsync(new CloseReportOptions(reportId, null, TriageCloseReason.NotStalking, "  "), TestData.Officer)));

        // Assert
        Assert.Contains(error.Violations, v => v.RuleId == "R39" && v.Field == "details");
    }

    [Fact]
    public async Task Close_WithReason_RecordsOutcomeAndTheReasonInTheAudit()
    {
        // Arrange
        var (reportId, _) = await TestData.CreatePublicReportAsync(_protection);

        // Act
        await TriageAsync(t => t.CloseAsync(new CloseReportOptions(reportId, 1, TriageCloseReason.Duplicate, "Same as SPR-AAAA-BBBB"), TestData.Officer));

        // Assert
        await using var db = _database.CreateContext();
        var report = await db.PublicReports.SingleAsync(r => r.Id == reportId);
        Assert.Equal(TriageOutcome.Closed, report.Outcome);
        Assert.Equal(TriageCloseReason.Duplicate, report.CloseReason);
        Assert.Equal("Same as SPR-AAAA-BBBB", report.CloseDetails);
        Assert.Null(report.CaseId);
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "PublicReport.Triaged" && e.RecordId == reportId.ToString());
        Assert.Equal("Same as SPR-AAAA-BBBB", entry.Justification);
        Assert.Contains("Duplicate", entry.NewValues, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Triage_ReportAlreadyTriaged_IsRefused()
    {
        // Arrange
        var (reportId, _) = await TestData.CreatePublicReportAsync(_protection);
        await TriageAsync(t => t.CloseAsync(new CloseReportOptions(reportId, null, TriageCloseReason.NoFurtherAction, "Advice given"), TestData.Officer));

        // Act
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => TriageAsync(t => t.OpenCaseAsync(OpenOptions(reportId), TestData.Coordinator)));

        // Assert
        Assert.Contains(error.Violations, v => v.RuleId == "Status");
    }

    [Fact]
    public async Task Triage_SomeoneElseChangedTheReportSinceItWasRead_ConflictsAndKeepsTheirChange()
    {
        // Arrange: both read version 1; the first starts triage, the second then tries to close from version 1.
        var (reportId, _) = await TestData.CreatePublicReportAsync(_protection);
        await TriageAsync(t => t.StartTriageAsync(reportId, 1, TestData.Coordinator));

        // Act
        var error = await Record.ExceptionAsync(() =>
            TriageAsync(t => t.CloseAsync(new CloseReportOptions(reportId, 1, TriageCloseReason.NoFurtherAction, "Advice given"), TestData.Officer)));

        // Assert
        Assert.IsType<DbUpdateConcurrencyException>(error);
        await using var db = _database.CreateContext();
        var report = await db.PublicReports.SingleAsync(r => r.Id == reportId);
        Assert.Equal(PublicReportStatus.InTriage, report.Status);
        Assert.Equal(TestData.Coordinator.Name, report.TriageStartedByName);
        Assert.Equal(2, report.Version);
    }

    [Fact]
    public async Task Triage_TwoPeopleAtTheSameMoment_OnlyOneOutcomeIsSaved()
    {
        // Arrange: two contexts hold the same version of the report before either saves.
        var (reportId, _) = await TestData.CreatePublicReportAsync(_protection);
        await using var first = _database.CreateContext();
        await using var second = _database.CreateContext();
        var a = await first.PublicReports.SingleAsync(r => r.Id == reportId);
        var b = await second.PublicReports.SingleAsync(r => r.Id == reportId);
        a.Close(TriageCloseReason.NoFurtherAction, "Advice given", "officer-1", "PC One", new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        b.Close(TriageCloseReason.NotStalking, "A neighbour dispute", "officer-2", "PC Two", new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        await first.SaveChangesAsync(TestContext.Current.CancellationToken);

        // Act
        var error = await Record.ExceptionAsync(() => second.SaveChangesAsync(TestContext.Current.CancellationToken));

        // Assert
        Assert.IsType<DbUpdateConcurrencyException>(error);
        await using var db = _database.CreateContext();
        Assert.Equal("PC One", (await db.PublicReports.SingleAsync(r => r.Id == reportId)).TriagedByName);
    }

    [Fact]
    public async Task Queue_ImmediateDangerFirstThenOldest_WithoutDecidedReports()
    {
        // Arrange
        var older = await TestData.CreatePublicReportAsync(_protection, sentAt: new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        var newer = await TestData.CreatePublicReportAsync(_protection, sentAt: new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var danger = await TestData.CreatePublicReportAsync(_protection, a => a.InImmediateDanger = true, new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var decided = await TestData.CreatePublicReportAsync(_protection, sentAt: new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero));
        await TriageAsync(t => t.CloseAsync(new CloseReportOptions(decided.Id, null, TriageCloseReason.NoFurtherAction, "Advice given"), TestData.Officer));

        // Act
        var queue = await TriageAsync(t => t.QueueAsync(TestData.Officer));

        // Assert
        Assert.Equal([danger.Id, older.Id, newer.Id], queue.Select(r => r.Id));
        Assert.True(queue[0].InImmediateDanger);
    }

    [Fact]
    public async Task DPA2018_s62_ReadContactDetails_TriagingCoordinatorWithAReason_ReturnsThemAndAuditsTheReason()
    {
        // Arrange
        var (reportId, _) = await TestData.CreatePublicReportAsync(_protection);
        await TriageAsync(t => t.StartTriageAsync(reportId, null, TestData.Coordinator));

        // Act
        var contact = await TriageAsync(t => t.ReadContactDetailsAsync(reportId, TestData.Coordinator, isCoordinator: true, "Calling back about the report"));

        // Assert
        Assert.Equal("07700 900456", contact!.PhoneNumber);
        await using var db = _database.CreateContext();
        var read = await db.AuditEntries.SingleAsync(e => e.Action == "PublicReport.ContactDetailsViewed" && e.RecordId == reportId.ToString());
        Assert.Equal(AuditKind.Consultation, read.Kind);
        Assert.Equal(TestData.Coordinator.Id, read.ActorId);
        Assert.Equal("Calling back about the report", read.Justification);
    }

    [Fact]
    public async Task DPA2018_s62_ReadContactDetails_AnyoneButTheTriagingCoordinatorOrCaseOfficer_IsRefusedAndNothingIsAudited()
    {
        // Arrange
        var (reportId, _) = await TestData.CreatePublicReportAsync(_protection);
        await TriageAsync(t => t.StartTriageAsync(reportId, null, TestData.Coordinator));
        var otherCoordinator = TestData.Coordinator with { Id = "coordinator-2" };

        // Act
        var other = await Record.ExceptionAsync(() => TriageAsync(t => t.ReadContactDetailsAsync(reportId, otherCoordinator, isCoordinator: true, "Curious")));
        var officer = await Record.ExceptionAsync(() => TriageAsync(t => t.ReadContactDetailsAsync(reportId, TestData.Officer, isCoordinator: false, "Curious")));
        var noReason = await Record.ExceptionAsync(() => TriageAsync(t => t.ReadContactDetailsAsync(reportId, TestData.Coordinator, isCoordinator: true, " ")));

        // Assert
        Assert.IsType<UnauthorizedAccessException>(other);
        Assert.IsType<UnauthorizedAccessException>(officer);
        Assert.IsType<RuleViolationException>(noReason);
        await using var db = _database.CreateContext();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == "PublicReport.ContactDetailsViewed"));
    }

    [Fact]
    public async Task Dashboard_ReportsAwaitingTriage_CountsNewAndInTriageOnly()
    {
        // Arrange
        var first = await TestData.CreatePublicReportAsync(_protection);
        await TestData.CreatePublicReportAsync(_protection);
        var decided = await TestData.CreatePublicReportAsync(_protection);
        await TriageAsync(t => t.StartTriageAsync(first.Id, null, TestData.Officer));
        await TriageAsync(t => t.CloseAsync(new CloseReportOptions(decided.Id, null, TriageCloseReason.NoFurtherAction, "Advice given"), TestData.Officer));
        await using var db = _database.CreateContext();

        // Act
        var figures = await new DashboardQueries(db).GetAsync(_today, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(2, figures.ReportsAwaitingTriage);
    }
}
