using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Applications.CommentOnApplication;

/// <summary>The comment, kept until it is confirmed.</summary>
public sealed class CommentAnswers : ApplicationAnswers
{
    public string Comment { get; set; } = "";
}

public class IndexModel(StalkingProtectionDbContext db) : ApplicationQuestionPageModel<CommentAnswers>(db)
{
    [BindProperty]
    [Display(Name = "Your comment")]
    public string? Comment { get; set; }

    protected override string JourneyName => ApplicationJourneys.Comment;

    protected override void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(Comment), nameof(Comment), "Enter your comment");
        MaxLength(Comment, AuditEntry.JustificationMaxLength, nameof(Comment), $"Comment must be {AuditEntry.JustificationMaxLength} characters or fewer");
    }

    protected override CommentAnswers Answer() => new() { Comment = Comment!.Trim() };

    protected override void Fill(CommentAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        Comment = answers.Comment;
    }
}
