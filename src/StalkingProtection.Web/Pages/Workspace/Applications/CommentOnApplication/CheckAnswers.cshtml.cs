using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Applications.CommentOnApplication;

/// <summary>Checks the comment and adds it to the application.</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, ApplicationService applications) : ApplicationCheckAnswersPageModel<CommentAnswers>(db)
{
    public override string SaveButton => "Add comment";

    protected override string JourneyName => ApplicationJourneys.Comment;

    protected override async Task<IActionResult> SaveAsync(CommentAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var done = await applications.CommentAsync(new CommentOnApplicationOptions(Id, answers.Comment), Actor, ct);
        return BackToApplication(done.Explain());
    }
}
