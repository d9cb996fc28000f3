using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.Reports;

/// <summary>What sending feedback did: the feedback kept, how satisfied the sender was, and whether comments came with it.</summary>
public sealed record FeedbackReceivedOutcome(Guid FeedbackId, Satisfaction Satisfaction, bool WithComments)
{
    /// <summary>The outcome in plain English.</summary>
    public string Explain() => $"Thank you for your feedback{(WithComments ? ": your rating and comments were received" : ": your rating was received")}.";
}

public sealed class FeedbackService(StalkingProtectionDbContext db, TimeProvider timeProvider)
{
    public async Task<FeedbackReceivedOutcome> SubmitAsync(Satisfaction satisfaction, string? comments, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var feedback = new Feedback
        {
            Id = Guid.CreateVersion7(now),
            SubmittedAt = now,
            Satisfaction = satisfaction,
            Comments = string.IsNullOrWhiteSpace(comments) ? null : comments.Trim(),
        };
        db.Feedback.Add(feedback);
        await db.SaveChangesAsync(ct);
        return new FeedbackReceivedOutcome(feedback.Id, feedback.Satisfaction, feedback.Comments is not null);
    }

    /// <summary>The newest feedback first.</summary>
    public async Task<IReadOnlyList<Feedback>> ListAsync(int page, int pageSize, CancellationToken ct = default) =>
        await db.Feedback.AsNoTracking()
            .OrderByDescending(f => f.SubmittedAt).ThenByDescending(f => f.Id)
            .Skip(Math.Max(0, page - 1) * pageSize).Take(pageSize)
            .ToListAsync(ct);

    public Task<int> CountAsync(CancellationToken ct = default) => db.Feedback.CountAsync(ct);
}
