using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Cases.RecordRiskScreening;

/// <summary>The questions of the chosen screening form, the level of risk it showed and when to review it.</summary>
public class AnswersModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : CaseQuestionPageModel<RiskScreeningState>(db)
{
    [BindProperty(SupportsGet = true)]
    public RiskTool Tool { get; set; }

    [BindProperty]
    public List<string?> Answers { get; set; } = [];

    [BindProperty]
    [Display(Name = "What level of risk did the screening show?")]
    public RiskLevel? Level { get; set; }

    [BindProperty]
    [Display(Name = "When should the risk be reviewed?")]
    public DateOnly? NextReviewOn { get; set; }

    [BindProperty]
    [Display(Name = "Notes (optional)")]
    public string? Notes { get; set; }

    public IReadOnlyList<string> Questions => RiskScreeningForms.Questions(Tool);

    public string StartUrl => CaseLinks.Journey(IndexModel.Name, Id);

    protected override string JourneyName => IndexModel.Name;

    protected override Task<bool> LoadChoicesAsync(CancellationToken ct) => Task.FromResult(Questions.Count > 0);

    protected override void Prefill() => Pad();

    protected override void Restore(RiskScreeningState answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Tool == Tool)
        {
            (Answers, Level, NextReviewOn, Notes) = ([.. answers.Answers.Select(a => a.Length == 0 ? null : a)], answers.Level, answers.NextReviewOn, answers.Notes);
        }

        Pad();
    }

    protected override void Validate()
    {
        Pad();
        var required = RiskScreeningForms.RequiredCount(Tool);
        for (var i = 0; i < Questions.Count; i++)
        {
            var answer = Answers[i];
            if (answer is not (null or "Y" or "N" or "U") || (i < required && answer is null))
            {
                ModelState.AddModelError($"{nameof(Answers)}[{i}]", $"Select an answer to question {i + 1}");
            }
        }

        // SASH (2015): the three ex-partner questions are answered all together or not at all.
        var extra = Answers.Skip(required).Count(a => a is not null);
        if (extra is > 0 && extra < Questions.Count - required)
        {
            ModelState.AddModelError($"{nameof(Answers)}[{required}]", "Answer all three ex-partner questions, or none of them");
        }

        if (Level is null)
        {
            ModelState.AddModelError(nameof(Level), "Select the level of risk");
        }

        if (ModelState.GetValidationState(nameof(NextReviewOn)) != ModelValidationState.Invalid)
        {
            if (NextReviewOn is null)
            {
                ModelState.AddModelError(nameof(NextReviewOn), "Enter the date the risk should be reviewed");
            }
            else if (NextReviewOn < timeProvider.UkToday)
            {
                ModelState.AddModelError(nameof(NextReviewOn), "The review date must be today or in the future");
            }
        }

        if (Notes is { Length: > RiskAssessment.NotesMaxLength })
        {
            ModelState.AddModelError(nameof(Notes), $"Notes must be {RiskAssessment.NotesMaxLength} characters or fewer");
        }

    }

    protected override RiskScreeningState Capture() => new(Tool, Answers.Select(a => a ?? "").ToList(), Level!.Value, NextReviewOn!.Value, Notes);

    private void Pad()
    {
        while (Answers.Count < Questions.Count)
        {
            Answers.Add(null);
        }

        if (Answers.Count > Questions.Count)
        {
            Answers = Answers.Take(Questions.Count).ToList();
        }
    }
}
