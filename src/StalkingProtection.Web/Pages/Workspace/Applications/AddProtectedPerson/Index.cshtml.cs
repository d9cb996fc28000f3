using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Applications.AddProtectedPerson;

/// <summary>The person chosen, kept until it is confirmed.</summary>
public sealed class ProtectedPersonAnswers : ApplicationAnswers
{
    public Guid VictimId { get; set; }
}

public class IndexModel(StalkingProtectionDbContext db) : ApplicationQuestionPageModel<ProtectedPersonAnswers>(db)
{
    [BindProperty]
    [Display(Name = "Who is the order to protect?")]
    public Guid? VictimId { get; set; }

    public IReadOnlyList<SelectListItem> People { get; private set; } = [];

    protected override string JourneyName => ApplicationJourneys.AddProtectedPerson;

    /// <summary>SPA 2019 s.1(1)(c), R4: anyone on the case not yet named may be offered; a victim not recorded as a person to protect is refused by the rule.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> PeopleAsync(StalkingProtectionDbContext db, Core.Applications.Application application, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(application);
        var victims = await db.Victims.AsNoTracking().Where(v => v.CaseId == application.CaseId).ToListAsync(ct);
        var named = application.ProtectedPersons.Select(p => p.VictimId).ToHashSet();
        return victims.Where(v => !named.Contains(v.Id))
            .Select(v => new SelectListItem($"{v.Person.PrimaryName.FullName} ({Role(v.Role)})", v.Id.ToString())).ToList();
    }

    protected override async Task LoadChoicesAsync(CancellationToken ct) => People = await PeopleAsync(Db, Application, ct);

    protected override void Validate() =>
        Require(VictimId is { } id && People.Any(p => p.Value == id.ToString()), nameof(VictimId), "Select the person the order is to protect");

    protected override ProtectedPersonAnswers Answer() => new() { VictimId = VictimId!.Value };

    protected override void Fill(ProtectedPersonAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        VictimId = answers.VictimId;
    }

    private static string Role(VictimRole role) => role switch
    {
        VictimRole.DirectVictim => "victim",
        VictimRole.ProtectedPerson => "person to protect",
        _ => "victim and person to protect",
    };
}
