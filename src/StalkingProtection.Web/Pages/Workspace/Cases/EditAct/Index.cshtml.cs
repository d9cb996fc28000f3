using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Pages.Workspace.Cases.RecordAct;

namespace StalkingProtection.Web.Pages.Workspace.Cases.EditAct;

/// <summary>The corrected act, why it was corrected, and the case's version when the correction began (RL4).</summary>
public sealed class EditActState
{
    public required RecordActState Act { get; init; }

    public required string Reason { get; init; }

    public long Version { get; set; }
}

/// <summary>Correcting the record of an act, with the reason for the change (DPA 2018 s.62).</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : ActFormPageModel<EditActState>(db, timeProvider)
{
    public const string Name = "edit-act";

    [BindProperty(SupportsGet = true)]
    public Guid ActId { get; set; }

    [BindProperty]
    [Display(Name = "Why are you changing the record of this act?")]
    public string? Reason { get; set; }

    /// <summary>RL4: the case's version when the page was opened.</summary>
    [BindProperty]
    public long Version { get; set; }

    public StalkingAct Act { get; private set; } = null!;

    protected override string JourneyName => Name;

    protected override async Task<bool> LoadChoicesAsync(CancellationToken ct)
    {
        if (await Db.StalkingActs.AsNoTracking().SingleOrDefaultAsync(a => a.Id == ActId && a.CaseId == Id, ct) is not { } act)
        {
            return false;
        }

        Act = act;
        return await base.LoadChoicesAsync(ct);
    }

    protected override void Prefill()
    {
        Show(EditActForms.StateOf(Act));
        Version = Case.Version;
    }

    protected override void Restore(EditActState answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        Show(answers.Act);
        (Reason, Version) = (answers.Reason, answers.Version);
    }

    protected override void Validate()
    {
        base.Validate();

        // DPA 2018 s.62: an alteration of personal data records why.
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter why you are changing the record of this act");
        }
        else if (Reason.Length > AuditEntry.JustificationMaxLength)
        {
            ModelState.AddModelError(nameof(Reason), $"Reason must be {AuditEntry.JustificationMaxLength} characters or fewer");
        }
    }

    protected override EditActState Capture() => new() { Act = ToState(), Reason = Reason!.Trim(), Version = Version };

    protected override string CheckAnswersUrl(Guid journey) => CaseLinks.RecordCheckAnswers(Name, Id, ActId, journey);
}

public static class EditActForms
{
    public static RecordActState StateOf(StalkingAct act) => new(LondonTime.DateOf(act.OccurredFrom), act.OccurredTo is { } to ? LondonTime.DateOf(to) : null,
        act.LocationCountry, act.Location, Enum.GetValues<ActCategory>().Where(c => c != ActCategory.None && act.Categories.HasFlag(c)).ToList(),
        act.OtherCategoryDescription, act.Channel, act.TargetVictimId, act.Description);
}
