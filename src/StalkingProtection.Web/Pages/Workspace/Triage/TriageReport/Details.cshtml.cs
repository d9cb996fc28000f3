using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Reports;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Triage.TriageReport;

/// <summary>The details of the chosen outcome: the new case, the existing case, or why the report is closed.</summary>
public class DetailsModel(StalkingProtectionDbContext db) : TriageJourneyPageModel(db)
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

    public string Heading => State.Outcome switch
    {
        TriageOutcome.CaseOpened => "Open a new case",
        TriageOutcome.AddedToCase => "Add to an existing case",
        _ => "Close the report without a case",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await StartAsync(ct) is { } redirect)
        {
            return redirect;
        }

        CrimeReferences = string.Join(Environment.NewLine, State.CrimeReferences);
        Offences = [.. State.Offences];
        OfficerInCharge = State.OfficerInCharge ?? User.OfficerKey();
        Team = State.Team ?? User.FindFirst(StaffClaims.Team)?.Value;
        AddVictim = State.Outcome == TriageOutcome.CaseOpened && State.DetailsComplete ? State.AddVictim : null;
        VictimGivenNames = State.VictimGivenNames;
        VictimFamilyName = State.VictimFamilyName;
        CopyContactDetails = State.AddVictim ? State.CopyContactDetails : null;
        CaseReference = State.CaseLabel;
        CaseId = State.CaseId;
        CloseReason = State.CloseReason;
        CloseDetails = State.CloseDetails;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await StartAsync(ct) is { } redirect)
        {
            return redirect;
        }

        ModelState.Clear();
        var valid = State.Outcome switch
        {
            TriageOutcome.CaseOpened => await ValidateNewCaseAsync(ct),
            TriageOutcome.AddedToCase => await ValidateExistingCaseAsync(ct),
            _ => ValidateClose(),
        };
        if (!valid)
        {
            return Page();
        }

        SaveState();
        return Redirect(CheckHref);
    }

    private async Task<IActionResult?> StartAsync(CancellationToken ct)
    {
        if (!await LoadReportAsync(ct))
        {
            return NotFound();
        }

        if (!LoadState() || State.Outcome is null)
        {
            return Redirect(StartHref);
        }

        if (State.Outcome == TriageOutcome.CaseOpened)
        {
            Officers = await OfficersAsync(ct);
        }

        return null;
    }

    private async Task<bool> ValidateNewCaseAsync(CancellationToken ct)
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
            return false;
        }

        State.CrimeReferences = [.. references];
        State.Offences = [.. Offences];
        State.OfficerInCharge = OfficerInCharge;
        State.Team = Team!.Trim();
        State.AddVictim = addVictim;
        State.VictimGivenNames = addVictim ? VictimGivenNames?.Trim() ?? "" : null;
        State.VictimFamilyName = addVictim ? VictimFamilyName!.Trim() : null;
        State.CopyContactDetails = copy;
        return true;
    }

    private async Task<bool> ValidateExistingCaseAsync(CancellationToken ct)
    {
        var reference = CaseReference?.Trim() ?? "";
        if (reference.Length == 0)
        {
            ModelState.AddModelError(nameof(CaseReference), "Enter the crime reference of the case");
            return false;
        }

        var matches = await Db.Cases.AsNoTracking().VisibleTo(User)
            .Where(c => c.CrimeReferences == reference || c.CrimeReferences.StartsWith(reference + ",") || c.CrimeReferences.EndsWith("," + reference)
                || c.CrimeReferences.Contains("," + reference + ","))
            .OrderByDescending(c => c.Id)
            .Take(CaseMatchLimit)
            .Select(c => new { c.Id, c.CrimeReferences, c.ReportedOn, c.Status, c.Team })
            .ToListAsync(ct);
        if (matches.Count == 0)
        {
            ModelState.AddModelError(nameof(CaseReference), "There is no case you can see with that crime reference");
            return false;
        }

        if (matches.Count > 1 && (CaseId is null || matches.All(m => m.Id != CaseId)))
        {
            CaseMatches = matches.Select(m => new SelectListItem(
                $"{m.CrimeReferences.Replace(",", ", ", StringComparison.Ordinal)}, reported {Display.Date(m.ReportedOn)} ({m.Team}, {m.Status})", m.Id.ToString())).ToList();
            ModelState.AddModelError(nameof(CaseId), "More than one case has that crime reference: select the case");
            return false;
        }

        var chosen = matches.Count == 1 ? matches[0] : matches.Single(m => m.Id == CaseId);
        if (chosen.Status == CaseStatus.Closed)
        {
            ModelState.AddModelError(nameof(CaseReference), "That case is closed: open a new case from the report instead");
            return false;
        }

        State.CaseId = chosen.Id;
        State.CaseLabel = chosen.CrimeReferences.Replace(",", ", ", StringComparison.Ordinal);
        return true;
    }

    private bool ValidateClose()
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
            return false;
        }

        State.CloseReason = CloseReason;
        State.CloseDetails = CloseDetails!.Trim();
        return true;
    }
}
