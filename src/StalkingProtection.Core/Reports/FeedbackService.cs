using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.Reports;

public sealed class FeedbackService(StalkingProtectionDbContext db, TimeProvider timeProvider)
{
    public async Task SubmitAsync(Satisfaction satisfaction, string? comments, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        db.Feedback.Add(new Feedback
        {
            Id = Guid.CreateVersion7(now),
            SubmittedAt = now,
            Satisfaction = satisfaction,
            Comments = string.IsNullOrWhiteSpace(comments) ? null : comments.Trim(),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The newest feedback first.</summary>
    public async Task<IReadOnlyList<Feedback>> ListAsync(int page, int pageSize, CancellationToken ct = default) =>
        await db.Feedback.AsNoTracking()
            .OrderByDescending(f => f.SubmittedAt).ThenByDescending(f => f.Id)
            .Skip(Math.Max(0, page - 1) * pageSize).Take(pageSize)
            .ToListAsync(ct);

    public Task<int> CountAsync(CancellationToken ct = default) => db.Feedback.CountAsync(ct);
}
