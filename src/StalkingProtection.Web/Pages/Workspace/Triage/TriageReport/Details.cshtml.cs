using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Reports;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;
using StalkingProtection.Web.Pages.Workspace.Cases;

namespace StalkingProtection.Web.Pages.Workspace.Triage.TriageReport;

/// <summary>The details of the chosen outcome: the new case, the existing case, or why the report is closed.</summary>
public class DetailsModel(StalkingProtectionDbContext db) : TriageQuestionPageModel(db)
{
    public const int CaseMatchLimit = 10;

    [BindProperty]
    [Display(Name = "Crime references (optional)")]
    public string? CrimeReferences { get; set; }

    [BindProperty]
    [Display(Name = "Offences considered")]
    public List<OffencesConsidered> Offences { get; set; } = [];

    [BindProperty]
    [Display(Name = "Officer in charge")]
    public string? OfficerInCharge { get; set; }

    [BindProperty]
    [Display(Name = "Team")]
    public string? Team { get; set; }

    [BindProperty]
    [Display(Name = "Add the person who reported as the victim on the case?")]
    public bool? AddVictim { get; set; }

    [BindProperty]
    [Display(Name = "Victim's given names")]
    public string? VictimGivenNames { get; set; }

    [BindProperty]
    [Display(Name = "Victim's family name")]
    public string? VictimFamilyName { get; set; }

    [BindProperty]
    [Display(Name = "Copy their safe contact details into the victim's contact details?")]
    public bool? CopyContactDetails { get; set; }

    [BindProperty]
    [Display(Name = "Crime reference of the case")]
    public string? CaseReference { get; set; }

    [BindProperty]
    [Display(Name = "Which case?")]
    public Guid? CaseId { get; set; }

    [BindProperty]
    [Display(Name = "Why are you closing the report?")]
    public TriageCloseReason? CloseReason { get; set; }

    [BindProperty]
    [Display(Name = "Give the reason in your own words")]
    public string? CloseDetails { get; set; }

    public IReadOnlyList<SelectListItem> Officers { get; private set; } = [];

    public IReadOnlyList<SelectListItem> CaseMatches { get; private set; } = [];

    public bool ReporterIsVictim => Report.ReportingFor == ReportingFor.Myself;

    public bool HasContactDetails => Report.ProtectedContact is not null;

    /// <summary>The outcome chosen on the first page, whose questions this page asks.</summary>
    public TriageOutcome? Outcome => Kept?.Outcome;

    public string Heading => Kept!.Outcome switch
    {
        TriageOutcome.CaseOpened => "Open a new case",
        TriageOutcome.AddedToCase => "Add to an existing case",
        _ => "Close the report without a case",
    };

    public string StartHref => TriageLinks.Start(Id);

    /// <summary>The details follow the outcome: without one, the journey starts again.</summary>
    protected override string? Elsewhere() => Kept?.Outcome is null ? TriageLinks.Start(Id) : null;

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Kept!.Outcome == TriageOutcome.CaseOpened)
        {
            Officers = await OfficerChoices.ListAsync(Db, User, ct);
        }

        return true;
    }

    protected override void Restore(TriageState answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        CrimeReferences = string.Join(Environment.NewLine, answers.CrimeReferences);
        Offences = [.. answers.Offences];
        OfficerInCharge = answers.OfficerInCharge ?? User.OfficerKey();
        Team = answers.Team ?? User.FindFirst(StaffClaims.Team)?.Value;
        AddVictim = answers.Outcome == TriageOutcome.CaseOpened && answers.DetailsComplete ? answers.AddVictim : null;
        VictimGivenNames = answers.VictimGivenNames;
        VictimFamilyName = answers.VictimFamilyName;
        CopyContactDetails = answers.AddVictim ? answers.CopyContactDetails : null;
        CaseReference = answers.CaseLabel;
        CaseId = answers.CaseId;
        CloseReason = answers.CloseReason;
        CloseDetails = answers.CloseDetails;
    }

    /// <summary>Only the questions of the chosen outcome are checked; the others' fields are ignored.</summary>
    protected override async Task ValidateAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (Kept!.Outcome == TriageOutcome.AddedToCase)
        {
            await ValidateExistingCaseAsync(ct);
        }
        else
        {
            Validate();
        }
    }

    protected override void Validate()
    {
        if (Kept!.Outcome == TriageOutcome.CaseOpened)
        {
            ValidateNewCase();
        }
        else
        {
            ValidateClose();
        }
    }

    /// <summary>This page's answers, over the outcome kept from the first page.</summary>
    protected override TriageState Capture() => Kept!;

    protected override string CheckAnswersUrl(Guid journey) => TriageLinks.CheckAnswers(Id);

    private void ValidateNewCase()
    {
        var references = (CrimeReferences ?? "").Split([',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (references.Any(r => r.Length > StalkingCase.CrimeReferenceMaxLength))
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

        var addVictim = false;
        var copy = false;
        if (ReporterIsVictim)
        {
            if (AddVictim is null)
            {
                ModelState.AddModelError(nameof(AddVictim), "Select yes if you want to add the person who reported as the victim");
            }

            addVictim = AddVictim == true;
            if (addVictim)
            {
                if (string.IsNullOrWhiteSpace(VictimFamilyName))
                {
                    ModelState.AddModelError(nameof(VictimFamilyName), "Enter the victim's family name");
                }
                else if (VictimFamilyName.Trim().Length > PersonName.NameMaxLength)
                {
                    ModelState.AddModelError(nameof(VictimFamilyName), $"Family name must be {PersonName.NameMaxLength} characters or fewer");
                }

                if ((VictimGivenNames?.Trim().Length ?? 0) > PersonName.NameMaxLength)
                {
                    ModelState.AddModelError(nameof(VictimGivenNames), $"Given names must be {PersonName.NameMaxLength} characters or fewer");
                }

                if (HasContactDetails)
                {
                    if (CopyContactDetails is null)
                    {
                        ModelState.AddModelError(nameof(CopyContactDetails), "Select yes if you want to copy their safe contact details");
                    }

                    copy = CopyContactDetails == true;
                }
            }
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        Kept!.CrimeReferences = [.. references];
        Kept!.Offences = [.. Offences];
        Kept!.OfficerInCharge = OfficerInCharge;
        Kept!.Team = Team!.Trim();
        Kept!.AddVictim = addVictim;
        Kept!.VictimGivenNames = addVictim ? VictimGivenNames?.Trim() ?? "" : null;
        Kept!.VictimFamilyName = addVictim ? VictimFamilyName!.Trim() : null;
        Kept!.CopyContactDetails = copy;
    }

    private async Task ValidateExistingCaseAsync(CancellationToken ct)
    {
        var reference = CaseReference?.Trim() ?? "";
        if (reference.Length == 0)
        {
            ModelState.AddModelError(nameof(CaseReference), "Enter the crime reference of the case");
            return;
        }

        var matches = await CaseCrimeReference.CasesWith(Db.Cases.AsNoTracking().VisibleTo(User), Db.Set<CaseCrimeReference>(), reference)
            .OrderByDescending(c => c.Id)
            .Take(CaseMatchLimit)
            .Select(c => new { c.Id, c.CrimeReferences, c.ReportedOn, c.Status, c.Team })
            .ToListAsync(ct);
        if (matches.Count == 0)
        {
            ModelState.AddModelError(nameof(CaseReference), "There is no case you can see with that crime reference");
            return;
        }

        if (matches.Count > 1 && (CaseId is null || matches.All(m => m.Id != CaseId)))
        {
            CaseMatches = matches.Select(m => new SelectListItem(
                $"{m.CrimeReferences.Replace(",", ", ", StringComparison.Ordinal)}, reported {Display.Date(m.ReportedOn)} ({m.Team}, {m.Status})", m.Id.ToString())).ToList();
            ModelState.AddModelError(nameof(CaseId), "More than one case has that crime reference: select the case");
            return;
        }

        var chosen = matches.Count == 1 ? matches[0] : matches.Single(m => m.Id == CaseId);
        if (chosen.Status == CaseStatus.Closed)
        {
            ModelState.AddModelError(nameof(CaseReference), "That case is closed: open a new case from the report instead");
            return;
        }

        Kept!.CaseId = chosen.Id;
        Kept!.CaseLabel = chosen.CrimeReferences.Replace(",", ", ", StringComparison.Ordinal);
    }

    private void ValidateClose()
    {
        if (CloseReason is null)
        {
            ModelState.AddModelError(nameof(CloseReason), "Select why you are closing the report");
        }

        if (string.IsNullOrWhiteSpace(CloseDetails))
        {
            ModelState.AddModelError(nameof(CloseDetails), "Give the reason for closing the report without a case (R39)");
        }
        else if (CloseDetails.Trim().Length > PublicReport.CloseDetailsMaxLength)
        {
            ModelState.AddModelError(nameof(CloseDetails), $"The reason must be {PublicReport.CloseDetailsMaxLength} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        Kept!.CloseReason = CloseReason;
        Kept!.CloseDetails = CloseDetails!.Trim();
    }
}
