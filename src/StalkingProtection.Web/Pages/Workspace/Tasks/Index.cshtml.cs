using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Tasks;

[Authorize(Policy = Policies.CaseWork)]
public class IndexModel(
    MyTasksQuery tasks, ReviewService reviews, CalendarFeedTokens calendarTokens, UserManager<StaffUser> users, AuditLog auditLog,
    StalkingProtectionDbContext db, TimeProvider timeProvider, IOptions<WebOptions> web) : PageModel
{
    public IReadOnlyList<TaskRow> Tasks { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public bool WholeForce => User.IsInRole(StaffRoles.Coordinator);

    public bool CalendarSubscriptions => web.Value.CalendarSubscriptions;

    /// <summary>The address a calendar app subscribes to; only where the force allows subscriptions (ASVS V14.2.1).</summary>
    public string CalendarUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCompleteAsync(Guid taskId, long version, CancellationToken ct)
    {
        if (taskId == Guid.Empty)
        {
            // Every "Mark as done" button carries its task: a post without one did not come from this page.
            return BadRequest();
        }

        var visible = await tasks.ForAsync(User.OfficerKey(), CalendarFeedTokens.TeamOf(User), WholeForce, ct);
        if (!visible.Any(t => t.Id == taskId))
        {
            return NotFound();
        }

        try
        {
            var completed = await reviews.CompleteTaskAsync(taskId, version, User.ToActor(), ct);
            TempData["TaskCompleted"] = completed.Explain();
            return RedirectToPage();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, "Someone else changed this task. Its current state is shown below");
        }
        catch (RuleViolationException ex)
        {
            foreach (var violation in ex.Violations)
            {
                ModelState.AddModelError(string.Empty, violation.Message);
            }
        }

        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The same deadlines as a file, to add to a calendar while signed in: nothing in an address stands for the user.</summary>
    public async Task<IActionResult> OnGetCalendarAsync(CancellationToken ct)
    {
        var calendar = await CalendarFeed.ReadAsync(tasks, auditLog, db, User.ToActor(), User.OfficerKey(), CalendarFeedTokens.TeamOf(User), WholeForce, ct);
        return File(System.Text.Encoding.UTF8.GetBytes(calendar), $"{CalendarFeed.MediaType}; charset=utf-8", "deadlines.ics");
    }

    public async Task<IActionResult> OnPostResetCalendarAsync()
    {
        if (!CalendarSubscriptions)
        {
            return NotFound();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Forbid();
        }

        await users.UpdateSecurityStampAsync(user);
        auditLog.Add(User.ToActor(), AuditEvents.CalendarFeed.Reset.For(user.Id));
        await db.SaveChangesAsync();
        TempData["TaskCompleted"] = "Your calendar address has changed. Subscribe again with the new address";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = timeProvider.UkToday;
        Tasks = (await tasks.ForAsync(User.OfficerKey(), CalendarFeedTokens.TeamOf(User), WholeForce, ct))
            .OrderByDescending(t => t.IsOverdue(Today)).ThenBy(t => t.DueOn).ToList();
        var user = CalendarSubscriptions ? await users.GetUserAsync(User) : null;
        if (user is not null)
        {
            CalendarUrl = $"{Request.Scheme}://{Request.Host}/calendar/{await calendarTokens.CreateAsync(user)}.ics";
        }
    }
}
