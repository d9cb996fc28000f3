using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Applications.ViewApplication;

public enum TaskStatus
{
    NotStarted,
    InProgress,
    Completed,
    NotNeeded,
    CannotStartYet,
}

public sealed record ApplicationTask(string Name, string? Href, TaskStatus Status, string? Hint = null);

public sealed record ApplicationComment(DateTimeOffset At, string Who, string? Role, string What, string Text);

public class IndexModel(StalkingProtectionDbContext db, AuditLog auditLog, TimeProvider timeProvider) : ApplicationPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Respondent? Respondent { get; private set; }

    public int? RespondentAge { get; private set; }

    public IReadOnlyList<Victim> ProtectedPersons { get; private set; } = [];

    public IReadOnlyList<ApplicationTask> Tasks { get; private set; } = [];

    public IReadOnlyList<Hearing> Hearings { get; private set; } = [];

    public IReadOnlyList<ApplicationComment> Comments { get; private set; } = [];

    /// <summary>The order the court made on this application, once recorded.</summary>
    public Guid? OrderId { get; private set; }

    public bool IsDraft => Application.Status == ApplicationStatus.Draft;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadApplicationAsync(db, Id, ct))
        {
            return NotFound();
        }

        var a = Application;
        Respondent = await db.Respondents.AsNoTracking().SingleOrDefaultAsync(r => r.Id == a.RespondentId, ct);
        // R7: the age on the application date (the lodging date once lodged).
        RespondentAge = Respondent?.Person.AgeOn(a.LodgedOn ?? timeProvider.UkToday);
        var protectedIds = a.ProtectedPersons.Select(p => p.VictimId).ToList();
        ProtectedPersons = await db.Victims.AsNoTracking().Where(v => protectedIds.Contains(v.Id)).ToListAsync(ct);
        Hearings = await db.Hearings.AsNoTracking().Where(h => h.ApplicationId == Id).OrderBy(h => h.ListedFor).ToListAsync(ct);
        OrderId = await db.Orders.AsNoTracking().Where(o => o.ApplicationId == Id).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        var key = Id.ToString();
        var notes = await db.AuditEntries.AsNoTracking()
            .Where(e => e.RecordId == key && (e.Action == "Application.Commented" || e.Action == "Application.Returned"))
            .OrderBy(e => e.Id).ToListAsync(ct);
        Comments = notes.Select(e => new ApplicationComment(e.OccurredAt, e.ActorName, e.ActorRole,
            e.Action == "Application.Returned" ? "Returned with comments" : "Comment", e.Justification ?? "")).ToList();
        Tasks = BuildTasks();

        // DPA 2018 s.62: the application names the respondent and the people to protect.
        await auditLog.RecordConsultationAsync(User.ToActor(), "Application.Viewed", nameof(Application), Id, null, ct);
        return Page();
    }

    private List<ApplicationTask> BuildTasks()
    {
        var a = Application;
        var url = ApplicationUrl.Replace("/workspace/applications/", "", StringComparison.Ordinal);
        string? Href(string journey) => IsDraft ? $"/workspace/applications/{journey}/{url}" : null;
        var territorial = a.ApplicantForce is { } force && PoliceForces.IsTerritorial(force);
        var limbs = Enum.GetValues<Limb>().Count(l => a.Evidence.Any(e => e.Limb == l));
        return
        [
            new("Respondent", $"/workspace/cases/{a.CaseId}", Respondent?.Person.DateOfBirth is null ? TaskStatus.InProgress : TaskStatus.Completed,
                Respondent?.Person.DateOfBirth is null ? "Record the respondent's date of birth (R7)" : null),
            new("Why the force may apply (jurisdiction)", territorial ? Href("set-jurisdiction") : null,
                !territorial ? TaskStatus.NotNeeded : a.JurisdictionBasis is null ? TaskStatus.NotStarted : TaskStatus.Completed, "SPA 2019 s.1(3), R2"),
            new("Evidence for the three limbs of the test", Href("add-evidence"),
                limbs == 3 ? TaskStatus.Completed : limbs == 0 ? TaskStatus.NotStarted : TaskStatus.InProgress, "SPA 2019 s.1(1), R3"),
            new("People the order is to protect", Href("add-protected-person"),
                a.ProtectedPersons.Count == 0 ? TaskStatus.NotStarted : TaskStatus.Completed, "SPA 2019 s.1(1)(c), R4"),
            new("Court", Href("choose-court"), string.IsNullOrWhiteSpace(a.CourtName) ? TaskStatus.NotStarted : TaskStatus.Completed, "R7"),
            new("Authorisation by an SPO coordinator", IsDraft && User.IsInRole(Core.Staff.StaffRoles.Coordinator) ? Href("authorise-application") : null,
                a.AuthorisedAt is null ? TaskStatus.NotStarted : TaskStatus.Completed),
            new("Lodge with the court", Href("lodge-application"),
                !IsDraft ? TaskStatus.Completed : a.AuthorisedAt is null ? TaskStatus.CannotStartYet : TaskStatus.NotStarted),
        ];
    }

    public static string StatusText(TaskStatus status) => status switch
    {
        TaskStatus.NotStarted => "Not yet started",
        TaskStatus.InProgress => "In progress",
        TaskStatus.Completed => "Completed",
        TaskStatus.NotNeeded => "Not needed",
        _ => "Cannot start yet",
    };
}
