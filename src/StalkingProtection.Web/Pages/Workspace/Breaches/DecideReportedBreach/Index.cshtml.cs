using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Security;
using StalkingProtection.Web.Pages.Public;
using StalkingProtection.Web.Pages.Workspace.Cases;

namespace StalkingProtection.Web.Pages.Workspace.Breaches.DecideReportedBreach;

/// <summary>
/// A breach reported online and the decision on it (SPA 2019 s.8(1)): arrest, further enquiries or no breach, with reasons. Need-to-know:
/// one about an order is for officers and coordinators who may see the order's case; one that matched no order is for coordinators.
/// </summary>
[Authorize(Policy = Policies.Triage)]
public class IndexModel(ReportedBreachService breaches, StalkingProtectionDbContext db) : CaseWorkPageModel
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

    public ReportedBreach Reported { get; private set; } = null!;


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
            return Redirect($"/workspace/breaches/decide-reported-breach/{Id}");
        }

        if (!FormFieldExtensions.TryParseName<ReportedBreachDecision>(Decision, out var decision))
        {
            ModelState.AddModelError(nameof(Decision), "Select arrest, further enquiries or no breach");
        }

        ModelState.CheckText(nameof(Reasons), Reasons, ReportedBreach.ReasonsMaxLength, "Give the reasons for your decision",
            $"The reasons must be {ReportedBreach.ReasonsMaxLength} characters or fewer");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await breaches.DecideAsync(new DecideReportedBreachOptions(Id, decision, Reasons, postedVersion), User.ToActor(), ct);
            SetFlash("Decision recorded");
            return Redirect(Reported.OrderId is { } orderId ? $"/workspace/orders/{orderId}" : "/workspace/tasks");
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ShowConflict();
        }
        catch (RuleViolationException e)
        {
            AddRuleViolations(e, new Dictionary<string, string> { ["decision"] = nameof(Decision), ["reasons"] = nameof(Reasons) });
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var orderCase = await db.ReportedBreaches.AsNoTracking().Where(r => r.Id == Id)
            .Select(r => new { r.OrderId, CaseId = db.Orders.Where(o => o.Id == r.OrderId).Select(o => (Guid?)o.CaseId).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        if (orderCase is null)
        {
            return false;
        }

        var visible = orderCase.CaseId is { } caseId
            ? await FindVisibleCaseAsync(db, caseId, ct) is not null
            : User.IsInRole(StaffRoles.Coordinator);
        if (!visible || await breaches.ViewAsync(Id, User.ToActor(), ct) is not { } reported)
        {
            return false;
        }

        Reported = reported;
        Version = reported.Version;
        return true;
    }
}
