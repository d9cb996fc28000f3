using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Reports;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Triage.TriageReport;

/// <summary>The first question of triage: open a case, add to a case, or close the report.</summary>
public class IndexModel(StalkingProtectionDbContext db) : TriageQuestionPageModel(db)
{
    [BindProperty]
    [Display(Name = "What do you want to do with this report?")]
    public TriageOutcome? Outcome { get; set; }

    protected override string? Elsewhere() => HttpMethods.IsGet(Request.Method) && Report.IsTriaged ? TriageLinks.Report(Id) : null;

    protected override void Restore(TriageState answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        Outcome = answers.Outcome;
    }

    protected override void Validate() => Require(Outcome is not null, nameof(Outcome), "Select what you want to do with the report");

    /// <summary>RL4: the journey remembers the report's version when it began, to confirm against.</summary>
    protected override TriageState Capture()
    {
        var answers = Kept ?? new TriageState { Version = Report.Version };
        answers.Outcome = Outcome;
        return answers;
    }

    protected override string CheckAnswersUrl(Guid journey) => TriageLinks.Details(Id);
}
