using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Applications.RecordHearingOutcome;

public enum HearingResult
{
    Granted,
    Refused,
    Adjourned,
    Withdrawn,
}

public class IndexModel(StalkingProtectionDbContext db, HearingService hearings) : ApplicationPageModel
{
    public static IReadOnlyList<SelectListItem> Results { get; } =
    [
        new("Granted: the court made the order", nameof(HearingResult.Granted)),
        new("Refused", nameof(HearingResult.Refused)),
        new("Adjourned", nameof(HearingResult.Adjourned)),
        new("Withdrawn", nameof(HearingResult.Withdrawn)),
    ];

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    [Display(Name = "What happened at the hearing?")]
    public HearingResult? Outcome { get; set; }

    [BindProperty]
    [Display(Name = "Reasons")]
    public string? Reason { get; set; }

    [BindProperty]
    [Display(Name = "Date of the next hearing (if adjourned and known)")]
    public DateOnly? NextHearingOn { get; set; }

    [BindProperty]
    public long Version { get; set; }

    public Hearing Hearing { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> ResultItems => Application.IsForOrder
        ? Results
        : [new($"Granted: the court made the {Application.Type.ToString().ToLowerInvariant()} (you record it on the order next)", nameof(HearingResult.Granted)), .. Results.Skip(1)];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Version = Application.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Outcome is null)
        {
            ModelState.AddModelError(nameof(Outcome), "Select what happened at the hearing");
        }

        // R39: reasons at each decision point; an adjournment gives its reason too.
        if (Outcome is not (null or HearingResult.Granted) && string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), Outcome == HearingResult.Adjourned ? "Enter why the hearing was adjourned" : "Enter the reasons for the decision (R39)");
        }
        else if (Reason is { Length: > Hearing.ReasonMaxLength })
        {
            ModelState.AddModelError(nameof(Reason), $"Reasons must be {Hearing.ReasonMaxLength} characters or fewer");
        }

        if (ModelState.GetValidationState(nameof(NextHearingOn)) == ModelValidationState.Invalid || !ModelState.IsValid)
        {
            return Page();
        }

        // SPA 2019 s.4: a granted variation, renewal or discharge is recorded on the order, tied to this application, which
        // determines the application and this hearing together.
        if (Outcome == HearingResult.Granted && !Application.IsForOrder && Application.OrderId is { } orderId)
        {
            return Redirect(OrderLinks.JourneyOnApplication(ViewApplication.IndexModel.ChangeJourney(Application.Type), orderId, Application.Id));
        }

        if (Outcome == HearingResult.Granted)
        {
            // SPA 2019 s.2(1): a grant is recorded with the order the court made, which also gives this hearing its outcome.
            return Redirect(OrderLinks.Journey("record-order", Application.Id));
        }

        try
        {
            var actor = User.ToActor();
            switch (Outcome!.Value)
            {
                case HearingResult.Adjourned:
                    await hearings.AdjournHearingAsync(new AdjournHearingOptions(Hearing.Id, Reason!,
                        NextHearingOn is { } next ? LondonTime.ToUtc(next, new TimeOnly(10, 0)) : null), actor, ct);
                    break;
                default:
                    // SPA 2019 s.5(6)(b), R17: determining the main application ceases its interim orders (in the service).
                    var determination = Outcome == HearingResult.Refused ? Determination.Refused : Determination.Withdrawn;
                    await hearings.DetermineAtHearingAsync(Hearing.Id, new DetermineApplicationOptions(Application.Id, determination, Reason ?? "", Version), actor, ct);
                    break;
            }

            SetFlash("Hearing outcome recorded");
            return Redirect(ApplicationUrl);
        }
        catch (DbUpdateConcurrencyException)
        {
            await ShowConflictWithCurrentValuesAsync(db, ct);
            Version = Application.Version;
            return Page();
        }
        catch (RuleViolationException e)
        {
            AddRuleViolations(e, new Dictionary<string, string> { ["determination"] = nameof(Outcome), ["adjournmentReason"] = nameof(Reason) });
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await db.Hearings.AsNoTracking().SingleOrDefaultAsync(h => h.Id == Id, ct) is not { } hearing
            || !await LoadApplicationAsync(db, hearing.ApplicationId, ct))
        {
            return false;
        }

        Hearing = hearing;
        Id = hearing.Id;
        return true;
    }
}
