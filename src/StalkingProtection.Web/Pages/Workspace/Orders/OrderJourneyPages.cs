using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Orders;

/// <summary>The order a journey is about, with its case and respondent.</summary>
public sealed record OrderSubject(StalkingProtectionOrder Order, StalkingCase Case, string RespondentName)
{
    /// <summary>Null when the order does not exist or the user may not see its case (S4): the page answers 404.</summary>
    public static async Task<OrderSubject?> LoadAsync(StalkingProtectionDbContext db, Guid orderId, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
        {
            return null;
        }

        var stalkingCase = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == order.CaseId, ct);
        return user.CanSee(stalkingCase) ? new OrderSubject(order, stalkingCase, await OrderQueries.RespondentNameAsync(db, order.RespondentId, ct)) : null;
    }

    /// <summary>Makes the order's case and respondent the page's <see cref="RecordContext"/> (its caption and title).</summary>
    public OrderSubject ShownOn(HttpContext http)
    {
        RecordContext.ForCase(http, Case, RespondentName);
        return this;
    }
}

/// <summary>What the order summary at the top of every order journey page shows.</summary>
public interface IOrderPage
{
    StalkingProtectionOrder Order { get; }

    string RespondentName { get; }

    bool Conflict { get; }

    DateOnly Today { get; }
}

/// <summary>The answers of an order journey remember the order's version when the user started it (RL4).</summary>
public abstract class OrderAnswers : VersionedAnswers;

/// <summary>The question page of a journey on one order, addressed by the order's id.</summary>
public abstract class OrderQuestionPageModel<TAnswers>(StalkingProtectionDbContext db, TimeProvider timeProvider) : VersionedQuestionPageModel<TAnswers>, IOrderPage
    where TAnswers : OrderAnswers
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public StalkingProtectionOrder Order { get; private set; } = null!;

    public StalkingCase Case { get; private set; } = null!;

    public string RespondentName { get; private set; } = "";

    public DateOnly Today => timeProvider.UkToday;

    public string OrderUrl => OrderLinks.View(Id);

    protected StalkingProtectionDbContext Db => db;

    /// <summary>The instant now, for a date and time of something that happened (it may not be later).</summary>
    protected DateTimeOffset Now => timeProvider.GetUtcNow();

    /// <summary>The journey's name in its address: "record-review".</summary>
    protected abstract string JourneyName { get; }

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

        return true;
    }

    protected override string CheckAnswersUrl(Guid journey) => OrderLinks.CheckAnswers(JourneyName, Id, journey);
}

/// <summary>"Check your answers" of a journey on one order.</summary>
public abstract class OrderCheckAnswersPageModel<TAnswers>(StalkingProtectionDbContext db, TimeProvider timeProvider) : CheckAnswersPageModel<TAnswers>, IOrderPage
    where TAnswers : OrderAnswers
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public StalkingProtectionOrder Order { get; private set; } = null!;

    public StalkingCase Case { get; private set; } = null!;

    public string RespondentName { get; private set; } = "";

    public DateOnly Today => timeProvider.UkToday;

    public string OrderUrl => OrderLinks.View(Id);

    public override string QuestionUrl => OrderLinks.Journey(JourneyName, Id);

    protected StalkingProtectionDbContext Db => db;

    /// <summary>The instant now, for what is written at the moment of saving (an acknowledgement).</summary>
    protected DateTimeOffset Now => timeProvider.GetUtcNow();

    /// <summary>The journey's name in its address: "record-review".</summary>
    protected abstract string JourneyName { get; }

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await OrderSubject.LoadAsync(db, Id, User, ct) is not { } subject)
        {
            return false;
        }

        (Order, Case, RespondentName) = subject.ShownOn(HttpContext);
        return true;
    }

    protected override void OnConflict(TAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        answers.Version = Order.Version;
    }

    protected IActionResult BackToOrder(string banner)
    {
        Flash.Set(TempData, banner);
        return Redirect(OrderUrl);
    }
}

public static class OrderQueries
{
    public static async Task<string> RespondentNameAsync(StalkingProtectionDbContext db, Guid respondentId, CancellationToken ct) =>
        await db.NameOfRespondentAsync(respondentId, ct) ?? throw new InvalidOperationException($"Respondent {respondentId} has no name in use.");
}
