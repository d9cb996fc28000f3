using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Cases.ReassignCase;

public sealed class ReassignCaseState
{
    public required string OfficerInCharge { get; init; }

    public required string OfficerName { get; init; }

    public required string Team { get; init; }

    public required string Reason { get; init; }

    public long Version { get; set; }
}

/// <summary>A coordinator gives a case to another officer and team, with the reason, to share work out.</summary>
[Authorize(Policy = Policies.Coordinator)]
public class IndexModel(StalkingProtectionDbContext db) : CaseQuestionPageModel<ReassignCaseState>(db)
{
    public const string Name = "reassign-case";

    [BindProperty]
    [Display(Name = "Officer in charge")]
    public string? OfficerInCharge { get; set; }

    [BindProperty]
    [Display(Name = "Team")]
    public string? Team { get; set; }

    [BindProperty]
    [Display(Name = "Why is the case changing hands?")]
    public string? Reason { get; set; }

    /// <summary>RL4: the case's version when the page was opened.</summary>
    [BindProperty]
    public long Version { get; set; }

    public IReadOnlyList<SelectListItem> Officers { get; private set; } = [];

    private Dictionary<string, string> _names = [];

    protected override string JourneyName => Name;

    protected override async Task<bool> LoadChoicesAsync(CancellationToken ct)
    {
        Officers = await OfficerChoices.ListAsync(Db, User, ct);
        _names = await OfficerNames.OfAsync(Db, Officers.Select(o => o.Value ?? ""), ct);
        return true;
    }

    protected override void Prefill()
    {
        (OfficerInCharge, Team, Version) = (Case.OfficerInCharge, Case.Team, Case.Version);
    }

    protected override void Restore(ReassignCaseState answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        (OfficerInCharge, Team, Reason, Version) = (answers.OfficerInCharge, answers.Team, answers.Reason, answers.Version);
    }

    protected override void Validate()
    {
        if (string.IsNullOrWhiteSpace(OfficerInCharge) || Officers.All(o => o.Value != OfficerInCharge))
        {
            ModelState.AddModelError(nameof(OfficerInCharge), "Select the officer in charge");
        }

        if (string.IsNullOrWhiteSpace(Team))
        {
            ModelState.AddModelError(nameof(Team), "Enter the team");
        }
        else if (Team.Trim().Length > StalkingCase.TeamMaxLength)
        {
            ModelState.AddModelError(nameof(Team), $"Team must be {StalkingCase.TeamMaxLength} characters or fewer");
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter why the case is changing hands");
        }
        else if (Reason.Trim().Length > CaseService.ReassignReasonMaxLength)
        {
            ModelState.AddModelError(nameof(Reason), $"The reason must be {CaseService.ReassignReasonMaxLength} characters or fewer");
        }

        if (ModelState.IsValid && OfficerInCharge == Case.OfficerInCharge && Team!.Trim() == Case.Team)
        {
            ModelState.AddModelError(nameof(OfficerInCharge), "Select another officer or enter another team: the case is already theirs");
        }
    }

    protected override ReassignCaseState Capture() => new()
    {
        OfficerInCharge = OfficerInCharge!,
        OfficerName = _names.GetValueOrDefault(OfficerInCharge!) ?? Officers.First(o => o.Value == OfficerInCharge).Text,
        Team = Team!.Trim(),
        Reason = Reason!.Trim(),
        Version = Version,
    };
}
