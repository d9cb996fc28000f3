using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data.Migrations;
using StalkingProtection.Core.People;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Data;

/// <summary>`migrate` runs each data backfill until it has once finished, then only reads that it has.</summary>
public sealed class DataBackfillsTests : IAsyncLifetime
{
    private static readonly DateOnly _today = new(2026, 11, 28);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;

    private TestData TestData => new(_database);

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task<(Guid CaseId, Guid PersonId)> CaseWithReferencesAsync() =>
        await TestData.WithServicesAsync(_today, async s =>
        {
            var caseId = (await s.Cases.OpenCaseAsync(new OpenCaseOptions(["WY-2026-55"], OffencesConsidered.StalkingPha2A, _today,
                TestData.Officer.Name, "Stalking Team"), TestData.Officer)).RecordId;
            var respondentId = (await s.Cases.AddRespondentAsync(new AddRespondentOptions(caseId,
                new PersonDetails("Zoë", "Okafor", new DateOnly(1988, 7, 14), PncId: "12/0034567A"), null, null, null), TestData.Officer)).RecordId;
            return (caseId, await s.Context.Respondents.Where(r => r.Id == respondentId).Select(r => r.PersonId).SingleAsync());
        });

    /// <summary>The keys and words taken away, as in a database kept before they were.</summary>
    private async Task ForgetSearchKeysAsync(Guid caseId, Guid personId)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = _database.CreateContext();
        await db.Set<CaseCrimeReference>().Where(k => k.CaseId == caseId).ExecuteDeleteAsync(ct);
        await db.People.Where(p => p.Id == personId).ExecuteUpdateAsync(s => s.SetProperty(p => p.PncIdKey, (string?)null), ct);
        var names = db.Set<PersonName>().Where(n => n.PersonId == personId).Select(n => n.Id);
        await db.Set<PersonNameWord>().Where(w => names.Contains(w.PersonNameId)).ExecuteDeleteAsync(ct);
    }

    private async Task<(bool CrimeReference, string? PncIdKey, int Words)> SearchKeysAsync(Guid caseId, Guid personId)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = _database.CreateContext();
        var names = db.Set<PersonName>().Where(n => n.PersonId == personId).Select(n => n.Id);
        return (await db.Set<CaseCrimeReference>().AnyAsync(k => k.CaseId == caseId, ct),
            await db.People.Where(p => p.Id == personId).Select(p => p.PncIdKey).SingleAsync(ct),
            await db.Set<PersonNameWord>().CountAsync(w => names.Contains(w.PersonNameId), ct));
    }

    [Fact]
    public async Task RunPending_ANewDatabase_RecordsEveryBackfillAtOnce_AndTheNextRunReadsOnlyThat()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var counter = new StatementCounter();

        // Act
        IReadOnlyList<string> first, second;
        IReadOnlyList<string> statements;
        await using (var db = _database.CreateContext(counter))
        {
            first = await DataBackfills.RunPendingAsync(db, _clock, ct);
            using var count = counter.Start();
            second = await DataBackfills.RunPendingAsync(db, _clock, ct);
            statements = count.Statements;
        }

        // Assert
        Assert.Equal([DataBackfills.PersonNameSearch, DataBackfills.SearchReferenceKeys], first);
        Assert.Empty(second);
        Assert.Single(statements);
        await using var check = _database.CreateContext();
        var recorded = await check.Set<CompletedBackfill>().OrderBy(b => b.Name).ToListAsync(ct);
        Assert.Equal([DataBackfills.PersonNameSearch, DataBackfills.SearchReferenceKeys], recorded.Select(b => b.Name));
        Assert.All(recorded, b => Assert.Equal(_clock.GetUtcNow(), b.CompletedAt));
    }

    [Fact]
    public async Task RunPending_RecordsKeptBeforeTheSearchKeys_AreFilledOnce_AndNotLookedForOnceTheFillHasFinished()
    {
        // Arrange
        var (caseId, personId) = await CaseWithReferencesAsync();
        await ForgetSearchKeysAsync(caseId, personId);
        var ct = TestContext.Current.CancellationToken;

        // Act
        await using (var db = _database.CreateContext())
        {
            await DataBackfills.RunPendingAsync(db, _clock, ct);
        }

        var filled = await SearchKeysAsync(caseId, personId);
        await ForgetSearchKeysAsync(caseId, personId);
        await using (var db = _database.CreateContext())
        {
            await DataBackfills.RunPendingAsync(db, _clock, ct);
        }

        var afterwards = await SearchKeysAsync(caseId, personId);

        // Assert
        Assert.True(filled.CrimeReference);
        Assert.Equal("12/34567A", filled.PncIdKey);
        Assert.Equal(2, filled.Words);
        Assert.Equal((false, (string?)null, 0), afterwards);
    }
}
