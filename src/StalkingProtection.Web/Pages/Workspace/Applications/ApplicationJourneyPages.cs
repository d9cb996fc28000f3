using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Applications;

/// <summary>The application a page is about, with its case.</summary>
public sealed record ApplicationSubject(Application Application, StalkingCase Case)
{
    /// <summary>
    /// Null when the application does not exist or the user may not see its case (need-to-know, S4): the page answers 404. A visible
    /// application's case and respondent become the page's <see cref="RecordContext"/> (its caption and title).
    /// </summary>
    public static async Task<ApplicationSubject?> LoadAsync(HttpContext http, StalkingProtectionDbContext db, Guid applicationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId, ct) is not { } application
            || await VisibleCase.FindAsync(http, db, application.CaseId, ct, application.RespondentId) is not { } stalkingCase)
        {
            return null;
        }

        return new ApplicationSubject(application, stalkingCase);
    }
}

/// <summary>The answers of an application's task remember the application's version when the user started it (RL4).</summary>
public abstract class ApplicationAnswers : VersionedAnswers;

/// <summary>
/// The question page of an application's task, addressed by the application's id (or, for a hearing's outcome, the hearing's):
/// Continue keeps the answers and goes to "check your answers"; nothing is saved here.
/// </summary>
public abstract class ApplicationQuestionPageModel<TAnswers>(StalkingProtectionDbContext db) : VersionedQuestionPageModel<TAnswers>
    where TAnswers : ApplicationAnswers
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Application Application { get; private set; } = null!;

    public StalkingCase Case { get; private set; } = null!;

    public string ApplicationUrl => ApplicationLinks.View(Application.Id);

    public override string ConflictRecord => "application";

    protected StalkingProtectionDbContext Db => db;

    /// <summary>The task's name in its address, from <see cref="ApplicationJourneys"/>.</summary>
    protected abstract string JourneyName { get; }

    /// <summary>The application the address names: its own id, or the application of the hearing it names.</summary>
    protected virtual Task<Guid?> ApplicationIdAsync(CancellationToken ct) => Task.FromResult<Guid?>(Id);

    /// <summary>Whether the task is one this kind of application has; the page of a task it does not have answers 404.</summary>
    protected virtual bool HasTask(Application application) => true;

    /// <summary>Loads what else the questions offer (the people on the case, its records) once the application is known to be visible.</summary>
    protected virtual Task LoadChoicesAsync(CancellationToken ct) => Task.CompletedTask;

    protected sealed override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await ApplicationIdAsync(ct) is not { } applicationId || await ApplicationSubject.LoadAsync(HttpContext, db, applicationId, ct) is not { } subject
            || !HasTask(subject.Application))
        {
            return false;
        }

        (Application, Case) = subject;
        if (HttpMethods.IsGet(Request.Method))
        {
            Version = Application.Version;
        }

        await LoadChoicesAsync(ct);
        return true;
    }

    protected override string CheckAnswersUrl(Guid journey) => ApplicationLinks.CheckAnswers(JourneyName, Id, journey);
}

/// <summary>"Check your answers" of an application's task: one service call, a flash, and back to the application.</summary>
public abstract class ApplicationCheckAnswersPageModel<TAnswers>(StalkingProtectionDbContext db) : CheckAnswersPageModel<TAnswers>
    where TAnswers : ApplicationAnswers
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Application Application { get; private set; } = null!;

    public StalkingCase Case { get; private set; } = null!;

    public string ApplicationUrl => ApplicationLinks.View(Application.Id);

    public override string ConflictRecord => "application";

    public override string QuestionUrl => ApplicationLinks.Journey(JourneyName, Id);

    public override string ChangeHref => ApplicationLinks.ChangeAnswers(JourneyName, Id, Journey);

    protected StalkingProtectionDbContext Db => db;

    /// <summary>The task's name in its address, from <see cref="ApplicationJourneys"/>.</summary>
    protected abstract string JourneyName { get; }

    /// <summary>Core fields whose question has another name on the question page ("jurisdictionNotes" is asked as "Notes").</summary>
    protected virtual IReadOnlyDictionary<string, string> Questions { get; } = new Dictionary<string, string>();

    /// <inheritdoc cref="ApplicationQuestionPageModel{TAnswers}.ApplicationIdAsync"/>
    protected virtual Task<Guid?> ApplicationIdAsync(CancellationToken ct) => Task.FromResult<Guid?>(Id);

    /// <inheritdoc cref="ApplicationQuestionPageModel{TAnswers}.HasTask"/>
    protected virtual bool HasTask(Application application) => true;

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await ApplicationIdAsync(ct) is not { } applicationId || await ApplicationSubject.LoadAsync(HttpContext, db, applicationId, ct) is not { } subject
            || !HasTask(subject.Application))
        {
            return false;
        }

        (Application, Case) = subject;
        return true;
    }

    protected override void OnConflict(TAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        answers.Version = Application.Version;
    }

    protected override string FieldKey(string field) => Questions.TryGetValue(field, out var question) ? question : base.FieldKey(field);

    protected IActionResult BackToApplication(string banner)
    {
        Flash.Set(TempData, banner);
        return Redirect(ApplicationUrl);
    }
}
