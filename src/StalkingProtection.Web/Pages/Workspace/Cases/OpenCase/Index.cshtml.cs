using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Cases.OpenCase;

/// <summary>Opening a case: its crime references, the offences considered, and who has it.</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : QuestionPageModel<OpenCaseState>
{
    [BindProperty]
    [Display(Name = "Crime references")]
    public string? CrimeReferences { get; set; }

    [BindProperty]
    [Display(Name = "Offences considered")]
    public List<OffencesConsidered> Offences { get; set; } = [];

    [BindProperty]
    [Display(Name = "Date reported")]
    public DateOnly? ReportedOn { get; set; }

    [BindProperty]
    [Display(Name = "Officer in charge")]
    public string? OfficerInCharge { get; set; }

    [BindProperty]
    [Display(Name = "Team")]
    public string? Team { get; set; }

    public IReadOnlyList<SelectListItem> Officers { get; private set; } = [];

    public override string ConflictRecord => "case";

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        Officers = await OfficerChoices.ListAsync(db, User, ct);
        return true;
    }

    protected override void Prefill()
    {
        OfficerInCharge = User.OfficerKey();
        Team = User.FindFirst(StaffClaims.Team)?.Value;
    }

    protected override void Restore(OpenCaseState answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        CrimeReferences = string.Join(Environment.NewLine, answers.CrimeReferences);
        Offences = [.. answers.Offences];
        ReportedOn = answers.ReportedOn;
        OfficerInCharge = answers.OfficerInCharge;
        Team = answers.Team;
    }

    private string[] References => (CrimeReferences ?? "").Split([',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    protected override void Validate()
    {
        var references = References;
        if (references.Length == 0)
        {
            ModelState.AddModelError(nameof(CrimeReferences), "Enter the crime reference");
        }
        else if (references.Any(r => r.Length > StalkingCase.CrimeReferenceMaxLength))
        {
            ModelState.AddModelError(nameof(CrimeReferences), $"Each crime reference must be {StalkingCase.CrimeReferenceMaxLength} characters or fewer");
        }
        else if (string.Join(",", references).Length > StalkingCase.CrimeReferencesMaxLength)
        {
            ModelState.AddModelError(nameof(CrimeReferences), $"Crime references must be {StalkingCase.CrimeReferencesMaxLength} characters or fewer in total");
        }

        if (Offences.Count == 0)
        {
            ModelState.AddModelError(nameof(Offences), "Select the offences considered");
        }

        if (ModelState.GetValidationState(nameof(ReportedOn)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            if (ReportedOn is null)
            {
                ModelState.AddModelError(nameof(ReportedOn), "Enter the date reported");
            }
            else if (ReportedOn > timeProvider.UkToday)
            {
                ModelState.AddModelError(nameof(ReportedOn), RuleCheck.NotYetHappenedMessage);
            }
        }

        if (string.IsNullOrWhiteSpace(OfficerInCharge) || Officers.All(o => o.Value != OfficerInCharge))
        {
            ModelState.AddModelError(nameof(OfficerInCharge), "Select the officer in charge");
        }

        if (string.IsNullOrWhiteSpace(Team))
        {
            ModelState.AddModelError(nameof(Team), "Enter the team");
        }
        else if (Team.Length > StalkingCase.TeamMaxLength)
        {
            ModelState.AddModelError(nameof(Team), $"Team must be {StalkingCase.TeamMaxLength} characters or fewer");
        }
    }

    protected override OpenCaseState Capture() => new(References, Offences, ReportedOn!.Value, OfficerInCharge!, Team!.Trim());

    protected override string CheckAnswersUrl(Guid journey) => CaseLinks.OpenCaseCheckAnswers(journey);
}
