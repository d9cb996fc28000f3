using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordOrder;

/// <summary>The application for an order that the court granted, with what recording the order it made needs.</summary>
public sealed class GrantedApplication
{
    public required Application Application { get; init; }

    public required StalkingCase Case { get; init; }

    public required string RespondentName { get; init; }

    public required IReadOnlyList<SelectListItem> ProtectedPersonItems { get; init; }

    /// <summary>SPA 2019 s.2(6)–(7), R11: the conditions of the respondent's other orders in force today.</summary>
    public required IReadOnlyList<Condition> ExistingConditions { get; init; }

    /// <summary>SPA 2019 s.9(1), R19: an interim order on the same main application is in force, so a full order replaces it.</summary>
    public required bool HasInterimInForce { get; init; }

    public OrderKind Kind => Application.Type == ApplicationType.Interim ? OrderKind.Interim : OrderKind.Full;

    public string KindText => Kind == OrderKind.Interim ? "interim stalking protection order" : "stalking protection order";

    /// <summary>
    /// Null when the application does not exist, is not for an order, or the user may not see its case (S4): the page answers 404.
    /// Makes the case and respondent the page's <see cref="RecordContext"/>.
    /// </summary>
    public static async Task<GrantedApplication?> LoadAsync(StalkingProtectionDbContext db, Guid applicationId, HttpContext http, DateOnly today,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(http);
        var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        if (application is null || !application.IsForOrder)
        {
            return null;
        }

        var stalkingCase = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == application.CaseId, ct);
        if (!http.User.CanSee(stalkingCase))
        {
            return null;
        }

        var respondentName = await OrderQueries.RespondentNameAsync(db, application.RespondentId, ct);
        RecordContext.ForCase(http, stalkingCase, respondentName);
        var others = await db.Orders.AsNoTracking().Where(o => o.RespondentId == application.RespondentId && o.EndedOn == null).ToListAsync(ct);
        var mainId = application.MainApplicationId ?? application.Id;
        return new GrantedApplication
        {
            Application = application,
            Case = stalkingCase,
            RespondentName = respondentName,
            ProtectedPersonItems = await ConditionInput.ProtectedPersonItemsAsync(db, application.CaseId, ct),
            ExistingConditions = others.Where(o => o.IsInForceOn(today) && o.MainApplicationId != mainId).SelectMany(o => o.ConditionsInForceOn(today)).ToList(),
            HasInterimInForce = others.Any(o => o.Kind == OrderKind.Interim && o.MainApplicationId == mainId && o.IsInForceOn(today)),
        };
    }
}
