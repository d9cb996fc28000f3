using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Tasks;

namespace StalkingProtection.Web.Pages.Workspace.Tasks;

/// <summary>
/// A user's open deadlines as iCalendar, for Outlook and other calendar apps: downloaded from My tasks while signed in, or
/// subscribed to by address where the force allows it (<see cref="Infrastructure.WebOptions.CalendarSubscriptions"/>). It carries
/// no personal data beyond a case reference: each event is the task's kind, its due date and the crime reference.
/// </summary>
public static class CalendarFeed
{
    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/{token}.ics", async (string token, Infrastructure.Security.CalendarFeedTokens tokens, MyTasksQuery tasks,
                Microsoft.AspNetCore.Identity.UserManager<StaffUser> users, AuditLog auditLog, StalkingProtectionDbContext db,
                Microsoft.Extensions.Options.IOptions<Infrastructure.WebOptions> web, CancellationToken ct) =>
            {
                // ASVS V14.2.1: an address that stands for its owner is served only where the force has chosen subscriptions.
                if (!web.Value.CalendarSubscriptions)
                {
                    return Results.NotFound();
                }

                var user = await tokens.ReadAsync(token);
                if (user is null)
                {
                    return Results.NotFound();
                }

                var roles = await users.GetRolesAsync(user);
                if (!roles.Any(StaffRoles.CaseRoles.Contains))
                {
                    return Results.NotFound();
                }

                var actor = new Actor(user.Id.ToString(), user.DisplayName, string.Join(",", roles));
                var calendar = await ReadAsync(tasks, auditLog, db, actor, user.Id.ToString(), user.Team, roles.Contains(StaffRoles.Coordinator), ct);
                return Results.Text(calendar, $"{MediaType}; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    public const string MediaType = "text/calendar";

    /// <summary>The user's open deadlines as iCalendar, the read audited as a consultation.</summary>
    public static async Task<string> ReadAsync(MyTasksQuery tasks, AuditLog auditLog, StalkingProtectionDbContext db, Actor actor, string officerKey, string? team,
        bool wholeForce, CancellationToken ct)
    {
        var rows = await tasks.ForAsync(officerKey, team, wholeForce, ct);
        auditLog.Add(actor, AuditEvents.CalendarFeed.Read.For(null, newValues: new { tasks = rows.Count }));
        await db.SaveChangesAsync(ct);
        return Build(rows);
    }

    public static string Build(IEnumerable<TaskRow> rows)
    {
        var calendar = new Calendar { ProductId = "-//Stalking Protection//Deadlines//EN" };
        calendar.AddProperty("X-WR-CALNAME", "Stalking protection deadlines");
        foreach (var row in rows)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{row.Id}@stalking-protection",
                Summary = row.CaseReference is { Length: > 0 } reference ? $"{MyTasksQuery.Describe(row.Type)} ({reference})" : MyTasksQuery.Describe(row.Type),
                DtStart = new CalDateTime(row.DueOn.Year, row.DueOn.Month, row.DueOn.Day),
                DtEnd = new CalDateTime(row.DueOn.AddDays(1).Year, row.DueOn.AddDays(1).Month, row.DueOn.AddDays(1).Day),
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
