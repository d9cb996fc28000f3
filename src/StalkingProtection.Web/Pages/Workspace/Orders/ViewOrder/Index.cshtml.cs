using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Orders.ViewOrder;

public sealed record Deadline(string What, DateOnly Due, string State);

public sealed record TimelineItem(DateTimeOffset At, string Who, string What, string? Why);

/// <summary>
/// One order: the terms in force today, every version of them, every deadline, service, breaches, changes and a plain-English
/// timeline from the audit trail. Never a victim's address. Viewing it is a consultation (DPA 2018 s.62).
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider, AuditLog audit, IOptions<LegalRuleSet> rules, OrderStatusQueries statusQueries)
    : PageModel
{
    /// <summary>The order as it stood at the end of another day: its status, terms and notification duties (as the API's ?asAt).</summary>
    [BindProperty(SupportsGet = true)]
    [System.ComponentModel.DataAnnotations.Display(Name = "Show the order as at")]
    public DateOnly? AsAt { get; set; }

    public OrderAsAt? OnDate { get; private set; }

    /// <summary>The application the order was made on, for the link to it.</summary>
    public (Guid Id, Core.Applications.ApplicationType Type)? Application { get; private set; }

    public string CaseTitle { get; private set; } = "";

    public IReadOnlyList<NotificationEvent> Notifications { get; private set; } = [];

    /// <summary>Suspected s.11 offences against this order's duties or the respondent's notifications.</summary>
    public IReadOnlyList<NotificationOffence> Offences { get; private set; } = [];

    public StalkingProtectionOrder Order { get; private set; } = null!;

    public StalkingCase Case { get; private set; } = null!;

    public string RespondentName { get; private set; } = "";

    public DateOnly Today { get; private set; }

    public IReadOnlyList<Condition> InForceToday { get; private set; } = [];

    public IReadOnlyList<NotificationObligation> Obligations { get; private set; } = [];

    public IReadOnlyList<Breach> Breaches { get; private set; } = [];

    public IReadOnlyList<ReportedBreach> ReportedBreaches { get; private set; } = [];

    public IReadOnlyList<OrderChange> Changes { get; private set; } = [];

    public IReadOnlyList<Appeal> Appeals { get; private set; } = [];

    /// <summary>Applications to vary, renew or discharge this order that the court has not yet decided (SPA 2019 s.4).</summary>
    public IReadOnlyList<Core.Applications.Application> PendingChangeApplications { get; private set; } = [];

    public IReadOnlyList<ManagementReview> Reviews { get; private set; } = [];

    public ManagementPlan? Plan { get; private set; }

    public IReadOnlyList<Deadline> Deadlines { get; private set; } = [];

    public IReadOnlyList<TimelineItem> Timeline { get; private set; } = [];

    public string? Banner { get; private set; }

    /// <summary>How and when the order ended ("Discharged on …"); null while it is in force.</summary>
    public string? EndedText { get; private set; }

    /// <summary>A full order replaced this interim order (SPA 2019 s.5(6)(b), R19), so the respondent is still subject to an order.</summary>
    public bool ReplacedByFullOrder { get; private set; }

    /// <summary>What can be recorded on the order today: after its end, only an appeal and a breach dated while it was in force.</summary>
    public IReadOnlyList<(string Text, string Href)> Actions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        // P2: the page's reads share one connection, handed back before the audit entry is written.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (!await ReadAsync(id, ct))
            {
                return NotFound();
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        await audit.RecordConsultationAsync(User.ToActor(), AuditEvents.Order.Viewed.For(Order.Id), ct);
        return Page();
    }

    /// <summary>Reads the order and everything the page shows of it; false when it does not exist or the user may not see its case.</summary>
    private async Task<bool> ReadAsync(Guid id, CancellationToken ct)
    {
        // P2: the people each condition protects are not shown here. The versions and conditions stay split queries: as one
        // statement SQLite built the join of every order's conditions before picking this order's (140 ms a view at 20,000).
        var order = await db.Orders.AsNoTracking().IgnoreAutoIncludes()
            .Include(o => o.ConditionSets).ThenInclude(s => s.Conditions)
            .SingleOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
        {
            return false;
        }

        var stalkingCase = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == order.CaseId, ct);
        if (!User.CanSee(stalkingCase))
        {
            return false;
        }

        Order = order;
        Case = stalkingCase;
        RespondentName = await OrderQueries.RespondentNameAsync(db, order.RespondentId, ct);
        RecordContext.ForCase(HttpContext, stalkingCase, RespondentName);
        CaseTitle = !stalkingCase.CrimeReferenceList.Any() ? "View the case" : string.Join(", ", stalkingCase.CrimeReferenceList);
        if (order.ApplicationId is { } applicationId)
        {
            var application = await db.Applications.Where(a => a.Id == applicationId).Select(a => new { a.Id, a.Type }).SingleOrDefaultAsync(ct);
            Application = application is null ? null : (application.Id, application.Type);
        }

        Notifications = await db.NotificationEvents.AsNoTracking().Where(n => n.RespondentId == order.RespondentId).OrderByDescending(n => n.NotifiedAt).ToListAsync(ct);
        if (ModelState.GetFieldValidationState(nameof(AsAt)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            AsAt = null;
        }
        else if (AsAt is { } asAt)
        {
            OnDate = await statusQueries.GetAsAtAsync(id, asAt, ct);
        }

        Today = timeProvider.UkToday;
        Banner = TempData[Flash.Key] as string;
        InForceToday = order.ConditionsInForceOn(Today).OrderBy(c => c.Sequence).ToList();
        Obligations = await db.NotificationObligations.AsNoTracking().Where(o => o.OrderId == id).OrderBy(o => o.TriggerDate).ToListAsync(ct);
        Breaches = await db.Breaches.AsNoTracking().Where(b => b.OrderId == id).OrderByDescending(b => b.IncidentAt).ToListAsync(ct);
        ReportedBreaches = await db.ReportedBreaches.AsNoTracking().Where(r => r.OrderId == id).OrderByDescending(r => r.SubmittedAt).ToListAsync(ct);
        Changes = await db.OrderChanges.AsNoTracking().Where(c => c.OrderId == id).OrderBy(c => c.DecidedOn).ToListAsync(ct);
        Appeals = await db.Appeals.AsNoTracking().Where(a => a.OrderId == id).OrderBy(a => a.DecisionOn).ToListAsync(ct);
        PendingChangeApplications = await db.Applications.AsNoTracking().IgnoreAutoIncludes()
            .Where(a => a.OrderId == id && (a.Status == Core.Applications.ApplicationStatus.Draft || a.Status == Core.Applications.ApplicationStatus.Submitted
                || a.Status == Core.Applications.ApplicationStatus.Listed || a.Status == Core.Applications.ApplicationStatus.Adjourned))
            .OrderBy(a => a.CreatedAt).ToListAsync(ct);
        var obligationIds = Obligations.Select(o => (Guid?)o.Id).ToList();
        var notificationIds = Notifications.Select(n => (Guid?)n.Id).ToList();
        Offences = await db.NotificationOffences.AsNoTracking()
            .Where(f => f.RespondentId == order.RespondentId && (obligationIds.Contains(f.ObligationId) || notificationIds.Contains(f.NotificationEventId)))
            .OrderBy(f => f.OffenceOn).ToListAsync(ct);
        Reviews = await db.ManagementReviews.AsNoTracking().Where(r => r.OrderId == id).OrderByDescending(r => r.ReviewedAt).ToListAsync(ct);
        Plan = await db.ManagementPlans.AsNoTracking().SingleOrDefaultAsync(p => p.OrderId == id, ct);
        var openReviewTask = await db.StaffTasks.AsNoTracking()
            .Where(t => t.OrderId == id && t.Type == StaffTaskType.ReviewDue && t.Status == StaffTaskStatus.Open).OrderBy(t => t.DueOn).FirstOrDefaultAsync(ct);
        ReplacedByFullOrder = await OrderEnd.ReplacedByFullOrderAsync(db, id, ct);
        EndedText = OrderEnd.Describe(order, Today, ReplacedByFullOrder);
        Actions = ActionsFor(order, EndedText is not null);
        Deadlines = BuildDeadlines(openReviewTask);
        Timeline = await BuildTimelineAsync(ct);
        return true;
    }

    /// <summary>
    /// Once the order is no longer in force the law allows only an appeal against its making (SPA 2019 s.7) and the record of a breach
    /// committed while it was in force (s.8); it cannot be served, varied, renewed or discharged (s.4, R23) and no duty under s.9 arises.
    /// </summary>
    public static IReadOnlyList<(string Text, string Href)> ActionsFor(StalkingProtectionOrder o, bool ended) => ended
        ? [
            ("Record a breach committed while the order was in force", OrderLinks.Journey("record-breach", o.Id)),
            ("Record an appeal", OrderLinks.Journey("record-appeal", o.Id)),
        ]
        : [
            ("Record service", OrderLinks.Journey("record-service", o.Id)),
            ("Record the PNC reference", OrderLinks.Journey("record-pnc-reference", o.Id)),
            ("Record a notification", OrderLinks.Journey("record-notification", o.Id)),
            ("Record a suspected notification offence", OrderLinks.Journey("record-notification-offence", o.Id)),
            ("Record a new name", OrderLinks.Journey("record-name-change", o.Id)),
            ("Record a new address", OrderLinks.Journey("record-address-change", o.Id)),
            ("Record Sexual Offences Act 2003 Part 2 notification starting or ending", OrderLinks.Journey("record-soa-part2", o.Id)),
            ("Record a breach", OrderLinks.Journey("record-breach", o.Id)),
            ("Apply to vary, renew or discharge this order", OrderLinks.Journey("apply-to-change-order", o.Id)),
            ("Record a variation", OrderLinks.Journey("vary-order", o.Id)),
            ("Record a renewal", OrderLinks.Journey("renew-order", o.Id)),
            ("Record a discharge", OrderLinks.Journey("discharge-order", o.Id)),
            ("Record an appeal", OrderLinks.Journey("record-appeal", o.Id)),
            ("Record a review", OrderLinks.Journey("record-review", o.Id)),
        ];

    private List<Deadline> BuildDeadlines(StaffTask? openReviewTask)
    {
        var deadlines = new List<Deadline>();
        var inForce = Order.IsInForceOn(Today);
        foreach (var o in Obligations)
        {
            var status = o.StatusOn(Today) ?? ObligationStatus.Open;
            var state = status switch
            {
                ObligationStatus.Met => $"Met on {Display.Date(o.MetOn)}",
                ObligationStatus.Excused => o.ExcusedReason is { } why ? $"Excused: {why}" : "Excused",
                ObligationStatus.Overdue => $"Overdue: potential s.11 offence ({o.OffenceCode}); check for a reasonable excuse",
                // SPA 2019 s.9, R33: the order ended before the due day, and no full order replaced it, so the duty cannot be breached.
                _ when Order.NoLongerInForceFrom is { } from && from <= Today && from <= o.DueBy && !ReplacedByFullOrder =>
                    $"No longer arises: {EndedText?.ToLowerInvariant() ?? "the order ended"} before the due day (SPA 2019 s.9)",
                _ => "Due",
            };
            deadlines.Add(new Deadline($"Notification ({Choices.Text(o.Trigger)}, SPA 2019 s.9)", o.DueBy, state));
        }

        if (Order.ServedAt is null && inForce)
        {
            deadlines.Add(new Deadline("Serve the order: the notification duty runs from service (SPA 2019 s.9(1))", Order.MadeOn, "Not yet served"));
        }

        if (Order.LastInForceDay is { } last && inForce)
        {
            var consider = rules.Value.RenewalReminderDue(last);
            deadlines.Add(new Deadline($"Consider renewal: the order ends after {Display.Date(last)} (R23)", consider,
                consider <= Today ? "Consider renewal now" : "Upcoming"));
        }

        var nextReview = openReviewTask?.DueOn ?? (Reviews.Count > 0 ? Reviews[0].NextReviewDue : null);
        if (nextReview is { } review && inForce)
        {
            deadlines.Add(new Deadline("Management review (R42)", review, review < Today ? "Overdue" : "Upcoming"));
        }

        var appealDeadline = rules.Value.AppealLodgingDeadline(Order.MadeOn, BankHolidayCalendar.EnglandAndWales);
        deadlines.Add(new Deadline("Appeal against the making of the order: provisional lodging deadline (CrimPR r.34.2, R24)", appealDeadline,
            Appeals.Count > 0 ? "Appeal recorded" : appealDeadline < Today ? "Passed" : "Open"));
        foreach (var appeal in Appeals.Where(a => a.Outcome == AppealOutcome.Pending && a.Decision is not (AppealableDecision.MakingOfOrder or AppealableDecision.MakingOfInterimOrder)))
        {
            deadlines.Add(new Deadline($"Appeal against the {Choices.Text(appeal.Decision).ToLowerInvariant()}: provisional lodging deadline (CrimPR r.34.2, R24)",
                appeal.LodgingDeadline, appeal.LodgedLate ? "Notice served late" : "Appeal recorded"));
        }
        if (Order.Kind == OrderKind.Full && inForce)
        {
            var earliest = StatutoryDates.EarliestDischargeWithoutConsent(Order.MadeOn);
            if (earliest > Today)
            {
                deadlines.Add(new Deadline("Discharge without both consents possible from (SPA 2019 s.4, R22)", earliest, "Consent needed until then"));
            }
        }

        return deadlines.OrderBy(d => d.Due).ToList();
    }

    private async Task<List<TimelineItem>> BuildTimelineAsync(CancellationToken ct)
    {
        var ids = new List<string> { Order.Id.ToString() };
        ids.AddRange(Obligations.Select(o => o.Id.ToString()));
        ids.AddRange(Breaches.Select(b => b.Id.ToString()));
        ids.AddRange(Appeals.Select(a => a.Id.ToString()));
        ids.AddRange(PendingChangeApplications.Select(a => a.Id.ToString()));
        ids.AddRange(Reviews.Select(r => r.Id.ToString()));
        ids.AddRange(Obligations.Where(o => o.MetByEventId is not null).Select(o => o.MetByEventId!.Value.ToString()));
        var entries = await db.AuditEntries.OfRecordsAsync(ids, ct);
        return entries.Select(e => new TimelineItem(e.OccurredAt, e.ActorName, Describe(e.Action), e.Justification)).ToList();
    }

    public static string Describe(string action) => action switch
    {
        "Order.Made" => "Recorded the order as the court made it",
        "Order.ServiceRecorded" => "Recorded service of the order on the respondent",
        "Order.Varied" => "Recorded a variation of the order's terms",
        "Order.Renewed" => "Recorded a renewal of the order",
        "Order.Discharged" => "Recorded the discharge of the order",
        "Order.Quashed" => "Recorded that the order was quashed on appeal",
        "Order.Ceased" => "Recorded that the interim order ceased",
        "Order.PncRecorded" => "Recorded the PNC entry",
        "Obligation.Created" => "A duty to notify the police began",
        "Obligation.Met" => "The duty to notify was met",
        "Obligation.Overdue" => "The duty to notify became overdue",
        "Obligation.Excused" => "The duty to notify was excused",
        "Notification.Recorded" => "Recorded a notification at a police station",
        "Breach.Recorded" => "Recorded a breach",
        "Breach.Updated" or "Breach.OutcomeRecorded" => "Recorded what followed a breach",
        "Appeal.Lodged" => "Recorded an appeal",
        "Appeal.Decided" => "Recorded the appeal's outcome",
        "Application.Created" => "Drafted an application to vary, renew or discharge the order",
        "Application.Authorised" => "A coordinator authorised the application",
        "Application.Submitted" => "Lodged the application with the court",
        "Review.Recorded" => "Recorded a management review",
        "Task.Raised" => "A task was raised",
        "Task.Completed" => "A task was completed",
        _ => AuditWords.Describe(action),
    };
}
