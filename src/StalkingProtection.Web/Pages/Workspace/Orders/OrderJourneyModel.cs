using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Orders;

/// <summary>A journey on one order, addressed by its id; an order whose case the user may not see answers 404 (S4).</summary>
public abstract class OrderJourneyModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : JourneyModel, IOrderPage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>RL4: the order's version when the user opened the journey.</summary>
    [BindProperty]
    public long Version { get; set; }

    public StalkingProtectionOrder Order { get; private set; } = null!;

    public StalkingCase Case { get; private set; } = null!;

    public string RespondentName { get; private set; } = "";

    public DateOnly Today => timeProvider.UkToday;

    protected StalkingProtectionDbContext Db => db;

    protected TimeProvider Clock => timeProvider;

    public string OrderUrl => OrderLinks.View(Id);

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await OrderSubject.LoadAsync(db, Id, User, ct) is not { } subject)
        {
            return false;
        }

        (Order, Case, RespondentName) = subject.ShownOn(HttpContext);
        if (HttpMethods.IsGet(Request.Method))
        {
            Version = Order.Version;
        }

        return await LoadMoreAsync(ct);
    }

    /// <summary>Loads what else the page needs; false answers 404.</summary>
    protected virtual Task<bool> LoadMoreAsync(CancellationToken ct) => Task.FromResult(true);

    protected override void OnConflict()
    {
        Version = Order.Version;
        ModelState.Remove(nameof(Version));
    }

    protected IActionResult BackToOrder(string banner)
    {
        Flash.Set(TempData, banner);
        return Redirect(OrderUrl);
    }
}

public static class OrderQueries
{
    public static async Task<string> RespondentNameAsync(StalkingProtectionDbContext db, Guid respondentId, CancellationToken ct)
    {
        var personId = await db.Respondents.AsNoTracking().Where(r => r.Id == respondentId).Select(r => r.PersonId).SingleAsync(ct);
        var person = await db.People.AsNoTracking().Include(p => p.Names).SingleAsync(p => p.Id == personId, ct);
        return person.PrimaryName.FullName;
    }
}
