using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Cases.ViewCase;

public sealed record TimelineEntry(DateTimeOffset At, string Who, string What, string? Why);

public class IndexModel(StalkingProtectionDbContext db, AuditLog auditLog, TimeProvider timeProvider, VictimContactService victimContacts) : CaseWorkPageModel
{
    /// <summary>The victim whose safe-contact preferences the user asks to see.</summary>
    [BindProperty]
    [System.ComponentModel.DataAnnotations.Display(Name = "Whose preferences do you need to see?")]
    public Guid? ContactVictimId { get; set; }

    /// <summary>DPA 2018 s.62: every read of a victim's contact details is audited with its reason.</summary>
    [BindProperty]
    [System.ComponentModel.DataAnnotations.Display(Name = "Why do you need to see them?")]
    public string? ContactReason { get; set; }

    /// <summary>Set once the preferences have been read (and the read audited).</summary>
    public VictimContact? ShownContact { get; private set; }

    public bool ContactShown { get; private set; }

    /// <summary>Need-to-know (DPA 2018 s.62): only the officer in charge of the case, by their staff account, may see the victims' contact details.</summary>
    public bool MaySeeContact => Guid.TryParse(User.OfficerKey(), out var staffId) && Case.OfficerInChargeId == staffId;

    /// <summary>The victims who have contact details recorded, so that others know the details exist without seeing them.</summary>
    public IReadOnlyList<Guid> VictimsWithContact { get; private set; } = [];

    /// <summary>The orders made in this case, newest first, each with its status today.</summary>
    public IReadOnlyList<Core.Orders.StalkingProtectionOrder> Orders { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public StalkingCase Case { get; private set; } = null!;

    public string OfficerName { get; private set; } = "";

    public Respondent? Respondent { get; private set; }

    public IReadOnlyList<Victim> Victims { get; private set; } = [];

    public IReadOnlyList<StalkingAct> Acts { get; private set; } = [];

    public IReadOnlyList<RiskAssessment> RiskAssessments { get; private set; } = [];

    public IReadOnlyList<SpoDecision> Decisions { get; private set; } = [];

    public IReadOnlyList<VictimContactEvent> Contacts { get; private set; } = [];

    /// <summary>The report that started the case (spo-rules.md §10.8(1)) and notes carried from online reports.</summary>
    public IReadOnlyList<CaseEvent> Events { get; private set; } = [];

    public IReadOnlyList<Application> Applications { get; private set; } = [];

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    public IReadOnlyList<MultiAgencyReferral> Referrals { get; private set; } = [];

    public IReadOnlyList<RespondentOtherOrder> OtherOrders { get; private set; } = [];

    /// <summary>A breach was reported after the latest risk screening, so the risk should be screened again.</summary>
    public bool RescreenNeeded { get; private set; }

    public string VictimName(Guid? victimId) =>
        Victims.FirstOrDefault(v => v.Id == victimId)?.Person.PrimaryName.FullName ?? "Not recorded";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>Shows one victim's safe-contact preferences: the reason is required and the read is audited (DPA 2018 s.62).</summary>
    public async Task<IActionResult> OnPostShowContactAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!MaySeeContact)
        {
            return Forbid();
        }

        if (Victims.Count == 1)
        {
            ContactVictimId = Victims[0].Id;
        }

        if (ContactVictimId is not { } victimId || Victims.All(v => v.Id != victimId))
        {
            ModelState.AddModelError(nameof(ContactVictimId), "Select the victim whose safe-contact preferences you need to see");
        }

        if (string.IsNullOrWhiteSpace(ContactReason))
        {
            ModelState.AddModelError(nameof(ContactReason), "Give the reason you need to see the victim's safe-contact preferences");
        }
        else if (ContactReason.Length > AuditEntry.JustificationMaxLength)
        {
            ModelState.AddModelError(nameof(ContactReason), $"The reason must be {AuditEntry.JustificationMaxLength} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        ShownContact = await victimContacts.ReadAsync(ContactVictimId!.Value, User.ToActor(), ContactReason!.Trim(), ct);
        ContactShown = true;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await FindVisibleCaseAsync(db, Id, ct) is not { } stalkingCase)
        {
            return false;
        }

        Case = stalkingCase;
        OfficerName = (await OfficerNames.OfAsync(db, [Case.OfficerInCharge], ct)).GetValueOrDefault(Case.OfficerInCharge, Case.OfficerInCharge);
        Respondent = Case.RespondentId is { } rid ? await db.Respondents.AsNoTracking().SingleOrDefaultAsync(r => r.Id == rid, ct) : null;
        Victims = await db.Victims.AsNoTracking().Where(v => v.CaseId == Id).OrderBy(v => v.Id).ToListAsync(ct);
        Acts = await db.StalkingActs.AsNoTracking().Where(a => a.CaseId == Id).OrderBy(a => a.OccurredFrom).ToListAsync(ct);
        RiskAssessments = await db.RiskAssessments.AsNoTracking().Where(r => r.CaseId == Id).OrderByDescending(r => r.CompletedAt).ToListAsync(ct);
        Decisions = await db.SpoDecisions.AsNoTracking().Where(d => d.CaseId == Id).OrderByDescending(d => d.DecidedAt).ToListAsync(ct);
        var victimIds = Victims.Select(v => v.Id).ToList();
        VictimsWithContact = await db.VictimContactDetails.AsNoTracking().Where(d => victimIds.Contains(d.VictimId)).Select(d => d.VictimId).ToListAsync(ct);
        Contacts = await db.VictimContactEvents.AsNoTracking().Where(e => victimIds.Contains(e.VictimId)).OrderByDescending(e => e.OccurredAt).ToListAsync(ct);
        Events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == Id).OrderBy(e => e.OccurredAt).ThenBy(e => e.Type).ToListAsync(ct);
        Applications = await db.Applications.AsNoTracking().Where(a => a.CaseId == Id).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        Orders = await db.Orders.AsNoTracking().Where(o => o.CaseId == Id).OrderByDescending(o => o.MadeOn).ToListAsync(ct);
        Today = timeProvider.UkToday;
        Referrals = await db.MultiAgencyReferrals.AsNoTracking().Where(r => r.CaseId == Id).OrderByDescending(r => r.ReferredOn).ToListAsync(ct);
        OtherOrders = Respondent is null ? [] : await db.RespondentOtherOrders.AsNoTracking().Where(o => o.RespondentId == Respondent.Id)
            .OrderByDescending(o => o.MadeOn).ToListAsync(ct);

        var lastBreach = await db.Breaches.AsNoTracking()
            .Where(b => db.Orders.Any(o => o.Id == b.OrderId && o.CaseId == Id))
            .OrderByDescending(b => b.ReportedAt).Select(b => (DateTimeOffset?)b.ReportedAt).FirstOrDefaultAsync(ct);
        RescreenNeeded = lastBreach is { } breachAt && (RiskAssessments.Count == 0 || RiskAssessments[0].CompletedAt < breachAt);

        Timeline = await LoadTimelineAsync(ct);

        // DPA 2018 s.62: viewing the case reads the victims' and respondent's records.
        await auditLog.RecordConsultationAsync(User.ToActor(), AuditEvents.Case.Viewed.For(Id), ct);
        return true;
    }

    private async Task<IReadOnlyList<TimelineEntry>> LoadTimelineAsync(CancellationToken ct)
    {
        var applicationIds = Applications.Select(a => a.Id).ToList();
        var hearingIds = await db.Hearings.AsNoTracking().Where(h => applicationIds.Contains(h.ApplicationId)).Select(h => h.Id).ToListAsync(ct);
        var recordIds = new List<Guid> { Id };
        if (Respondent is not null)
        {
            recordIds.Add(Respondent.Id);
        }

        recordIds.AddRange(Victims.Select(v => v.Id));
        recordIds.AddRange(Acts.Select(a => a.Id));
        recordIds.AddRange(RiskAssessments.Select(r => r.Id));
        recordIds.AddRange(Decisions.Select(d => d.Id));
        recordIds.AddRange(Contacts.Select(c => c.Id));
        recordIds.AddRange(applicationIds);
        recordIds.AddRange(hearingIds);
        recordIds.AddRange(Referrals.Select(r => r.Id));
        recordIds.AddRange(OtherOrders.Select(o => o.Id));
        var keys = recordIds.Select(i => i.ToString()).ToList();
        var entries = await db.AuditEntries.OfRecordsAsync(keys, ct);
        return entries.Select(e => new TimelineEntry(e.OccurredAt, e.ActorName, CaseTimeline.Describe(e.Action), e.Justification)).ToList();
    }
}

/// <summary>Plain-English wording for the audit actions shown on a case's timeline.</summary>
public static class CaseTimeline
{
    private static readonly Dictionary<string, string> _wording = new(StringComparer.Ordinal)
    {
        ["Case.Opened"] = "Opened the case",
        ["Case.FourAssessed"] = "Recorded the FOUR check",
        ["Case.ReportAdded"] = "Added an online report to the case",
        ["Respondent.Added"] = "Added the respondent",
        ["Victim.Added"] = "Added a victim or protected person",
        ["Act.Recorded"] = "Recorded an act associated with stalking",
        ["Act.Amended"] = "Corrected the record of an act",
        ["RiskAssessment.Recorded"] = "Recorded a risk screening",
        ["SpoDecision.Recorded"] = "Recorded the decision on seeking a stalking protection order",
        ["VictimContact.Recorded"] = "Recorded contact with a victim",
        ["Application.Created"] = "Drafted an application to the court",
        ["Application.EvidenceAdded"] = "Linked evidence to the application",
        ["Application.JurisdictionSet"] = "Recorded why the force may apply (jurisdiction)",
        ["Application.ProtectedPersonAdded"] = "Named a protected person in the application",
        ["Application.Authorised"] = "Authorised the application",
        ["Application.Returned"] = "Returned the application with comments",
        ["Application.Commented"] = "Commented on the application",
        ["Application.Submitted"] = "Lodged the application with the court",
        ["Application.Determined"] = "Recorded the court's decision on the application",
        ["Hearing.Listed"] = "Recorded a hearing date",
        ["Hearing.Adjourned"] = "Recorded that the hearing was adjourned",
        ["Referral.Recorded"] = "Referred the case to a multi-agency forum",
        ["Referral.OutcomeRecorded"] = "Recorded the outcome of a multi-agency referral",
        ["Respondent.OtherOrderRecorded"] = "Recorded another order binding the respondent",
    };

    public static string Describe(string action) => _wording.TryGetValue(action, out var text) ? text : AuditWords.Describe(action);
}
