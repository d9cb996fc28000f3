using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Applications;

/// <summary>An application is visible exactly when its case is (need-to-know); otherwise it answers 404.</summary>
public abstract class ApplicationPageModel : FormPageModel
{
    public Application Application { get; private set; } = null!;

    public StalkingCase Case { get; private set; } = null!;

    public string ApplicationUrl => ApplicationLinks.View(Application.Id);

    protected async Task<bool> LoadApplicationAsync(StalkingProtectionDbContext db, Guid id, CancellationToken ct)
    {
        if (await ApplicationSubject.LoadAsync(HttpContext, db, id, ct) is not { } subject)
        {
            return false;
        }

        (Application, Case) = subject;
        return true;
    }

    /// <summary>
    /// RL4: after a conflict the page shows what someone else saved, drops the user's unsaved answers and carries the new version.
    /// </summary>
    protected async Task ShowConflictWithCurrentValuesAsync(StalkingProtectionDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        Application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == Application.Id, ct);
        ModelState.Clear();
        ShowConflict();
    }
}

public static class ApplicationChoices
{
    public static IReadOnlyList<SelectListItem> Types { get; } =
    [
        new("Full stalking protection order", nameof(ApplicationType.Full)),
        new("Interim stalking protection order, linked to a main application (SPA 2019 s.5)", nameof(ApplicationType.Interim)),
    ];

    // SPA 2019 s.1(3), R2.
    public static IReadOnlyList<SelectListItem> JurisdictionBases { get; } =
    [
        new("The respondent lives in the force's area", nameof(JurisdictionBasis.ResidesInArea)),
        new("The respondent is believed to be in the force's area", nameof(JurisdictionBasis.BelievedInArea)),
        new("The respondent is believed to intend to come to the force's area", nameof(JurisdictionBasis.BelievedIntendingToCome)),
    ];

    public static IReadOnlyList<SelectListItem> Venues { get; } =
    [
        new("Magistrates' court", nameof(CourtVenue.MagistratesCourt)),
        new("Youth court", nameof(CourtVenue.YouthCourt)),
    ];

    // SPA 2019 s.1(1)(a)–(c), R3.
    public static IReadOnlyList<SelectListItem> Limbs { get; } =
    [
        new("(a) The respondent has carried out acts associated with stalking", nameof(Limb.ActsAssociatedWithStalking)),
        new("(b) The respondent poses a risk associated with stalking to another person", nameof(Limb.RiskAssociatedWithStalking)),
        new("(c) There is reasonable cause to believe the order is necessary to protect another person from that risk", nameof(Limb.NecessaryToProtect)),
    ];

    public static IReadOnlyList<SelectListItem> EvidenceKinds { get; } =
    [
        new("An act recorded on the case", nameof(EvidenceKind.Act)),
        new("A risk screening recorded on the case", nameof(EvidenceKind.RiskAssessment)),
        new("A statement of why the order is necessary", nameof(EvidenceKind.NecessityRationale)),
        new("A document", nameof(EvidenceKind.Document)),
    ];

    public static IReadOnlyList<SelectListItem> Forces => Choices.Forces;

    public static string Text(IReadOnlyList<SelectListItem> items, object? value) =>
        value is null ? "Not given" : items.FirstOrDefault(i => i.Value == value.ToString())?.Text ?? value.ToString()!;
}
