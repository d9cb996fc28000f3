using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Reports;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;
using StalkingProtection.Web.Pages.Public;

namespace StalkingProtection.Web.Pages.Workspace.Breaches.DecideReportedBreach;

/// <summary>
/// A breach reported online and the decision on it (SPA 2019 s.8(1)): arrest, further enquiries or no breach, with reasons. Need-to-know:
/// one about an order is for officers and coordinators who may see the order's case; one that matched no order is for coordinators.
/// </summary>
[Authorize(Policy = Policies.Triage)]
public class IndexModel(ReportedBreachService breaches, StalkingProtectionDbContext db) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    [Display(Name = "What have you decided?")]
    public string? Decision { get; set; }

    [BindProperty]
    [Display(Name = "Your reasons")]
    public string? Reasons { get; set; }

    [BindProperty]
    [Display(Name = "Which condition of the order was broken?")]
    public Guid? ConditionId { get; set; }

    [BindProperty]
    [Display(Name = "Date of the arrest")]
    public DateOnly? ArrestedOn { get; set; }

    [BindProperty]
    [Display(Name = "Time of the arrest")]
    public string? ArrestedTime { get; set; }

    /// <summary>A reason to go ahead when the incident may predate service (R35): the breach then goes to legal review.</summary>
    [BindProperty]
    [Display(Name = "Why are you going ahead?")]
    public string? OverrideReason { get; set; }

    /// <summary>DPA 2018 s.62: the reason is written to the audit entry of the read.</summary>
    [BindProperty]
    [Display(Name = "Why do you need to see them?")]
    public string? ContactReason { get; set; }

    public ReportedBreach Reported { get; private set; } = null!;

    /// <summary>The order the report names, for the conditions an arrest can be for (R35); null when it names none.</summary>
    public StalkingProtectionOrder? Order { get; private set; }

    public IReadOnlyList<SelectListItem> ConditionItems => Order is null ? [] : BreachConditionItems.Of(Order);

    /// <summary>Set once the reporter's safe contact details have been decrypted for a reason, and the read audited.</summary>
    public SafeContactDetails? Contact { get; private set; }


    public static IReadOnlyList<SelectListItem> DecisionItems { get; } =
        [.. Enum.GetValues<ReportedBreachDecision>().Select(d => new SelectListItem(Describe(d), d.ToString()))];

    public static string Describe(ReportedBreachDecision decision) => decision switch
    {
        ReportedBreachDecision.Arrest => "Arrest the respondent",
        ReportedBreachDecision.FurtherEnquiries => "Make further enquiries",
        _ => "No breach",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var postedVersion = Version;
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Reported.Decision is not null)
        {
            // Decided already, perhaps by someone else a moment ago: the page shows that decision.
            return Redirect(ReportedBreachLinks.Decide(Id));
        }

        if (!FormFieldExtensions.TryParseName<ReportedBreachDecision>(Decision, out var decision))
        {
            ModelState.AddModelError(nameof(Decision), "Select arrest, further enquiries or no breach");
        }

        ModelState.CheckText(nameof(Reasons), Reasons, ReportedBreach.ReasonsMaxLength, "Give the reasons for your decision",
            $"The reasons must be {ReportedBreach.ReasonsMaxLength} characters or fewer");
        var arrestedAt = decision == ReportedBreachDecision.Arrest && ModelState.IsValid ? ValidateArrest() : null;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var actor = User.ToActor();
        var @override = string.IsNullOrWhiteSpace(OverrideReason) ? null : new Override(OverrideReason.Trim(), actor);
        try
        {
            var breachId = await breaches.DecideAsync(new DecideReportedBreachOptions(Id, decision, Reasons, postedVersion, ConditionId, arrestedAt, @override), actor, ct);
            SetFlash(breachId is null ? "Decision recorded" : $"Decision recorded, and the breach recorded on the order with the arrest (offence code {Breach.OffenceCode})");
            return Redirect(Reported.OrderId is { } orderId ? OrderLinks.View(orderId) : WorkspaceLinks.Tasks);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ShowConflict();
        }
        catch (RuleViolationException e)
        {
            db.ChangeTracker.Clear();
            AddRuleViolations(e, new Dictionary<string, string>
            {
                ["decision"] = nameof(Decision), ["reasons"] = nameof(Reasons), ["conditionId"] = nameof(ConditionId), ["arrestedAt"] = nameof(ArrestedOn),
                ["incidentAt"] = nameof(ConditionId), ["description"] = nameof(Decision),
            });
            if (e.CanBeOverridden)
            {
                ModelState.AddModelError(nameof(OverrideReason), "Give a reason to go ahead despite the warning, or record another decision");
            }
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    /// <summary>
    /// Shows the safe contact details the person who reported gave: only with a reason, and the read is audited with it
    /// (DPA 2018 s.62).
    /// </summary>
    public async Task<IActionResult> OnPostShowContactAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Reported.ProtectedContact is null)
        {
            return Forbid();
        }

        var reason = ModelState.CheckText(nameof(ContactReason), ContactReason, AuditEntry.JustificationMaxLength,
            "Give the reason you need to see the safe contact details", $"The reason must be {AuditEntry.JustificationMaxLength} characters or fewer");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Contact = await breaches.ReadContactDetailsAsync(Id, User.ToActor(), reason!, ct);
        return Page();
    }

    /// <summary>The arrest an "arrest" decision records on the breach: the condition broken and when (R35).</summary>
    private DateTimeOffset? ValidateArrest()
    {
        if (Order is null)
        {
            ModelState.AddModelError(nameof(Decision), "Only a report about an order can lead to an arrest for breaching it: record further enquiries or no breach");
            return null;
        }

        if (ConditionId is not { } conditionId || Order.FindCondition(conditionId) is null)
        {
            ModelState.AddModelError(nameof(ConditionId), "Select the condition that was broken");
        }

        if (ArrestedOn is null)
        {
            ModelState.AddModelError(nameof(ArrestedOn), "Enter the date of the arrest");
        }

        var time = JourneyPageModel.ParseTime(ArrestedTime);
        if (time is null)
        {
            ModelState.AddModelError(nameof(ArrestedTime), string.IsNullOrWhiteSpace(ArrestedTime)
                ? "Enter the time of the arrest"
                : "Enter the time as hours and minutes, for example 14:30");
        }

        return ArrestedOn is { } on && time is { } at ? LondonTime.ToUtc(on, at) : null;
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await ReportedBreachAccess.ViewAsync(db, breaches, User, Id, async caseId => await FindVisibleCaseAsync(db, caseId, ct) is not null, ct) is not { } reported)
        {
            return false;
        }

        Reported = reported;
        Version = reported.Version;
        Order = reported.OrderId is { } orderId ? await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, ct) : null;
        return true;
    }
}
