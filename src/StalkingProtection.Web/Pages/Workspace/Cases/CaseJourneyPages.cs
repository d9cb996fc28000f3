using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Cases;

/// <summary>The question page of a journey on one case, addressed by the case's id; a case the user may not see answers 404.</summary>
public abstract class CaseQuestionPageModel<TAnswers>(StalkingProtectionDbContext db) : QuestionPageModel<TAnswers>
    where TAnswers : class
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public StalkingCase Case { get; private set; } = null!;

    public string CaseUrl => CaseLinks.View(Id);

    public override string ConflictRecord => "case";

    protected StalkingProtectionDbContext Db => db;

    /// <summary>The journey's name in its address: "record-act".</summary>
    protected abstract string JourneyName { get; }

    /// <summary>Loads what the questions offer (the case's people, the officers); false answers 404.</summary>
    protected virtual Task<bool> LoadChoicesAsync(CancellationToken ct) => Task.FromResult(true);

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await FindVisibleCaseAsync(db, Id, ct) is not { } stalkingCase)
        {
            return false;
        }

        Case = stalkingCase;
        return await LoadChoicesAsync(ct);
    }

    protected override string CheckAnswersUrl(Guid journey) => CaseLinks.CheckAnswers(JourneyName, Id, journey);
}

/// <summary>"Check your answers" of a journey on one case: saving goes back to the case with the one "done" message.</summary>
public abstract class CaseCheckPageModel<TAnswers>(StalkingProtectionDbContext db) : CheckAnswersPageModel<TAnswers>
    where TAnswers : class
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public StalkingCase Case { get; private set; } = null!;

    public override string ConflictRecord => "case";

    public override string QuestionUrl => CaseLinks.Journey(JourneyName, Id);

    protected StalkingProtectionDbContext Db => db;

    /// <summary>The journey's name in its address: "record-act".</summary>
    protected abstract string JourneyName { get; }

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await FindVisibleCaseAsync(db, Id, ct) is not { } stalkingCase)
        {
            return false;
        }

        Case = stalkingCase;
        return true;
    }

    protected IActionResult BackToCase(string done)
    {
        Flash.Set(TempData, done);
        return Redirect(CaseLinks.View(Id));
    }
}
