using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Web.Pages.Workspace.Cases.RecordAct;

public sealed record RecordActState(DateOnly OccurredFrom, DateOnly? OccurredTo, string LocationCountry, string? Location,
    IReadOnlyList<ActCategory> Categories, string? OtherCategoryDescription, ActChannel Channel, Guid? TargetVictimId, string Description);

// SPA 2019 s.1(6), PHA 1997 s.2A(3), R6: the statutory examples, plus Other because the list is not exhaustive.
public static class ActCategoryChoices
{
    public static IReadOnlyList<SelectListItem> Items { get; } =
    [
        new("Following a person", nameof(ActCategory.Following)),
        new("Contacting, or attempting to contact, a person by any means", nameof(ActCategory.Contacting)),
        new("Publishing any statement or other material about a person, or claiming to come from them", nameof(ActCategory.Publishing)),
        new("Monitoring a person's use of the internet, email or other electronic communication", nameof(ActCategory.MonitoringElectronicCommunications)),
        new("Loitering in any place, public or private", nameof(ActCategory.Loitering)),
        new("Interfering with any property in a person's possession", nameof(ActCategory.InterferingWithProperty)),
        new("Watching or spying on a person", nameof(ActCategory.WatchingOrSpying)),
        new("Other", nameof(ActCategory.Other)),
    ];

    public static IReadOnlyList<SelectListItem> Channels { get; } =
    [
        new("In person", nameof(ActChannel.InPerson)),
        new("Online", nameof(ActChannel.Online)),
        new("Through a third party", nameof(ActChannel.ThirdParty)),
    ];

    public static ActCategory Combine(IEnumerable<ActCategory> categories) => categories.Aggregate(ActCategory.None, (all, c) => all | c);

    public static string Describe(ActCategory categories, string? other) =>
        string.Join("; ", Items.Where(i => i.Value != nameof(ActCategory.Other) && categories.HasFlag(Enum.Parse<ActCategory>(i.Value))).Select(i => i.Text)
            .Concat(categories.HasFlag(ActCategory.Other) ? [$"Other: {other}"] : []));
}

/// <summary>Recording an act associated with stalking (SPA 2019 s.1(6), R6).</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : ActFormPageModel<RecordActState>(db, timeProvider)
{
    public const string Name = "record-act";

    protected override string JourneyName => Name;

    protected override void Restore(RecordActState answers) => Show(answers);

    protected override RecordActState Capture() => ToState();
}

/// <summary>The questions about an act, shared by recording a new act and correcting one.</summary>
public abstract class ActFormPageModel<TAnswers>(StalkingProtectionDbContext db, TimeProvider timeProvider) : CaseQuestionPageModel<TAnswers>(db)
    where TAnswers : class
{
    [BindProperty]
    [Display(Name = "When did it happen?")]
    public DateOnly? OccurredFrom { get; set; }

    [BindProperty]
    [Display(Name = "If it went on over a period, when did it end? (optional)")]
    public DateOnly? OccurredTo { get; set; }

    [BindProperty]
    [Display(Name = "Country")]
    public string? LocationCountry { get; set; } = "United Kingdom";

    [BindProperty]
    [Display(Name = "Place (optional)")]
    public string? Location { get; set; }

    [BindProperty]
    [Display(Name = "What kind of act was it?")]
    public List<ActCategory> Categories { get; set; } = [];

    [BindProperty]
    [Display(Name = "Describe the other kind of act (if Other)")]
    public string? OtherCategoryDescription { get; set; }

    [BindProperty]
    [Display(Name = "How was it done?")]
    public ActChannel? Channel { get; set; }

    [BindProperty]
    [Display(Name = "Who was it aimed at? (optional)")]
    public Guid? TargetVictimId { get; set; }

    [BindProperty]
    [Display(Name = "What happened?")]
    public string? Description { get; set; }

    public IReadOnlyList<SelectListItem> Victims { get; private set; } = [];

    protected override void Validate()
    {
        if (ModelState.GetValidationState(nameof(OccurredFrom)) != ModelValidationState.Invalid)
        {
            if (OccurredFrom is null)
            {
                ModelState.AddModelError(nameof(OccurredFrom), "Enter the date it happened");
            }
            else if (OccurredFrom > timeProvider.UkToday)
            {
                ModelState.AddModelError(nameof(OccurredFrom), RuleCheck.NotYetHappenedMessage);
            }
        }

        if (OccurredTo is { } to && OccurredFrom is { } from && to < from)
        {
            ModelState.AddModelError(nameof(OccurredTo), "The end date must be the same as or after the date it happened");
        }

        // SPA 2019 s.1(5), R5: acts anywhere in the world count, so any country is accepted.
        if (string.IsNullOrWhiteSpace(LocationCountry))
        {
            ModelState.AddModelError(nameof(LocationCountry), "Enter the country where it happened");
        }
        else if (LocationCountry.Length > StalkingAct.CountryMaxLength)
        {
            ModelState.AddModelError(nameof(LocationCountry), $"Country must be {StalkingAct.CountryMaxLength} characters or fewer");
        }

        if (Location is { Length: > StalkingAct.LocationMaxLength })
        {
            ModelState.AddModelError(nameof(Location), $"Place must be {StalkingAct.LocationMaxLength} characters or fewer");
        }

        if (Categories.Count == 0)
        {
            ModelState.AddModelError(nameof(Categories), "Select at least one kind of act associated with stalking (SPA 2019 s.1(6), R6)");
        }

        if (Channel is null)
        {
            ModelState.AddModelError(nameof(Channel), "Select how it was done");
        }

        if (TargetVictimId is { } target && Victims.All(v => v.Value != target.ToString()))
        {
            ModelState.AddModelError(nameof(TargetVictimId), "Select a person recorded on this case");
        }

        if (string.IsNullOrWhiteSpace(Description))
        {
            ModelState.AddModelError(nameof(Description), "Enter what happened");
        }
        else if (Description.Length > StalkingAct.DescriptionMaxLength)
        {
            ModelState.AddModelError(nameof(Description), $"What happened must be {StalkingAct.DescriptionMaxLength} characters or fewer");
        }
    }

    protected RecordActState ToState() => new(OccurredFrom!.Value, OccurredTo, LocationCountry!.Trim(),
        string.IsNullOrWhiteSpace(Location) ? null : Location.Trim(), Categories, OtherCategoryDescription, Channel!.Value, TargetVictimId, Description!.Trim());

    protected void Show(RecordActState s)
    {
        (OccurredFrom, OccurredTo, LocationCountry, Location) = (s.OccurredFrom, s.OccurredTo, s.LocationCountry, s.Location);
        (Categories, OtherCategoryDescription, Channel, TargetVictimId, Description) = ([.. s.Categories], s.OtherCategoryDescription, s.Channel, s.TargetVictimId, s.Description);
    }

    protected override async Task<bool> LoadChoicesAsync(CancellationToken ct)
    {
        var victims = await Db.Victims.AsNoTracking().Where(v => v.CaseId == Id).ToListAsync(ct);
        Victims = victims.Select(v => new SelectListItem(v.Person.PrimaryName.FullName, v.Id.ToString())).ToList();
        return true;
    }
}
