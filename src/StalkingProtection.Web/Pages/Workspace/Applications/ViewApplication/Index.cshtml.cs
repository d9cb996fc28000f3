using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
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

public class IndexModel(StalkingProtectionDbContext db, AuditLog auditLog, TimeProvider timeProvider, ApplicationService applications) : ApplicationPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Respondent? Respondent { get; private set; }

    public int? RespondentAge { get; private set; }

    public IReadOnlyList<Victim> ProtectedPersons { get; private set; } = [];

    public IReadOnlyList<ApplicationTask> Tasks { get; private set; } = [];

    public IReadOnlyList<Hearing> Hearings { get; private set; } = [];

    public IReadOnlyList<ApplicationComment> Comments { get; private set; } = [];

    public ProposeCondition.ProposedConditionList ProposedConditions { get; private set; } = null!;

    /// <summary>The order the court made on this application, once recorded.</summary>
    public Guid? OrderId { get; private set; }

    public bool IsDraft => Application.Status == ApplicationStatus.Draft;

    /// <summary>A police draft not yet authorised and not already in the coordinators' queue.</summary>
    public bool CanAskForAuthorisation => IsDraft && Application.AuthorisedAt is null && Application.AwaitingAuthorisationSince is null
        && Application.ApplicantParty != ApplicantParty.Defendant;

    /// <summary>The officer asks a coordinator to authorise the draft; it joins the coordinators' queue.</summary>
    public async Task<IActionResult> OnPostAskForAuthorisationAsync(long version, CancellationToken ct)
    {
        if (!await LoadApplicationAsync(db, Id, ct))
        {
            return NotFound();
        }

        try
        {
            var asked = await applications.AskForAuthorisationAsync(new AuthoriseApplicationOptions(Id, version), User.ToActor(), ct);
            TempData[Flash.Key] = asked.Explain();
        }
        catch (Core.Rules.RuleViolationException ex)
        {
            TempData[Flash.Key] = string.Join(" ", ex.Violations.Select(v => v.Message));
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData[Flash.Key] = "Someone else changed the application: check it and ask again";
        }

        return Redirect(ApplicationUrl);
    }

    /// <summary>For a variation, renewal or discharge: the order it asks the court to change (SPA 2019 s.4).</summary>
    public Core.Orders.StalkingProtectionOrder? ChangeOrder { get; private set; }

    /// <summary>SPA 2019 s.4, R22: discharging a full order in its first 2 years needs the consent of both parties.</summary>
    public bool EarlyDischarge => Application.Type == ApplicationType.Discharge && ChangeOrder is { Kind: Core.Orders.OrderKind.Full } o
        && timeProvider.UkToday < StatutoryDates.EarliestDischargeWithoutConsent(o.MadeOn);

    /// <summary>The order journey that records the court's grant of this change application, tied to it.</summary>
    public string? RecordGrantUrl => Application.OrderId is { } orderId && Application.IsOpen
        ? OrderLinks.JourneyOnApplication(ChangeJourney(Application.Type), orderId, Application.Id)
        : null;

    public static string ChangeJourney(ApplicationType type) => type switch
    {
        ApplicationType.Variation => "vary-order",
        ApplicationType.Renewal => "renew-order",
        _ => "discharge-order",
    };

    public static string Heading(Application a) => a.Type switch
    {
        ApplicationType.Variation => "Application to vary a stalking protection order",
        ApplicationType.Renewal => "Application to renew a stalking protection order",
        ApplicationType.Discharge => "Application to discharge a stalking protection order",
        _ => $"{a.Type} application for a stalking protection order",
    };

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
        ProposedConditions = new ProposeCondition.ProposedConditionList(a.ProposedConditions,
            await ProposeCondition.ProposedConditionText.PeopleAsync(db, a, ct), false);
        if (a.OrderId is { } orderId)
        {
            ChangeOrder = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, ct);
        }

        Tasks = a.IsForOrder ? BuildTasks() : BuildChangeTasks();

        // DPA 2018 s.62: the application names the respondent and the people to protect.
        await auditLog.RecordConsultationAsync(User.ToActor(), AuditEvents.Application.Viewed.For(Id), ct);
        return Page();
    }

    private List<ApplicationTask> BuildTasks()
    {
        var a = Application;
        string? Href(string journey) => IsDraft ? ApplicationLinks.Journey(journey, a.Id) : null;
        var territorial = a.ApplicantForce is { } force && PoliceForces.IsTerritorial(force);
        var limbs = Enum.GetValues<Limb>().Count(l => a.Evidence.Any(e => e.Limb == l));
        return
        [
            new("Respondent", CaseLinks.View(a.CaseId), Respondent?.Person.DateOfBirth is null ? TaskStatus.InProgress : TaskStatus.Completed,
                Respondent?.Person.DateOfBirth is null ? "Record the respondent's date of birth (R7)" : null),
            new("Why the force may apply (jurisdiction)", territorial ? Href(ApplicationJourneys.SetJurisdiction) : null,
                !territorial ? TaskStatus.NotNeeded : a.JurisdictionBasis is null ? TaskStatus.NotStarted : TaskStatus.Completed, "SPA 2019 s.1(3), R2"),
            new("Evidence for the three limbs of the test", Href(ApplicationJourneys.AddEvidence),
                limbs == 3 ? TaskStatus.Completed : limbs == 0 ? TaskStatus.NotStarted : TaskStatus.InProgress, "SPA 2019 s.1(1), R3"),
            new("People the order is to protect", Href(ApplicationJourneys.AddProtectedPerson),
                a.ProtectedPersons.Count == 0 ? TaskStatus.NotStarted : TaskStatus.Completed, "SPA 2019 s.1(1)(c), R4"),
            ProposedConditionsTask(),
            new("Court", Href(ApplicationJourneys.ChooseCourt), string.IsNullOrWhiteSpace(a.CourtName) ? TaskStatus.NotStarted : TaskStatus.Completed, "R7"),
            new("Authorisation by an SPO coordinator", IsDraft && User.IsInRole(Core.Staff.StaffRoles.Coordinator) ? Href(ApplicationJourneys.Authorise) : null,
                a.AuthorisedAt is not null ? TaskStatus.Completed : a.AwaitingAuthorisationSince is not null ? TaskStatus.InProgress : TaskStatus.NotStarted),
            new("Lodge with the court", Href(ApplicationJourneys.Lodge),
                !IsDraft ? TaskStatus.Completed : a.AuthorisedAt is null ? TaskStatus.CannotStartYet : TaskStatus.NotStarted),
        ];
    }

    /// <summary>SPA 2019 s.2(2), R8: in progress while a person to protect is named in no proposed condition.</summary>
    private ApplicationTask ProposedConditionsTask()
    {
        var a = Application;
        if (!a.IsForOrder)
        {
            return new("Proposed conditions", null, TaskStatus.NotNeeded, "A variation's terms are recorded when the court varies the order");
        }

        var uncovered = a.ProtectedPersons.Count(p => a.ProposedConditions.All(c => !c.ProtectedPersonIds.Contains(p.VictimId)));
        var status = a.ProposedConditions.Count == 0 ? TaskStatus.NotStarted : uncovered > 0 ? TaskStatus.InProgress : TaskStatus.Completed;
        return new("Proposed conditions", ApplicationLinks.Journey("propose-condition", a.Id), status,
            status == TaskStatus.InProgress ? "A person to protect is not named in any proposed condition (SPA 2019 s.2(2), R8)" : "SPA 2019 s.1(2), s.2(2)–(4), R8–R10");
    }

    // SPA 2019 s.4, s.5(7): no three limbs, jurisdiction or protected persons; what is asked for, and R21 where it applies.
    private List<ApplicationTask> BuildChangeTasks()
    {
        var a = Application;
        string? Href(string journey) => IsDraft ? ApplicationLinks.Journey(journey, a.Id) : null;
        var byDefendant = a.ApplicantParty == ApplicantParty.Defendant;
        var amend = AmendChangeSought.IndexModel.CanAmend(a) ? ApplicationLinks.Journey(ApplicationJourneys.AmendChangeSought, a.Id) : null;
        var changeSought = string.IsNullOrWhiteSpace(a.ChangeSought) ? TaskStatus.NotStarted
            : a.Type == ApplicationType.Variation && a.AddsOrTightens is null ? TaskStatus.InProgress
            : TaskStatus.Completed;
        var tasks = new List<ApplicationTask>
        {
            new("The order", a.OrderId is { } orderId ? OrderLinks.View(orderId) : null, TaskStatus.Completed, "SPA 2019 s.4"),
            new("What the application asks the court to do", amend, changeSought,
                changeSought == TaskStatus.InProgress ? "Say whether the variation adds conditions or makes any stricter (SPA 2019 s.4, R21)" : null),
        };
        if (a.NeedsNecessityRationale)
        {
            tasks.Add(new("Why it is necessary to protect a person", amend,
                string.IsNullOrWhiteSpace(a.NecessityRationale) ? TaskStatus.NotStarted : TaskStatus.Completed, "SPA 2019 s.4, R21"));
        }

        tasks.Add(new("Court", Href(ApplicationJourneys.ChooseCourt), string.IsNullOrWhiteSpace(a.CourtName) ? TaskStatus.NotStarted : TaskStatus.Completed));
        tasks.Add(byDefendant
            ? new("Authorisation by an SPO coordinator", null, TaskStatus.NotNeeded, "The defendant's own application")
            : new("Authorisation by an SPO coordinator", IsDraft && User.IsInRole(Core.Staff.StaffRoles.Coordinator) ? Href(ApplicationJourneys.Authorise) : null,
                a.AuthorisedAt is not null ? TaskStatus.Completed : a.AwaitingAuthorisationSince is not null ? TaskStatus.InProgress : TaskStatus.NotStarted));
        tasks.Add(new("Lodge with the court", Href(ApplicationJourneys.Lodge),
            !IsDraft ? TaskStatus.Completed : a.AuthorisedAt is null && !byDefendant ? TaskStatus.CannotStartYet : TaskStatus.NotStarted));
        return tasks;
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
