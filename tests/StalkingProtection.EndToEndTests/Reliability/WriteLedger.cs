using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;

namespace StalkingProtection.EndToEndTests.Reliability;

/// <summary>What became of one write sent to the program.</summary>
internal enum WriteAnswer
{
    /// <summary>201 or 200: the program says it is saved, so it must be there afterwards.</summary>
    Acknowledged,

    /// <summary>No answer (the program or the connection is gone): queued again, to be sent with the same Idempotency-Key.</summary>
    NoAnswer,

    /// <summary>503: the database is unavailable and nothing was acknowledged; queued again, as for no answer.</summary>
    Unavailable,

    /// <summary>Anything else, kept in <see cref="WriteLedger.Unexpected"/>.</summary>
    Unexpected,
}

/// <summary>
/// The drills' writers and their ledger: cases opened and their respondents recorded through the API, each with an
/// Idempotency-Key, and every acknowledged id kept, so that afterwards the database can be held to what the program said.
/// </summary>
internal sealed class WriteLedger
{
    private int _cases;
    public int RetriedAfterKill;
    public int Answered;
    public int Unavailable;

    public ConcurrentDictionary<string, Guid> Cases { get; } = new();

    public ConcurrentDictionary<Guid, Guid> Respondents { get; } = new();

    public ConcurrentQueue<Write> Unanswered { get; } = new();

    public ConcurrentQueue<Write> AwaitingRespondent { get; } = new();

    public ConcurrentBag<string> Unexpected { get; } = [];

    /// <summary>What a writer sends next: a write left unanswered, a respondent for a case already opened, or a new case.</summary>
    public Write Next() =>
        Unanswered.TryDequeue(out var write) || (Random.Shared.Next(2) == 1 && AwaitingRespondent.TryDequeue(out write)) ? write : NewCase();

    /// <summary>Sends one write; a write that was not acknowledged is queued again, to be retried with the same key.</summary>
    public async Task<WriteAnswer> SendAsync(HttpClient client, Write write, CancellationToken stop)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, write.Path) { Content = JsonContent.Create(write.Body) };
        request.Headers.Add("Idempotency-Key", write.Key);
        HttpResponseMessage response;
        string body;
        try
        {
            response = await client.SendAsync(request, stop);
            body = await response.Content.ReadAsStringAsync(stop);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            Requeue(write);
            return WriteAnswer.NoAnswer;
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Interlocked.Increment(ref Unavailable);
                Requeue(write);
                return WriteAnswer.Unavailable;
            }

            if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
            {
                Unexpected.Add($"{write.Path} {(int)response.StatusCode}: {body}");
                return WriteAnswer.Unexpected;
            }

            Interlocked.Increment(ref Answered);
            if (write.Attempts > 0)
            {
                Interlocked.Increment(ref RetriedAfterKill);
            }

            var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
            if (write.CaseId is { } caseId)
            {
                Respondents[caseId] = id;
            }
            else
            {
                Cases[write.Reference] = id;
                AwaitingRespondent.Enqueue(RespondentFor(id, write.Reference));
            }
        }

        return WriteAnswer.Acknowledged;
    }

    /// <summary>Sends every write still queued, with the program and its database up: each must be acknowledged now.</summary>
    public async Task SendWhatIsLeftAsync(HttpClient client)
    {
        foreach (var queue in new[] { Unanswered, AwaitingRespondent })
        {
            while (queue.TryDequeue(out var write))
            {
                Assert.Equal(WriteAnswer.Acknowledged, await SendAsync(client, write, CancellationToken.None));
            }
        }
    }

    /// <summary>
    /// Every acknowledged case is there, once, with its audit entry; no retried create made a second case; every
    /// acknowledged respondent is the respondent of its case.
    /// </summary>
    public async Task AssertAllAcknowledgedAreStoredAsync(StalkingProtectionDbContext db)
    {
        var ct = TestContext.Current.CancellationToken;
        var stored = await db.Cases.AsNoTracking().Select(c => new { c.Id, c.CrimeReferences, c.RespondentId }).ToListAsync(ct);
        Assert.Equal(Cases.Count, stored.Count);
        var byId = stored.ToDictionary(c => c.Id);
        foreach (var (reference, id) in Cases)
        {
            Assert.True(byId.TryGetValue(id, out var found), $"Acknowledged case {id} ({reference}) was lost.");
            Assert.Equal(reference, found.CrimeReferences);
        }

        Assert.Equal(stored.Count, stored.Select(c => c.CrimeReferences).Distinct().Count());
        var audited = (await db.AuditEntries.AsNoTracking().Where(e => e.Action == "Case.Opened").Select(e => e.RecordId).ToListAsync(ct)).ToHashSet();
        Assert.All(Cases.Values, id => Assert.Contains(id.ToString(), audited));

        Assert.NotEmpty(Respondents);
        foreach (var (caseId, respondentId) in Respondents)
        {
            Assert.Equal(respondentId, byId[caseId].RespondentId);
        }

        Assert.Equal(Respondents.Count, await db.Respondents.CountAsync(ct));
    }

    /// <summary>The database's own check: SQLite's integrity check, or amcheck over every B-tree index and table on PostgreSQL.</summary>
    public static async Task<List<string>> IntegrityCheckAsync(StalkingProtectionDbContext db, DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        if (provider == DatabaseProvider.Sqlite)
        {
            return await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync(ct);
        }

        await db.Database.ExecuteSqlRawAsync("CREATE EXTENSION IF NOT EXISTS amcheck", ct);
        await db.Database.SqlQueryRaw<int>("""
            SELECT 1 AS "Value" FROM (
                SELECT bt_index_check(c.oid, true) FROM pg_index i
                JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE a.amname = 'btree' AND n.nspname = 'public') checked
            """).ToListAsync(ct);
        var corrupt = await db.Database.SqlQueryRaw<string>("""
            SELECT c.relname || ': ' || v.msg AS "Value" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
                LATERAL verify_heapam(c.oid) v
            WHERE c.relkind = 'r' AND n.nspname = 'public'
            """).ToListAsync(ct);
        return corrupt.Count == 0 ? ["ok"] : corrupt;
    }

    private void Requeue(Write write)
    {
        write.Attempts++;
        (write.CaseId is null ? Unanswered : AwaitingRespondent).Enqueue(write);
    }

    private Write NewCase()
    {
        var n = Interlocked.Increment(ref _cases);
        var reference = $"13/{n:000000}/26";
        var reportedOn = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-7);
        return new Write($"drill-case-{n}", "/api/v1/cases", new
        {
            crimeReferences = new[] { reference },
            offences = new[] { "StalkingPha2A" },
            reportedOn,
            officerInCharge = "DC Priya Shah",
            team = "Leeds Stalking Team",
        }, reference, null);
    }

    private static Write RespondentFor(Guid caseId, string reference) =>
        new($"drill-respondent-{caseId:N}", $"/api/v1/cases/{caseId}/respondent", new
        {
            givenNames = "Mark",
            familyName = "Drill",
            dateOfBirth = new DateOnly(1985, 3, 14),
            gender = "Male",
            homeAddress = "1 Example Street, Leeds LS1 1AA",
            homeAddressPoliceArea = "WestYorkshire",
            livingThereSince = new DateOnly(2020, 6, 1),
        }, reference, caseId);

    public sealed class Write(string key, string path, object body, string reference, Guid? caseId)
    {
        public string Key { get; } = key;

        public string Path { get; } = path;

        public object Body { get; } = body;

        public string Reference { get; } = reference;

        public Guid? CaseId { get; } = caseId;

        public int Attempts { get; set; }
    }
}
