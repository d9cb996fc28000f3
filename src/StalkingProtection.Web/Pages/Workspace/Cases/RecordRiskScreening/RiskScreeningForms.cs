using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Cases;

namespace StalkingProtection.Web.Pages.Workspace.Cases.RecordRiskScreening;

public sealed record RiskScreeningState(RiskTool Tool, IReadOnlyList<string> Answers, RiskLevel Level, DateOnly NextReviewOn, string? Notes);

/// <summary>The screening forms: S-DASH (2009), 11 questions; SASH (2015), 13 questions plus 3 for ex-intimate cases.</summary>
public static class RiskScreeningForms
{
    public static IReadOnlyList<SelectListItem> Tools { get; } =
    [
        new("S-DASH: stalking and harassment questions of the DASH risk model (11 questions)", nameof(RiskTool.SDash)),
        new("SASH: Screening Assessment for Stalking and Harassment (13 questions, plus 3 for ex-partners)", nameof(RiskTool.Sash)),
    ];

    public static IReadOnlyList<SelectListItem> AnswerChoices { get; } = [new("Yes", "Y"), new("No", "N"), new("Not known", "U")];

    public static IReadOnlyList<SelectListItem> Levels { get; } =
    [
        new("Standard", nameof(RiskLevel.Standard)),
        new("Medium", nameof(RiskLevel.Medium)),
        new("High", nameof(RiskLevel.High)),
    ];

    private static readonly string[] _sDash =
    [
        "Is the victim very frightened?",
        "Is there previous harassment or stalking, of this victim or anyone else?",
        "Has the stalker destroyed or vandalised the victim's property?",
        "Does the stalker turn up or contact the victim more than three times a week?",
        "Does the stalker loiter around the victim's home, work or other places?",
        "Has the stalker threatened physical or sexual violence?",
        "Has the stalker harassed any third party, such as family, friends or colleagues?",
        "Has the stalker acted violently to anyone in the current incidents?",
        "Has the stalker recruited others to help?",
        "Does the stalker have problems with drugs or alcohol?",
        "Is the stalker known to have been violent in the past?",
    ];

    public static IReadOnlyList<string> Questions(RiskTool tool) => tool switch
    {
        RiskTool.SDash => _sDash,
        // The SASH wording is licensed; the form is completed on paper and each answer recorded here by number.
        RiskTool.Sash => [.. Enumerable.Range(1, RiskAssessment.SashQuestionCount).Select(i => $"SASH question {i}"),
            .. Enumerable.Range(1, RiskAssessment.SashExIntimateQuestionCount).Select(i => $"SASH ex-partner question {i} (leave blank unless the stalker is an ex-partner)")],
        _ => [],
    };

    public static int RequiredCount(RiskTool tool) => tool == RiskTool.SDash ? RiskAssessment.SDashQuestionCount : RiskAssessment.SashQuestionCount;

    public static string ToolName(RiskTool tool) => RiskTools.Name(tool);

    public static string AnswerText(char code) => code switch { 'Y' => "Yes", 'N' => "No", 'U' => "Not known", _ => "Not answered" };

    /// <summary>Each question beside its answer, for a screening stored as one letter per question ("YYNU...").</summary>
    public static IReadOnlyList<(string Question, string Answer)> Answered(RiskTool tool, string answers)
    {
        var questions = Questions(tool);
        return answers.Select((code, i) => (i < questions.Count ? questions[i] : $"Question {i + 1}", AnswerText(code))).ToList();
    }

    /// <summary>"7 of 11 questions answered yes, 1 not known".</summary>
    public static string Summary(IReadOnlyList<(string Question, string Answer)> answered)
    {
        var yes = answered.Count(a => a.Answer == "Yes");
        var unknown = answered.Count(a => a.Answer == "Not known");
        return $"{yes} of {answered.Count} questions answered yes" + (unknown == 0 ? "" : $", {unknown} not known");
    }
}
