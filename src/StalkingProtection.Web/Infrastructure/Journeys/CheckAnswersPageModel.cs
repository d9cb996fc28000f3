using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Web.Infrastructure.Journeys;

/// <summary>
/// "Check your answers": shows the answers kept for the journey and saves them with one service call. A rule refused on save
/// is listed in the error summary with a link to its question; a stale version shows the conflict (RL4) and keeps the answers;
/// when the answers are gone (never given, already saved, or expired) the journey starts again.
/// </summary>
public abstract class CheckAnswersPageModel<TAnswers> : JourneyPageModel
    where TAnswers : class
{
    [BindProperty(SupportsGet = true)]
    public Guid Journey { get; set; }

    public TAnswers Answers { get; private set; } = null!;

    /// <summary>Where the answers are kept: the journey's id, or the record's own id for a journey a record can have only one of.</summary>
    protected virtual Guid JourneyKey => Journey;

    /// <summary>The journey's question page, where it starts again.</summary>
    public abstract string QuestionUrl { get; }

    /// <summary>The question page with the answers kept, to change them.</summary>
    public virtual string ChangeHref => QueryHelpers.AddQueryString(QuestionUrl, "journey", Journey.ToString());

    public override string? FieldsOn => ChangeHref;

    /// <summary>Loads the record the journey is about; false answers 404.</summary>
    protected abstract Task<bool> LoadAsync(CancellationToken ct);

    /// <summary>Calls the one service method and says where to go next.</summary>
    protected abstract Task<IActionResult> SaveAsync(TAnswers answers, Override? @override, CancellationToken ct);

    /// <summary>Loads what the page shows about the kept answers (the people they name); false when they no longer fit the record.</summary>
    protected virtual Task<bool> DescribeAsync(TAnswers answers, CancellationToken ct) => Task.FromResult(true);

    /// <summary>After a conflict the answers are kept against the current version, so saving again is a decision on it.</summary>
    protected virtual void OnConflict(TAnswers answers)
    {
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        return await LoadAnswersAsync(ct) ? Page() : Redirect(QuestionUrl);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!await LoadAnswersAsync(ct))
        {
            return Redirect(QuestionUrl);
        }

        try
        {
            var next = await SaveAsync(Answers, OverrideGiven, ct);
            if (!Conflict)
            {
                JourneyState.Clear(TempData, JourneyKey);
            }

            return next;
        }
        catch (RuleViolationException ex)
        {
            ShowRules(ex);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ShowConflictAsync(ct);
        }
    }

    /// <summary>
    /// RL4: the record changed since the journey read it. Nothing is saved; the record is shown as it is now and the answers are
    /// kept against it, so saving again is a decision on the current record.
    /// </summary>
    protected async Task<IActionResult> ShowConflictAsync(CancellationToken ct)
    {
        HttpContext.RequestServices.GetRequiredService<Core.Data.StalkingProtectionDbContext>().ChangeTracker.Clear();
        ShowConflict();
        await LoadAsync(ct);
        await DescribeAsync(Answers, ct);
        OnConflict(Answers);
        JourneyState.Save(TempData, JourneyKey, Answers);
        return Page();
    }

    /// <summary>A rule's field is on the question page: the error summary links there.</summary>
    protected override string FieldKey(string field) =>
        string.IsNullOrEmpty(field) ? "" : string.Join('.', field.Split('.').Select(s => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..]));

    private async Task<bool> LoadAnswersAsync(CancellationToken ct)
    {
        if (JourneyState.Load<TAnswers>(TempData, JourneyKey) is not { } answers)
        {
            return false;
        }

        Answers = answers;
        return await DescribeAsync(answers, ct);
    }
}
