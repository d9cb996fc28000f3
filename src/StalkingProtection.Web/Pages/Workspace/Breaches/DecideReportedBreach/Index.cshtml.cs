using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Reports;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;
using StalkingProtection.Web.Pages.Public;

namespace StalkingProtection.Web.Pages.Workspace.Breaches.DecideReportedBreach;

/// <summary>The decision on a breach reported online, kept until it is confirmed; an arrest names the condition broken and when (R35).</summary>
public sealed record DecisionAnswers(ReportedBreachDecision Decision, string Reasons, Guid? ConditionId, DateOnly? ArrestedOn, TimeOnly? ArrestedAt)
{
    public long Version { get; set; }

    public DateTimeOffset? ArrestedAtUtc() => ArrestedOn is { } on && ArrestedAt is { } at ? Core.Time.LondonTime.ToUtc(on, at) : null;
}

/// <summary>
/// A breach reported online and the decision on it (SPA 2019 s.8(1)): arrest, further enquiries or no breach, with reasons, then
/// "check your answers". Need-to-know: one about an order is for officers and coordinators who may see the order's case; one that
/// matched no order is for coordinators.
/// </summary>
[Authorize(Policy = Policies.Triage)]
public class IndexModel(ReportedBreachService breaches, StalkingProtectionDbContext db) : QuestionPageModel<DecisionAnswers>
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>RL4: the reported breach's version when the page was opened.</summary>
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

    public override string ConflictRecord => "reported breach";

    public static IReadOnlyList<SelectListItem> DecisionItems { get; } =
        [.. Enum.GetValues<ReportedBreachDecision>().Select(d => new SelectListItem(Describe(d), d.ToString()))];

    public static string Describe(ReportedBreachDecision decision) => decision switch
    {
        ReportedBreachDecision.Arrest => "Arrest the respondent",
        ReportedBreachDecision.FurtherEnquiries => "Make further enquiries",
        _ => "No breach",
    };

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

        Prefill();
        var reason = ModelState.CheckText(nameof(ContactReason), ContactReason, AuditEntry.JustificationMaxLength,
            "Give the reason you need to see the safe contact details", $"The reason must be {AuditEntry.JustificationMaxLength} characters or fewer");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Contact = await breaches.ReadContactDetailsAsync(Id, User.ToActor(), reason!, ct);
        return Page();
    }

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await ReportedBreachAccess.ViewAsync(HttpContext, db, breaches, Id, ct) is not { } reported)
        {
            return false;
        }

        Reported = reported;
        Order = await ReportedBreachAccess.OrderOfAsync(db, reported, ct);
        return true;
    }

    protected override void Prefill() => Version = Reported.Version;

    protected override void Restore(DecisionAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        (Decision, Reasons, ConditionId, ArrestedOn, Version) = (answers.Decision.ToString(), answers.Reasons, answers.ConditionId, answers.ArrestedOn, answers.Version);
        ArrestedTime = answers.ArrestedAt?.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    protected override void Validate()
    {
        if (Reported.Decision is not null)
        {
            // Decided already, perhaps by someone else a moment ago: the page shows that decision.
            ModelState.AddModelError("", "A decision on this report has already been recorded");
            return;
        }

        if (!FormFieldExtensions.TryParseName<ReportedBreachDecision>(Decision, out var decision))
        {
            ModelState.AddModelError(nameof(Decision), "Select arrest, further enquiries or no breach");
        }

        ModelState.CheckText(nameof(Reasons), Reasons, ReportedBreach.ReasonsMaxLength, "Give the reasons for your decision",
            $"The reasons must be {ReportedBreach.ReasonsMaxLength} characters or fewer");
        if (decision == ReportedBreachDecision.Arrest && ModelState.IsValid)
        {
            ValidateArrest();
        }
    }

    protected override DecisionAnswers Capture()
    {
        var decision = Enum.Parse<ReportedBreachDecision>(Decision!);
        var arrest = decision == ReportedBreachDecision.Arrest;
        return new(decision, Reasons!.Trim(), arrest ? ConditionId : null, arrest ? ArrestedOn : null, arrest ? ParseTime(ArrestedTime) : null) { Version = Version };
    }

    protected override string CheckAnswersUrl(Guid journey) => ReportedBreachLinks.DecideCheck(Id, journey);

    /// <summary>The arrest an "arrest" decision records on the breach: the condition broken and when (R35).</summary>
    private void ValidateArrest()
    {
        if (Order is null)
        {
            ModelState.AddModelError(nameof(Decision), "Only a report about an order can lead to an arrest for breaching it: record further enquiries or no breach");
            return;
        }

        if (ConditionId is not { } conditionId || Order.FindCondition(conditionId) is null)
        {
            ModelState.AddModelError(nameof(ConditionId), "Select the condition that was broken");
        }

        if (ArrestedOn is null && ModelState.GetValidationState(nameof(ArrestedOn)) != ModelValidationState.Invalid)
        {
            ModelState.AddModelError(nameof(ArrestedOn), "Enter the date of the arrest");
        }

        if (ParseTime(ArrestedTime) is null)
        {
            ModelState.AddModelError(nameof(ArrestedTime), string.IsNullOrWhiteSpace(ArrestedTime)
                ? "Enter the time of the arrest"
                : "Enter the time as hours and minutes, for example 14:30");
        }
    }
}
