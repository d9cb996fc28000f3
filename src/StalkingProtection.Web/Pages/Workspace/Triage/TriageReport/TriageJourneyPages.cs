using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Reports;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Triage.TriageReport;

/// <summary>
/// A question page of a report's triage. A report has one triage journey, so its answers are kept under the report's id;
/// officers and coordinators only, as legal services may read the report but not decide it.
/// </summary>
[Authorize(Policy = Policies.Triage)]
public abstract class TriageQuestionPageModel(StalkingProtectionDbContext db) : QuestionPageModel<TriageState>
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public PublicReport Report { get; private set; } = null!;

    public override string ConflictRecord => "report";

    /// <summary>The answers kept from this journey's pages so far, if any.</summary>
    protected TriageState? Kept { get; private set; }

    protected StalkingProtectionDbContext Db => db;

    protected override Guid? JourneyKey => Id;

    /// <summary>Where the user goes instead of this page, if anywhere (for example back to the start when no outcome is chosen).</summary>
    protected abstract string? Elsewhere();

    protected override Task<bool> LoadAsync(CancellationToken ct) => Task.FromResult(true);

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (await db.PublicReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == Id, HttpContext.RequestAborted) is not { } report)
        {
            context.Result = NotFound();
            return;
        }

        Report = report;
        Kept = JourneyState.Load<TriageState>(TempData, Id);
        if (Elsewhere() is { } url)
        {
            context.Result = Redirect(url);
            return;
        }

        await next();
    }
}
