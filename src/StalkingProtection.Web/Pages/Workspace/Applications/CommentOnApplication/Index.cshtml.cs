using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Applications.CommentOnApplication;

public class IndexModel(StalkingProtectionDbContext db, ApplicationService applications) : ApplicationPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    [Display(Name = "Your comment")]
    public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadApplicationAsync(db, Id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadApplicationAsync(db, Id, ct))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Comment))
        {
            ModelState.AddModelError(nameof(Comment), "Enter your comment");
        }
        else if (Comment.Length > AuditEntry.JustificationMaxLength)
        {
            ModelState.AddModelError(nameof(Comment), $"Comment must be {AuditEntry.JustificationMaxLength} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await applications.CommentAsync(new CommentOnApplicationOptions(Id, Comment!), User.ToActor(), ct);
            SetFlash("Comment added");
            return Redirect(ApplicationUrl);
        }
        catch (RuleViolationException e)
        {
            AddRuleViolations(e);
            return Page();
        }
    }
}
