using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Web.Pages.Workspace.Orders;

/// <summary>
/// Recording the court's variation, renewal or discharge (SPA 2019 s.4, s.5(7)). Opened from a granted application, the journey is
/// tied to it: the applicant comes from the application (R20) and the application is determined with the change.
/// </summary>
public abstract class ChangeJourneyModel(StalkingProtectionDbContext db, TimeProvider timeProvider, ApplicationType type) : OrderJourneyModel(db, timeProvider), IChangeApplicationPage
{
    [BindProperty(SupportsGet = true)]
    public Guid? ApplicationId { get; set; }

    /// <summary>The open application this change was made on, if the journey came from one.</summary>
    public Application? ChangeApplication { get; private set; }

    protected override async Task<bool> LoadMoreAsync(CancellationToken ct)
    {
        if (ApplicationId is { } id)
        {
            // Only an open application of the same type on this order can be decided here; anything else answers 404.
            ChangeApplication = await Db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.OrderId == Id && a.Type == type, ct);
            if (ChangeApplication is null || !ChangeApplication.IsOpen)
            {
                return false;
            }
        }

        return await LoadJourneyAsync(ct);
    }

    protected virtual Task<bool> LoadJourneyAsync(CancellationToken ct) => Task.FromResult(true);

    /// <summary>The applicant comes from the application when there is one.</summary>
    protected (ApplicantParty? Party, PoliceForce? Force) ApplicantFromApplication() =>
        ChangeApplication is { } a ? (a.ApplicantParty, a.ApplicantForce) : (null, Order.ApplicantForce);
}
