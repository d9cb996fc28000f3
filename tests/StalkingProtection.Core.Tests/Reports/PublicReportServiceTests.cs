using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Reports;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Reports;

public sealed class PublicReportServiceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = TestClock.At(new DateOnly(2026, 11, 28));
    private readonly IDataProtectionProvider _dataProtection = new EphemeralDataProtectionProvider();
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private PublicReportService Service(StalkingProtectionDbContext db) => new(db, _dataProtection, new AuditLog(db, _clock), _clock);

    private async Task<T> WithServiceAsync<T>(Func<PublicReportService, StalkingProtectionDbContext, Task<T>> action)
    {
        await using var db = _database.CreateContext();
        return await action(Service(db), db);
    }

    private async Task<Guid> CompleteDraftAsync()
    {
        var draftId = await WithServiceAsync((s, _) => s.StartDraftAsync());
        await WithServiceAsync((s, _) => s.UpdateAnswersAsync(draftId, ReportAnswersExamples.Complete));
        return draftId;
    }

    [Fact]
    public async Task UpdateAnswers_ActiveDraft_StoresAnswersEncrypted()
    {
        // Arrange
        var draftId = await WithServiceAsync((s, _) => s.StartDraftAsync());

        // Act
        await WithServiceAsync((s, _) => s.UpdateAnswersAsync(draftId, ReportAnswersExamples.Complete));
        var state = await WithServiceAsync((s, _) => s.GetDraftAsync(draftId));

        // Assert
        Assert.Equal(DraftStatus.Active, state.Status);
        Assert.Equal("07700 900456", state.Answers.PhoneNumber);
        var stored = await WithServiceAsync((_, db) => db.PublicReportDrafts.SingleAsync(d => d.Id == draftId));
        Assert.DoesNotContain("07700", stored.ProtectedAnswers, StringComparison.Ordinal);
        Assert.DoesNotContain("going to the gym", stored.ProtectedAnswers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDraft_AfterThirtyMinutesIdle_ReturnsExpiredAndDeletesIt()
    {
        // Arrange
        var draftId = await CompleteDraftAsync();
        _clock.Advance(PublicReportService.DraftLifetime);

        // Act
        var state = await WithServiceAsync((s, _) => s.GetDraftAsync(draftId));

        // Assert
        Assert.Equal(DraftStatus.Expired, state.Status);
        Assert.Null(state.Answers.PhoneNumber);
        Assert.False(await WithServiceAsync((_, db) => db.PublicReportDrafts.AnyAsync(d => d.Id == draftId)));
    }

    [Fact]
    public async Task GetDraft_ActivityWithinThirtyMinutes_ExtendsTheDraft()
    {
        // Arrange
        var draftId = await CompleteDraftAsync();
        _clock.Advance(TimeSpan.FromMinutes(25));
        await WithServiceAsync((s, _) => s.GetDraftAsync(draftId));

        // Act
        _clock.Advance(TimeSpan.FromMinutes(25));
        var state = await WithServiceAsync((s, _) => s.GetDraftAsync(draftId));

        // Assert
        Assert.Equal(DraftStatus.Active, state.Status);
    }

    [Fact]
    public async Task StartDraft_OtherDraftsExpired_DeletesThem()
    {
        // Arrange
        var old = await CompleteDraftAsync();
        _clock.Advance(TimeSpan.FromHours(1));

        // Act
        var fresh = await WithServiceAsync((s, _) => s.StartDraftAsync());

        // Assert
        var ids = await WithServiceAsync((_, db) => db.PublicReportDrafts.Select(d => d.Id).ToListAsync());
        Assert.DoesNotContain(old, ids);
        Assert.Contains(fresh, ids);
    }

    [Fact]
    public async Task Submit_CompleteDraft_QueuesNewReportWithEncryptedContactAndAuditsCollection()
    {
        // Arrange
        var draftId = await CompleteDraftAsync();

        // Act
        var result = await WithServiceAsync((s, _) => s.SubmitAsync(draftId));

        // Assert
        Assert.Equal(SubmitOutcome.Sent, result.Outcome);
        var report = await WithServiceAsync((_, db) => db.PublicReports.SingleAsync(r => r.DraftId == draftId));
        Assert.Equal(result.Reference, report.Reference);
        Assert.Equal(PublicReportStatus.New, report.Status);
        Assert.Equal(_clock.GetUtcNow(), report.SubmittedAt);
        Assert.Equal(1, report.Version);
        Assert.DoesNotContain("07700", report.ProtectedContact, StringComparison.Ordinal);
        var contact = _dataProtection.CreateProtector(PublicReportService.ContactPurpose).Unprotect(report.ProtectedContact!);
        Assert.Contains("07700 900456", contact, StringComparison.Ordinal);
        var audit = await WithServiceAsync((_, db) => db.AuditEntries.SingleAsync(a => a.RecordId == report.Id.ToString()));
        Assert.Equal(AuditKind.Collection, audit.Kind);
        Assert.Equal(PublicReportService.PublicActor.Id, audit.ActorId);
        var draft = await WithServiceAsync((_, db) => db.PublicReportDrafts.SingleAsync(d => d.Id == draftId));
        Assert.Equal(string.Empty, draft.ProtectedAnswers);
        Assert.Equal(report.Id, draft.ReportId);
    }

    [Fact]
    public async Task Submit_SameDraftTwice_GivesOneReportAndTheSameReference()
    {
        // Arrange
        var draftId = await CompleteDraftAsync();

        // Act
        var first = await WithServiceAsync((s, _) => s.SubmitAsync(draftId));
        var second = await WithServiceAsync((s, _) => s.SubmitAsync(draftId));

        // Assert
        Assert.Equal(SubmitOutcome.Sent, first.Outcome);
        Assert.Equal(SubmitOutcome.AlreadySent, second.Outcome);
        Assert.Equal(first.Reference, second.Reference);
        Assert.Equal(1, await WithServiceAsync((_, db) => db.PublicReports.CountAsync(r => r.DraftId == draftId)));
    }

    [Fact]
    public async Task Submit_SameDraftAtTheSameMoment_GivesOneReport()
    {
        // Arrange
        var draftId = await CompleteDraftAsync();

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => WithServiceAsync((s, _) => s.SubmitAsync(draftId)))));

        // Assert
        Assert.Single(results, r => r.Outcome == SubmitOutcome.Sent);
        Assert.Single(results.Select(r => r.Reference).Distinct());
        Assert.Equal(1, await WithServiceAsync((_, db) => db.PublicReports.CountAsync(r => r.DraftId == draftId)));
    }

    [Fact]
    public async Task Submit_IncompleteDraft_StoresNothingAndNamesTheQuestion()
    {
        // Arrange
        var draftId = await WithServiceAsync((s, _) => s.StartDraftAsync());
        await WithServiceAsync((s, _) => s.UpdateAnswersAsync(draftId, a => a.ReportingFor = ReportingFor.Myself));

        // Act
        var result = await WithServiceAsync((s, _) => s.SubmitAsync(draftId));

        // Assert
        Assert.Equal(SubmitOutcome.Incomplete, result.Outcome);
        Assert.Equal(ReportStep.ImmediateDanger, result.FirstUnanswered);
        Assert.False(await WithServiceAsync((_, db) => db.PublicReports.AnyAsync(r => r.DraftId == draftId)));
    }

    [Fact]
    public async Task Submit_ExpiredDraft_ReturnsExpired()
    {
        // Arrange
        var draftId = await CompleteDraftAsync();
        _clock.Advance(TimeSpan.FromMinutes(31));

        // Act
        var result = await WithServiceAsync((s, _) => s.SubmitAsync(draftId));

        // Assert
        Assert.Equal(SubmitOutcome.Expired, result.Outcome);
        Assert.False(await WithServiceAsync((_, db) => db.PublicReports.AnyAsync(r => r.DraftId == draftId)));
    }

    [Fact]
    public async Task UpdateAnswers_AfterSubmit_ReturnsSubmittedAndKeepsTheDraftEmpty()
    {
        // Arrange
        var draftId = await CompleteDraftAsync();
        await WithServiceAsync((s, _) => s.SubmitAsync(draftId));

        // Act
        var state = await WithServiceAsync((s, _) => s.UpdateAnswersAsync(draftId, a => a.Effect = "changed"));

        // Assert
        Assert.Equal(DraftStatus.Submitted, state.Status);
        Assert.Equal(string.Empty, (await WithServiceAsync((_, db) => db.PublicReportDrafts.SingleAsync(d => d.Id == draftId))).ProtectedAnswers);
    }

    [Fact]
    public async Task Discard_ActiveDraft_DeletesIt()
    {
        // Arrange
        var draftId = await CompleteDraftAsync();

        // Act
        await WithServiceAsync(async (s, _) =>
        {
            await s.DiscardAsync(draftId);
            return 0;
        });

        // Assert
        Assert.Equal(DraftStatus.Missing, (await WithServiceAsync((s, _) => s.GetDraftAsync(draftId))).Status);
    }

    [Fact]
    public async Task Submit_SafeContactDetails_AreStoredEncryptedAndDecryptBack()
    {
        // Arrange
        var draftId = await CompleteDraftAsync();
        await WithServiceAsync((s, _) => s.SubmitAsync(draftId));

        // Act
        var stored = await WithServiceAsync((_, db) => db.PublicReports.Where(r => r.DraftId == draftId).Select(r => r.ProtectedContact).SingleAsync());

        // Assert
        Assert.DoesNotContain("07700", stored!, StringComparison.Ordinal);
        Assert.Equal(new SafeContactDetails(null, "07700 900456", null, "Afternoons", true), SafeContactProtection.Unprotect(_dataProtection, stored));
    }

    [Fact]
    public void NewReference_Always_HasTheReferenceFormat()
    {
        // Arrange
        var references = Enumerable.Range(0, 200).Select(_ => PublicReportService.NewReference()).ToList();

        // Act
        var invalid = references.Where(r => !System.Text.RegularExpressions.Regex.IsMatch(r, "^SPR-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$")).ToList();

        // Assert
        Assert.Empty(invalid);
        Assert.True(references.Distinct().Count() > 195);
    }
}

public static class ReportAnswersExamples
{
    public static void Complete(ReportAnswers a)
    {
        a.InImmediateDanger = false;
        a.ReportingFor = ReportingFor.Myself;
        a.Behaviours = StalkingBehaviours.Following | StalkingBehaviours.Loitering;
        a.StartedWhen = "In March";
        a.HowOften = HowOften.AboutOnceAWeek;
        a.SuspectKnown = false;
        a.Effect = "I have stopped going to the gym.";
        a.ContactMethods = SafeContactMethods.Phone;
        a.PhoneNumber = "07700 900456";
        a.SafeTimes = "Afternoons";
        a.VoicemailAllowed = true;
    }
}
