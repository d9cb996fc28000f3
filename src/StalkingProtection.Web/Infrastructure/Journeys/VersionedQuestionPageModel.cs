using Microsoft.AspNetCore.Mvc;

namespace StalkingProtection.Web.Infrastructure.Journeys;

/// <summary>The answers of a journey on one record remember the record's version when the user started it (RL4).</summary>
public abstract class VersionedAnswers
{
    public long Version { get; set; }
}

/// <summary>
/// The question page of a journey on one record that carries a version (an order, an application): the version the user
/// started from is kept with the answers, so saving after someone else's change shows the conflict (RL4).
/// </summary>
public abstract class VersionedQuestionPageModel<TAnswers> : QuestionPageModel<TAnswers>
    where TAnswers : VersionedAnswers
{
    /// <summary>RL4: the record's version when the user opened the journey.</summary>
    [BindProperty]
    public long Version { get; set; }

    /// <summary>The answers on the page, without the version.</summary>
    protected abstract TAnswers Answer();

    /// <summary>Puts kept answers back into the questions.</summary>
    protected abstract void Fill(TAnswers answers);

    protected sealed override TAnswers Capture()
    {
        var answers = Answer();
        answers.Version = Version;
        return answers;
    }

    protected sealed override void Restore(TAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        Version = answers.Version;
        Fill(answers);
    }
}
