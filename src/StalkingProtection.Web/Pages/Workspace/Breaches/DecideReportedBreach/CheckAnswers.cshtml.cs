using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Breaches.DecideReportedBreach;

/// <summary>
/// The decision on a breach reported online, checked and then recorded with one call; an arrest records the breach on the order
/// (SPA 2019 s.8(1), R35, R36). A report decided meanwhile sends the user back to the decision page, which shows it.
/// </summary>
[Authorize(Policy = Policies.Triage)]
public class CheckAnswersModel(StalkingProtectionDbContext db, ReportedBreachService breaches) : CheckAnswersPageModel<DecisionAnswers>
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ReportedBreach Reported { get; private set; } = null!;

    public StalkingProtectionOrder? Order { get; private set; }

    /// <summary>The condition an arrest is for, as the question named it.</summary>
    public string? ConditionText { get; private set; }

    public override string ConflictRecord => "reported breach";

    public override string SaveButton => "Record decision";

    public override string QuestionUrl => ReportedBreachLinks.Decide(Id);

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

    protected override Task<bool> DescribeAsync(DecisionAnswers answers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ConditionText = Order is null || answers.ConditionId is not { } conditionId ? null
            : BreachConditionItems.Of(Order).FirstOrDefault(i => i.Value == conditionId.ToString())?.Text;
        return Task.FromResult(Reported.Decision is null);
    }

    protected override async Task<IActionResult> SaveAsync(DecisionAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var decided = await breaches.DecideAsync(
            new DecideReportedBreachOptions(Id, answers.Decision, answers.Reasons, answers.Version, answers.ConditionId, answers.ArrestedAtUtc(), @override), Actor, ct);
        Flash.Set(TempData, decided.Explain());
        return Redirect(Reported.OrderId is { } orderId ? OrderLinks.View(orderId) : WorkspaceLinks.Tasks);
    }

    protected override void OnConflict(DecisionAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        answers.Version = Reported.Version;
    }

    /// <summary>Core's fields of the decision, as the question page names them.</summary>
    protected override string FieldKey(string field) => field switch
    {
        "arrestedAt" => nameof(IndexModel.ArrestedOn),
        "incidentAt" => nameof(IndexModel.ConditionId),
        "description" => nameof(IndexModel.Decision),
        _ => base.FieldKey(field),
    };
}
