using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.Reports;

/// <summary>The public journeys that keep their unsent answers in a draft.</summary>
public enum PublicJourney
{
    ReportStalking,
    ReportBreach,
}

/// <summary>A draft as read: its status, its answers while active, and what it became once sent.</summary>
public sealed record DraftRead<TAnswers>(DraftStatus Status, TAnswers Answers, Guid? SentId = null);

/// <summary>
/// The encrypted drafts of the public journeys: answers kept on the server, deleted after <see cref="PublicReportService.DraftLifetime"/>
/// without activity. A draft belongs to one journey; opened from another it reads as missing.
/// </summary>
public sealed class PublicDrafts(StalkingProtectionDbContext db, IDataProtectionProvider dataProtection, TimeProvider timeProvider)
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    private IDataProtector Protector => dataProtection.CreateProtector(PublicReportService.DraftPurpose);

    public async Task<Guid> StartAsync<TAnswers>(PublicJourney journey, CancellationToken ct)
        where TAnswers : new()
    {
        var now = timeProvider.GetUtcNow();
        await PurgeExpiredAsync(ct);
        var draft = new PublicReportDraft
        {
            Id = Guid.NewGuid(),
            Journey = journey,
            CreatedAt = now,
            ExpiresAt = now + PublicReportService.DraftLifetime,
            ProtectedAnswers = Protect(new TAnswers()),
        };
        db.PublicReportDrafts.Add(draft);
        await db.SaveChangesAsync(ct);
        return draft.Id;
    }

    public async Task<int> PurgeExpiredAsync(CancellationToken ct)
    {
        var now = timeProvider.GetUtcNow();
        return await db.PublicReportDrafts.Where(d => d.ExpiresAt <= now).ExecuteDeleteAsync(ct);
    }

    /// <summary>Changes the answers of an active draft and counts it as activity; an expired draft is deleted instead.</summary>
    public async Task<DraftRead<TAnswers>> UpdateAsync<TAnswers>(Guid draftId, PublicJourney journey, Action<TAnswers> change, CancellationToken ct)
        where TAnswers : new()
    {
        var now = timeProvider.GetUtcNow();
        var draft = await db.PublicReportDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == draftId, ct);
        if (draft is null || draft.Journey != journey)
        {
            return new DraftRead<TAnswers>(DraftStatus.Missing, new TAnswers());
        }

        if (draft.ReportId is { } sentId)
        {
            return new DraftRead<TAnswers>(DraftStatus.Submitted, new TAnswers(), sentId);
        }

        if (draft.IsExpired(now))
        {
            await db.PublicReportDrafts.Where(d => d.Id == draftId && d.ReportId == null).ExecuteDeleteAsync(ct);
            return new DraftRead<TAnswers>(DraftStatus.Expired, new TAnswers());
        }

        var answers = JsonSerializer.Deserialize<TAnswers>(Protector.Unprotect(draft.ProtectedAnswers), _json) ?? new TAnswers();
        change(answers);
        var protectedAnswers = Protect(answers);
        var expiresAt = now + PublicReportService.DraftLifetime;

        // Conditional, so that answers saved at the moment the draft is sent never come back after it was cleared.
        var updated = await db.PublicReportDrafts
            .Where(d => d.Id == draftId && d.ReportId == null)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.ProtectedAnswers, protectedAnswers).SetProperty(d => d.ExpiresAt, expiresAt), ct);
        if (updated == 0)
        {
            return await UpdateAsync(draftId, journey, change, ct);
        }

        return new DraftRead<TAnswers>(DraftStatus.Active, answers);
    }

    public async Task DiscardAsync(Guid draftId, CancellationToken ct) =>
        await db.PublicReportDrafts.Where(d => d.Id == draftId && d.ReportId == null).ExecuteDeleteAsync(ct);

    /// <summary>
    /// Marks the draft as sent and empties its answers, inside the caller's transaction: a second send of the same draft waits
    /// here for the first to commit, then finds it claimed (false).
    /// </summary>
    public async Task<bool> ClaimAsync(Guid draftId, Guid sentId, CancellationToken ct) =>
        await db.PublicReportDrafts
            .Where(d => d.Id == draftId && d.ReportId == null)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.ReportId, sentId).SetProperty(d => d.ProtectedAnswers, string.Empty), ct) == 1;

    private string Protect<TAnswers>(TAnswers answers) => Protector.Protect(JsonSerializer.Serialize(answers, _json));
}
