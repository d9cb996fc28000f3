using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordNotification;

/// <summary>SPA 2019 s.10(4), R31: the written acknowledgement of a notification, to print and hand to the respondent.</summary>
[Authorize(Policy = Policies.CaseWork)]
public class AcknowledgementModel(StalkingProtectionDbContext db, AuditLog audit) : PageModel
{
    public const string RecordedMarker = "Notification recorded";

    public NotificationEvent Notification { get; private set; } = null!;

    public string RespondentName { get; private set; } = "";

    public Guid OrderId { get; private set; }

    /// <summary>Shown straight after recording; later visits reprint the same acknowledgement.</summary>
    public bool JustRecorded => Outcome is not null;

    /// <summary>What recording the notification did, in the words of its outcome; null on later visits.</summary>
    public string? Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid notificationId, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        var notification = await db.NotificationEvents.AsNoTracking().SingleOrDefaultAsync(n => n.Id == notificationId, ct);
        var stalkingCase = order is null ? null : await db.Cases.AsNoTracking().SingleAsync(c => c.Id == order.CaseId, ct);
        if (order is null || notification is null || notification.RespondentId != order.RespondentId || stalkingCase is null || !User.CanSee(stalkingCase))
        {
            return NotFound();
        }

        OrderId = id;
        Outcome = TempData[Flash.Key] is string flash && flash.StartsWith(RecordedMarker, StringComparison.Ordinal) ? flash : null;
        Notification = notification;
        RespondentName = await OrderQueries.RespondentNameAsync(db, order.RespondentId, ct);
        RecordContext.ForCase(HttpContext, stalkingCase, RespondentName);
        await audit.RecordConsultationAsync(User.ToActor(), AuditEvents.Notification.AcknowledgementViewed.For(notification.Id), ct);
        return Page();
    }
}
