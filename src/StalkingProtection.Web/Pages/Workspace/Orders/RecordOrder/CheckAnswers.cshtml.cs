using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordOrder;

/// <summary>Checks the order the court made and records it, which determines the application it granted (R17, R19).</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, OrderService orders, TimeProvider timeProvider, IOptions<LegalRuleSet> rules)
    : CheckAnswersPageModel<OrderMadeAnswers>
{
    [BindProperty(SupportsGet = true)]
    public Guid ApplicationId { get; set; }

    public GrantedApplication Granted { get; private set; } = null!;

    public override string QuestionUrl => OrderLinks.Journey(IndexModel.Name, ApplicationId);

    public override string ConflictRecord => "application";

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await GrantedApplication.LoadAsync(db, ApplicationId, HttpContext, timeProvider.UkToday, ct) is not { } granted)
        {
            return false;
        }

        Granted = granted;
        return true;
    }

    protected override async Task<IActionResult> SaveAsync(OrderMadeAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var made = await orders.RecordOrderAsync(new RecordOrderOptions(Granted.Application.CaseId, ApplicationId, answers.Terms(Granted.Kind),
            answers.NoIncompatibilityAttested, rules.Value.CourtMadeOrdersCommencement, @override, answers.Version), Actor, ct);
        Flash.Set(TempData, $"Order recorded. {made.Explain()} Next, record when it was served on the respondent.");
        return Redirect(OrderLinks.View(made.OrderId));
    }

    protected override void OnConflict(OrderMadeAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        answers.Version = Granted.Application.Version;
    }

    // The application is the journey's address, not a question: a rule about it goes at the top.
    protected override string FieldKey(string field) => field == "applicationId" ? "" : base.FieldKey(field);
}
