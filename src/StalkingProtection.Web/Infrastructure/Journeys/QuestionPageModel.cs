using Microsoft.AspNetCore.Mvc;

namespace StalkingProtection.Web.Infrastructure.Journeys;

/// <summary>
/// The question page of a journey. Continue checks the answers here, where they are asked (dates and combinations included),
/// keeps them in the journey's store (<see cref="JourneyState"/>) under the journey id and goes to "check your answers";
/// nothing is saved and no answer rides along in a hidden field. "Change" comes back with <c>?journey=</c> and the answers kept.
/// </summary>
public abstract class QuestionPageModel<TAnswers> : JourneyPageModel
    where TAnswers : class
{
    /// <summary>The journey's id, from the query: set when the user comes back from "check your answers" to change them.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Journey { get; set; }

    /// <summary>Where the answers are kept: the journey's id, or the record's own id for a journey a record can have only one of.</summary>
    protected virtual Guid? JourneyKey => Journey;

    /// <summary>The key of a journey begun on this page.</summary>
    protected virtual Guid NewJourneyKey() => Guid.NewGuid();

    /// <summary>Loads what the page needs; false means the record does not exist or the user may not see it (404).</summary>
    protected abstract Task<bool> LoadAsync(CancellationToken ct);

    /// <summary>GOV.UK checks of the answers, and every rule of the Act that can be checked before saving.</summary>
    protected abstract void Validate();

    /// <summary>Checks that need the database (a record named in an answer); by default only <see cref="Validate"/>.</summary>
    protected virtual Task ValidateAsync(CancellationToken ct)
    {
        Validate();
        return Task.CompletedTask;
    }

    /// <summary>The answers given on the page, to keep until they are confirmed.</summary>
    protected abstract TAnswers Capture();

    /// <summary>Puts kept answers back into the questions.</summary>
    protected abstract void Restore(TAnswers answers);

    /// <summary>Fills the questions of a journey just started.</summary>
    protected virtual void Prefill()
    {
    }

    /// <summary>The "check your answers" page of this journey.</summary>
    protected abstract string CheckAnswersUrl(Guid journey);

    /// <summary>An answer that hands over to another journey (a grant recorded with the order the court made): where Continue goes instead.</summary>
    protected virtual string? HandOverUrl() => null;

    /// <summary>Where the page sends the user when the record no longer takes this journey (an application lodged meanwhile); null when it does.</summary>
    protected virtual string? ClosedUrl() => null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (ClosedUrl() is { } closed)
        {
            return Redirect(closed);
        }

        // A journey id that does not read as one, or whose answers are gone, starts the journey again.
        if (JourneyKey is { } journey && JourneyState.Load<TAnswers>(TempData, journey) is { } answers)
        {
            Restore(answers);
        }
        else
        {
            Journey = null;
            Prefill();
        }

        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (ClosedUrl() is { } closed)
        {
            return Redirect(closed);
        }

        await ValidateAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (HandOverUrl() is { } elsewhere)
        {
            return Redirect(elsewhere);
        }

        var journey = JourneyKey ?? NewJourneyKey();
        JourneyState.Save(TempData, journey, Capture());
        return Redirect(CheckAnswersUrl(journey));
    }
}
