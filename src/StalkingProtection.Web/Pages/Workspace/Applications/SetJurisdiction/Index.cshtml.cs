using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Applications.SetJurisdiction;

/// <summary>Why the force may apply, kept until it is confirmed.</summary>
public sealed class JurisdictionAnswers : ApplicationAnswers
{
    public JurisdictionBasis Basis { get; set; }

    public string Notes { get; set; } = "";
}

/// <summary>SPA 2019 s.1(3), R2: why the force may apply against the respondent.</summary>
public class IndexModel(StalkingProtectionDbContext db) : ApplicationQuestionPageModel<JurisdictionAnswers>(db)
{
    [BindProperty]
    [Display(Name = "Why may the force apply against the respondent?")]
    public JurisdictionBasis? Basis { get; set; }

    [BindProperty]
    [Display(Name = "What supports this?")]
    public string? Notes { get; set; }

    protected override string JourneyName => ApplicationJourneys.SetJurisdiction;

    protected override void Prefill() => (Basis, Notes) = (Application.JurisdictionBasis, Application.JurisdictionNotes);

    protected override void Validate()
    {
        // SPA 2019 s.1(3), R2.
        Require(Basis is not null, nameof(Basis), "Select why the force may apply against the respondent (SPA 2019 s.1(3), R2)");
        Require(!string.IsNullOrWhiteSpace(Notes), nameof(Notes), "Enter what supports this, for example the respondent's address (R2)");
        MaxLength(Notes, Application.NotesMaxLength, nameof(Notes), $"Notes must be {Application.NotesMaxLength} characters or fewer");
    }

    protected override JurisdictionAnswers Answer() => new() { Basis = Basis!.Value, Notes = Notes!.Trim() };

    protected override void Fill(JurisdictionAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        (Basis, Notes) = (answers.Basis, answers.Notes);
    }
}
