using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.Time;
using StalkingProtection.Core.VictimUpdates;

namespace StalkingProtection.Core.Applications;

public sealed record EvidenceLink(Limb Limb, EvidenceKind Kind, Guid? ReferenceId, string Description);

public sealed record CreateApplicationOptions(
    Guid CaseId,
    ApplicationType Type,
    PoliceForce ApplicantForce,
    CourtVenue Venue,
    string CourtName,
    Guid? MainApplicationId = null,
    JurisdictionBasis? JurisdictionBasis = null,
    string? JurisdictionNotes = null,
    IReadOnlyList<Guid>? ProtectedPersonIds = null,
    IReadOnlyList<EvidenceLink>? Evidence = null);

public sealed record CreateChangeApplicationOptions(
    Guid OrderId,
    ApplicationType Type,
    ApplicantParty ApplicantParty,
    PoliceForce? ApplicantForce,
    string CourtName,
    string? NecessityRationale = null,
    string? ChangeSought = null,
    bool? AddsOrTightens = null,
    long? ExpectedOrderVersion = null);

public sealed record AmendChangeSoughtOptions(Guid ApplicationId, string? ChangeSought, bool? AddsOrTightens, string? NecessityRationale,
    long? ExpectedVersion = null);

public sealed record AddEvidenceOptions(Guid ApplicationId, EvidenceLink Evidence, long? ExpectedVersion = null);

/// <summary>A coordinator's authorisation; <paramref name="AuthorisedOn"/> is the day it was given (today when not given).</summary>
public sealed record AuthoriseApplicationOptions(Guid ApplicationId, long? ExpectedVersion = null, DateOnly? AuthorisedOn = null);

/// <summary>Lodging an application; <paramref name="LodgedOn"/> is the day it was made to the court (today when not given).</summary>
public sealed record SubmitApplicationOptions(Guid ApplicationId, long? ExpectedVersion = null, DateOnly? LodgedOn = null);

/// <summary>The court's decision; <paramref name="DecidedOn"/> is the day the court decided (today when not given).</summary>
public sealed record DetermineApplicationOptions(Guid ApplicationId, Determination Determination, string Reason, long? ExpectedVersion = null,
    DateOnly? DecidedOn = null);

public sealed record SetJurisdictionOptions(Guid ApplicationId, JurisdictionBasis? Basis, string? Notes, long? ExpectedVersion = null);

public sealed record ChooseCourtOptions(Guid ApplicationId, CourtVenue Venue, string CourtName, long? ExpectedVersion = null);

public sealed record AddProtectedPersonOptions(Guid ApplicationId, Guid VictimId, long? ExpectedVersion = null);

public sealed record ReturnApplicationOptions(Guid ApplicationId, string Comments, long? ExpectedVersion = null);

public sealed record CommentOnApplicationOptions(Guid ApplicationId, string Comment);

public sealed record ProposeConditionOptions(Guid ApplicationId, ProposedConditionDetails Details, Override? Override = null, long? ExpectedVersion = null);

public sealed record ChangeProposedConditionOptions(Guid ApplicationId, Guid ConditionId, ProposedConditionDetails Details, Override? Override = null,
    long? ExpectedVersion = null);

public sealed record RemoveProposedConditionOptions(Guid ApplicationId, Guid ConditionId, long? ExpectedVersion = null);

/// <summary>Applications to the court, from draft to determination.</summary>
public sealed class ApplicationService(StalkingProtectionDbContext db, TimeProvider timeProvider, AuditLog audit, StaffTaskRaiser staffTasks)
{
    public async Task<ApplicationStepOutcome> CreateAsync(CreateApplicationOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var stalkingCase = await db.Cases.SingleAsync(c => c.Id == options.CaseId, ct);
        if (stalkingCase.RespondentId is not { } respondentId)
        {
            throw new RuleViolationException([new RuleViolation("R1", "respondentId", "Add the respondent to the case before drafting an application", "SPA 2019 s.1(1)")]);
        }

        var main = options.MainApplicationId is { } mainId ? await db.Applications.SingleOrDefaultAsync(a => a.Id == mainId, ct) : null;
        var application = Application.CreateForOrder(options.CaseId, respondentId, options.Type, options.ApplicantForce, main, options.CourtName, now);
        application.SetVenue(options.Venue, options.CourtName);
        application.SetJurisdiction(options.JurisdictionBasis, options.JurisdictionNotes);
        if (options.ProtectedPersonIds is { Count: > 0 } ids)
        {
            var victims = await db.Victims.Where(v => ids.Contains(v.Id)).ToListAsync(ct);
            foreach (var id in ids)
            {
                var victim = victims.SingleOrDefault(v => v.Id == id)
                    ?? throw new RuleViolationException([new RuleViolation("R4", "protectedPersonIds", "The protected person is not recorded on this case (R4)", "SPA 2019 s.1(1)(c)")]);
                application.AddProtectedPerson(victim, now);
            }
        }

        foreach (var evidence in options.Evidence ?? [])
        {
            application.AddEvidence(evidence.Limb, evidence.Kind, evidence.ReferenceId, evidence.Description, now);
        }

        db.Applications.Add(application);
        audit.Add(actor, AuditEvents.Application.Created.For(application.Id, newValues: Snapshot(application)));
        await db.SaveChangesAsync(ct);
        return ApplicationStepOutcome.Drafted(application);
    }

    /// <summary>SPA 2019 s.4, s.5(7), R20: an application to vary, renew or discharge an order.</summary>
    public async Task<ApplicationStepOutcome> CreateChangeAsync(CreateChangeApplicationOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var order = await db.Orders.SingleAsync(o => o.Id == options.OrderId, ct);

        // RL4: the application is drafted against the order as the user saw it; if it was varied, renewed or ended meanwhile, they decide again.
        db.ExpectVersion(order, options.ExpectedOrderVersion);
        var respondent = await db.Respondents.SingleAsync(r => r.Id == order.RespondentId, ct);
        var today = timeProvider.UkToday;
        var relevant = RelevantChiefOfficer.For(order, respondent, today);
        var application = Application.CreateForChange(order, options.Type, options.ApplicantParty, options.ApplicantForce, relevant, options.CourtName,
            options.ChangeSought, options.AddsOrTightens, options.NecessityRationale, today, now);
        db.Applications.Add(application);
        audit.Add(actor, AuditEvents.Application.Created.For(application.Id, newValues: Snapshot(application)));
        await db.SaveChangesAsync(ct);
        return ApplicationStepOutcome.Drafted(application);
    }

    /// <summary>SPA 2019 s.4, R21: what a drafted variation, renewal or discharge application asks for, and why, amended before authorisation.</summary>
    public async Task<ApplicationTaskOutcome> AmendChangeSoughtAsync(AmendChangeSoughtOptions options, Actor actor, CancellationToken ct = default)
    {
        var application = await LoadAsync(options.ApplicationId, options.ExpectedVersion, ct);
        var old = new { application.ChangeSought, application.AddsOrTightens, application.NecessityRationale };
        application.AmendChangeSought(options.ChangeSought, options.AddsOrTightens, options.NecessityRationale);
        audit.Add(actor, AuditEvents.Application.ChangeSoughtAmended.For(application.Id, oldValues: old,
            newValues: new { application.ChangeSought, application.AddsOrTightens, application.NecessityRationale }));
        var withdrawn = await SaveChangeAsync(application, actor, ct);
        return ApplicationTaskOutcome.Done(DraftingTask.ChangeSoughtAmended, application, withdrawn);
    }

    public async Task<ApplicationTaskOutcome> AddEvidenceAsync(AddEvidenceOptions options, Actor actor, CancellationToken ct = default)
    {
        var application = await LoadAsync(options.ApplicationId, options.ExpectedVersion, ct);
        var e = options.Evidence;
        var added = application.AddEvidence(e.Limb, e.Kind, e.ReferenceId, e.Description, timeProvider.GetUtcNow());
        db.Entry(added).State = EntityState.Added;
        db.Touch(application);
        audit.Add(actor, AuditEvents.Application.EvidenceAdded.For(application.Id,
            newValues: new { added.Id, added.Limb, added.Kind, added.ReferenceId }));
        var withdrawn = await SaveChangeAsync(application, actor, ct);
        return ApplicationTaskOutcome.Done(DraftingTask.EvidenceAdded, application, withdrawn);
    }

    /// <summary>SPA 2019 s.1(3), R2: why the respondent lives in, is in, or is coming to the force's area.</summary>
    public async Task<ApplicationTaskOutcome> SetJurisdictionAsync(SetJurisdictionOptions options, Actor actor, CancellationToken ct = default)
    {
        var application = await LoadAsync(options.ApplicationId, options.ExpectedVersion, ct);
        var old = new { application.JurisdictionBasis, application.JurisdictionNotes };
        application.SetJurisdiction(options.Basis, options.Notes);
        audit.Add(actor, AuditEvents.Application.JurisdictionSet.For(application.Id, oldValues: old,
            newValues: new { application.JurisdictionBasis, application.JurisdictionNotes }));
        var withdrawn = await SaveChangeAsync(application, actor, ct);
        return ApplicationTaskOutcome.Done(DraftingTask.JurisdictionSet, application, withdrawn);
    }

    /// <summary>R7: the court chosen while drafting; checked against the respondent's age when the application is lodged.</summary>
    public async Task<ApplicationTaskOutcome> ChooseCourtAsync(ChooseCourtOptions options, Actor actor, CancellationToken ct = default)
    {
        var application = await LoadAsync(options.ApplicationId, options.ExpectedVersion, ct);
        var old = new { application.Venue, application.CourtName };
        application.SetVenue(options.Venue, options.CourtName);
        audit.Add(actor, AuditEvents.Application.CourtChosen.For(application.Id, oldValues: old,
            newValues: new { application.Venue, application.CourtName }));
        var withdrawn = await SaveChangeAsync(application, actor, ct);
        return ApplicationTaskOutcome.Done(DraftingTask.CourtChosen, application, withdrawn);
    }

    /// <summary>SPA 2019 s.1(1)(c), R4: names a protected person recorded on the case.</summary>
    public async Task<ApplicationTaskOutcome> AddProtectedPersonAsync(AddProtectedPersonOptions options, Actor actor, CancellationToken ct = default)
    {
        var application = await LoadAsync(options.ApplicationId, options.ExpectedVersion, ct);
        var victim = await db.Victims.SingleOrDefaultAsync(v => v.Id == options.VictimId, ct)
            ?? throw new RuleViolationException([new RuleViolation("R4", "protectedPersonIds", "The protected person is not recorded on this case (R4)", "SPA 2019 s.1(1)(c)")]);
        var before = application.ProtectedPersons.Count;
        application.AddProtectedPerson(victim, timeProvider.GetUtcNow());
        foreach (var added in application.ProtectedPersons.Skip(before))
        {
            db.Entry(added).State = EntityState.Added;
        }

        db.Touch(application);
        audit.Add(actor, AuditEvents.Application.ProtectedPersonAdded.For(application.Id, newValues: new { options.VictimId }));
        var withdrawn = await SaveChangeAsync(application, actor, ct);
        return ApplicationTaskOutcome.Done(DraftingTask.ProtectedPersonAdded, application, withdrawn);
    }

    /// <summary>SPA 2019 s.1(2), s.2(2)–(4), R8–R10, R15, R16: a condition the application asks the court to make.</summary>
    public async Task<ApplicationTaskOutcome> ProposeConditionAsync(ProposeConditionOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var application = await LoadAsync(options.ApplicationId, options.ExpectedVersion, ct);
        var proposed = application.ProposeCondition(options.Details, timeProvider.UkToday, options.Override, now, out var overridden);
        db.Entry(proposed).State = EntityState.Added;
        db.Touch(application);
        audit.Add(actor, AuditEvents.Application.ConditionProposed.For(application.Id,
            Override.Justification(options.Override, overridden), newValues: Snapshot(proposed)));
        var withdrawn = await SaveChangeAsync(application, actor, ct);
        return ApplicationTaskOutcome.Done(DraftingTask.ConditionProposed, application, withdrawn, proposed.Id);
    }

    public async Task<ApplicationTaskOutcome> ChangeProposedConditionAsync(ChangeProposedConditionOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var application = await LoadAsync(options.ApplicationId, options.ExpectedVersion, ct);
        var old = application.ProposedConditions.SingleOrDefault(c => c.Id == options.ConditionId) is { } before ? Snapshot(before) : null;
        var proposed = application.ChangeProposedCondition(options.ConditionId, options.Details, timeProvider.UkToday, options.Override, now, out var overridden);
        db.Touch(application);
        audit.Add(actor, AuditEvents.Application.ProposedConditionChanged.For(application.Id,
            Override.Justification(options.Override, overridden), oldValues: old, newValues: Snapshot(proposed)));
        var withdrawn = await SaveChangeAsync(application, actor, ct);
        return ApplicationTaskOutcome.Done(DraftingTask.ProposedConditionChanged, application, withdrawn, proposedConditionId: proposed.Id);
    }

    public async Task<ApplicationTaskOutcome> RemoveProposedConditionAsync(RemoveProposedConditionOptions options, Actor actor, CancellationToken ct = default)
    {
        var application = await LoadAsync(options.ApplicationId, options.ExpectedVersion, ct);
        var removed = application.RemoveProposedCondition(options.ConditionId);
        db.Remove(removed);
        db.Touch(application);
        audit.Add(actor, AuditEvents.Application.ProposedConditionRemoved.For(application.Id, oldValues: Snapshot(removed)));
        var withdrawn = await SaveChangeAsync(application, actor, ct);
        return ApplicationTaskOutcome.Done(DraftingTask.ProposedConditionRemoved, application, withdrawn);
    }

    /// <summary>A coordinator sends a draft back to the officer with comments instead of authorising it.</summary>
    public async Task<ApplicationTaskOutcome> ReturnAsync(ReturnApplicationOptions options, Actor actor, CancellationToken ct = default)
    {
        var application = await LoadAsync(options.ApplicationId, options.ExpectedVersion, ct);
        new RuleCheck()
            .Must(application.Status == ApplicationStatus.Draft, "Status", "status", "Only a draft application can be returned", "")
            .Must(actor.Role?.Split(',').Contains(Staff.StaffRoles.Coordinator) == true, "Authorisation", "authorisedBy",
                "Only an SPO coordinator can return an application", "Force policy")
            .Must(!string.IsNullOrWhiteSpace(options.Comments) && options.Comments.Length <= AuditEntry.JustificationMaxLength, "Input", "comments",
                "Enter comments for the officer", "")
            .ThrowIfBroken();
        application.ReturnToOfficer();
        db.Touch(application);
        audit.Add(actor, AuditEvents.Application.Returned.For(application.Id, options.Comments.Trim()));
        await db.SaveChangesAsync(ct);
        return ApplicationTaskOutcome.Done(DraftingTask.Returned, application);
    }

    /// <summary>A comment on an application (for example from legal services), kept in the audit log beside the changes.</summary>
    public async Task<ApplicationTaskOutcome> CommentAsync(CommentOnApplicationOptions options, Actor actor, CancellationToken ct = default)
    {
        var application = await db.Applications.SingleAsync(a => a.Id == options.ApplicationId, ct);
        new RuleCheck()
            .Must(!string.IsNullOrWhiteSpace(options.Comment) && options.Comment.Length <= AuditEntry.JustificationMaxLength, "Input", "comment",
                $"Enter a comment of at most {AuditEntry.JustificationMaxLength} characters", "")
            .ThrowIfBroken();
        audit.Add(actor, AuditEvents.Application.Commented.For(options.ApplicationId, options.Comment.Trim()));
        await db.SaveChangesAsync(ct);
        return ApplicationTaskOutcome.Done(DraftingTask.Commented, application);
    }

    /// <summary>The officer asks a coordinator to authorise the draft: it joins the coordinators' queue.</summary>
    public async Task<ApplicationTaskOutcome> AskForAuthorisationAsync(AuthoriseApplicationOptions options, Actor actor, CancellationToken ct = default)
    {
        var application = await LoadAsync(options.ApplicationId, options.ExpectedVersion, ct);
        application.AskForAuthorisation(timeProvider.GetUtcNow());
        db.Touch(application);
        audit.Add(actor, AuditEvents.Application.AuthorisationAsked.For(application.Id, newValues: new { application.AwaitingAuthorisationSince }));
        await db.SaveChangesAsync(ct);
        return ApplicationTaskOutcome.Done(DraftingTask.AuthorisationAsked, application);
    }

    public async Task<ApplicationStepOutcome> AuthoriseAsync(AuthoriseApplicationOptions options, Actor actor, CancellationToken ct = default)
    {
        var application = await LoadAsync(options.ApplicationId, options.ExpectedVersion, ct);
        application.Authorise(actor, timeProvider.GetUtcNow(), options.AuthorisedOn);
        audit.Add(actor, AuditEvents.Application.Authorised.For(application.Id,
            oldValues: new { AuthorisedBy = (string?)null }, newValues: new { application.AuthorisedBy, application.AuthorisedAt }));
        await db.SaveChangesAsync(ct);
        return ApplicationStepOutcome.Authorised(application);
    }

    /// <summary>Lodges the application: R2, R3, R4, R7, R18 and R21 are checked together.</summary>
    public async Task<ApplicationStepOutcome> SubmitAsync(SubmitApplicationOptions options, Actor actor, CancellationToken ct = default)
    {
        var application = await LoadAsync(options.ApplicationId, options.ExpectedVersion, ct);
        var respondent = await db.Respondents.SingleAsync(r => r.Id == application.RespondentId, ct);
        var main = application.MainApplicationId is { } mainId ? await db.Applications.SingleAsync(a => a.Id == mainId, ct) : null;
        var old = new { application.Status };
        application.Submit(respondent, main, options.LodgedOn ?? timeProvider.UkToday, timeProvider.GetUtcNow());
        audit.Add(actor, AuditEvents.Application.Submitted.For(application.Id, oldValues: old,
            newValues: new { application.Status, application.LodgedOn, application.Venue, application.CourtName }));
        await VictimUpdateOutbox.AddAsync(db, application.CaseId, VictimUpdateEvent.ApplicationMade, await VictimReferenceAsync(application.OrderId, ct),
            application.LodgedOn, timeProvider.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return ApplicationStepOutcome.Lodged(application);
    }

    /// <summary>
    /// A refusal, dismissal or withdrawal. A grant is recorded with the order it made (OrderService). SPA 2019 s.5(6)(b), R17:
    /// determining a main application ceases every interim order on it that is still in force.
    /// </summary>
    public async Task<ApplicationStepOutcome> DetermineAsync(DetermineApplicationOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var application = await LoadAsync(options.ApplicationId, options.ExpectedVersion, ct);
        new RuleCheck()
            .Must(options.Determination != Determination.Granted, "R17", "determination",
                "Record a granted application by recording the order the court made", "SPA 2019 s.2")
            // R39: a reason at each decision point.
            .Must(!string.IsNullOrWhiteSpace(options.Reason), "R39", "reason", "Record the reasons for the decision (R39)", "Malik [2023] EWHC 3213 (Admin)")
            .ThrowIfBroken();
        var old = new { application.Status, application.Determination };
        var decidedOn = options.DecidedOn ?? LondonTime.DateOf(now);
        var determinedAt = application.Decide(options.Determination, decidedOn, now);

        var ceased = await CeaseInterimOrdersAsync(actor, application, determinedAt, ct);
        audit.Add(actor, AuditEvents.Application.Determined.For(application.Id, options.Reason, oldValues: old,
            newValues: new { application.Status, application.Determination, application.DeterminedOn, application.DeterminedAt }));
        await CompleteHearingTasksAsync(actor, application.Id, now, ct);
        if (options.Determination is Determination.Refused or Determination.Dismissed)
        {
            await VictimUpdateOutbox.AddAsync(db, application.CaseId, VictimUpdateEvent.OrderRefused, await VictimReferenceAsync(application.OrderId, ct),
                decidedOn, now, ct);
        }

        // SPA 2019 s.7, R24: the chief officer may appeal a refusal; the provisional deadline is 15 business days (CrimPR r.34.2) from the decision.
        DateOnly? considerAppealBy = null;
        if (options.Determination is Determination.Refused or Determination.Dismissed && application.ApplicantParty != ApplicantParty.Defendant)
        {
            var deadline = StatutoryDates.AppealLodgingDeadline(decidedOn, BankHolidayCalendar.EnglandAndWales, StatutoryDates.DefaultAppealBusinessDays);
            var stalkingCase = await db.Cases.SingleAsync(c => c.Id == application.CaseId, ct);
            var task = StaffTask.Raise(StaffTaskType.ConsiderAppeal, $"Appeal:{application.Id}",
                $"Consider appealing the {options.Determination.ToString().ToLowerInvariant()} application: lodge by {deadline:d MMMM yyyy} (SPA 2019 s.7, R24)",
                deadline, application.OrderId, null, application.CaseId, stalkingCase.Team, stalkingCase.OfficerInCharge, now, application.Id);
            await staffTasks.RaiseOnceAsync(actor, task, ct);
            considerAppealBy = deadline;
        }

        await db.SaveChangesAsync(ct);
        return ApplicationStepOutcome.Determined(application, ceased, considerAppealBy);
    }

    /// <summary>SPA 2019 s.5(6)(b), R17: runs inside the caller's unit of work; the caller saves. Answers with the interim orders it ceased.</summary>
    internal async Task<IReadOnlyList<StalkingProtectionOrder>> CeaseInterimOrdersAsync(Actor actor, Application mainApplication, DateTimeOffset determinedAt,
        CancellationToken ct)
    {
        if (mainApplication.Type != ApplicationType.Full)
        {
            return [];
        }

        // SPA 2019 s.5(1): an interim order can be sought only while the main application is undetermined.
        var openInterimApplications = await db.Applications
            .Where(a => a.MainApplicationId == mainApplication.Id && a.Type == ApplicationType.Interim
                && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.Listed || a.Status == ApplicationStatus.Adjourned))
            .ToListAsync(ct);
        foreach (var interimApplication in openInterimApplications)
        {
            interimApplication.Determine(Determination.Dismissed, determinedAt);
            audit.Add(actor, AuditEvents.Application.Determined.For(interimApplication.Id,
                "Main application determined (SPA 2019 s.5(1))", newValues: new { interimApplication.Status, interimApplication.Determination }));
        }

        var on = LondonTime.DateOf(determinedAt);
        var interims = await db.Orders
            .Where(o => o.MainApplicationId == mainApplication.Id && o.Kind == OrderKind.Interim && o.EndedOn == null)
            .ToListAsync(ct);
        var ceased = interims.Where(o => o.IsInForceOn(on)).ToList();
        foreach (var interim in ceased)
        {
            interim.Cease(determinedAt);
            audit.Add(actor, AuditEvents.Order.Ceased.For(interim.Id,
                "Main application determined (SPA 2019 s.5(6)(b))", oldValues: new { Status = OrderStatus.InForce },
                newValues: new { Status = OrderStatus.Ceased, interim.EndedOn, interim.EndedAt }));
        }

        // SPA 2019 s.9, R19, R33: the duties carried over to a replacing full order stay; the interim order's own tasks end.
        await OrderEnd.CloseWhatHangsOnAsync(db, audit, staffTasks, actor, interims, on, determinedAt, ct);
        return ceased;
    }

    /// <summary>The application was decided, so the hearings listed for it no longer need preparing for.</summary>
    internal async Task CompleteHearingTasksAsync(Actor actor, Guid applicationId, DateTimeOffset now, CancellationToken ct)
    {
        var hearingIds = await db.Hearings.Where(h => h.ApplicationId == applicationId).Select(h => h.Id).ToListAsync(ct);
        foreach (var hearingId in hearingIds)
        {
            await staffTasks.CompleteOpenForRecordAsync(actor, hearingId, StaffTaskType.PrepareForHearing, now, ct);
        }
    }

    /// <summary>
    /// Saves a change to a draft. What was authorised is what is lodged: if the change withdrew the authorisation, that is audited and
    /// the application goes back to the coordinators' queue, in the same unit of work.
    /// </summary>
    private async Task<AuthorisationWithdrawn?> SaveChangeAsync(Application application, Actor actor, CancellationToken ct)
    {
        var withdrawn = application.TakeWithdrawnAuthorisation(timeProvider.GetUtcNow());
        if (withdrawn is not null)
        {
            db.Touch(application);
            audit.Add(actor, AuditEvents.Application.AuthorisationWithdrawn.For(application.Id,
                $"Changed after {withdrawn.By} authorised it: the changed application needs authorising again",
                oldValues: new { AuthorisedBy = withdrawn.By, AuthorisedAt = withdrawn.At }, newValues: new { AuthorisedBy = (string?)null, application.AwaitingAuthorisationSince }));
        }

        await db.SaveChangesAsync(ct);
        return withdrawn;
    }

    private async Task<string?> VictimReferenceAsync(Guid? orderId, CancellationToken ct) =>
        orderId is { } id ? await db.Orders.Where(o => o.Id == id).Select(o => o.VictimReference).SingleOrDefaultAsync(ct) : null;

    private async Task<Application> LoadAsync(Guid id, long? expectedVersion, CancellationToken ct)
    {
        var application = await db.Applications.SingleAsync(a => a.Id == id, ct);
        db.ExpectVersion(application, expectedVersion);
        return application;
    }

    private static object Snapshot(ProposedCondition c) => new
    {
        ConditionId = c.Id,
        c.Sequence,
        c.TemplateKey,
        c.Type,
        c.Category,
        c.Wording,
        c.Scope,
        c.LocalityText,
        c.MapReference,
        HasPolygon = c.LocalityPolygon is not null,
        c.ProtectedPersonIds,
        c.ConflictConsidered,
        c.ConflictFound,
        c.Duration,
        c.EndsOn,
    };

    internal static object Snapshot(Application a) => new
    {
        a.CaseId,
        a.RespondentId,
        a.Type,
        a.ApplicantParty,
        a.ApplicantForce,
        a.MainApplicationId,
        a.OrderId,
        a.Venue,
        a.CourtName,
        a.JurisdictionBasis,
        a.ChangeSought,
        a.AddsOrTightens,
        a.NecessityRationale,
        ProtectedPersonIds = a.ProtectedPersons.Select(p => p.VictimId).ToList(),
        Evidence = a.Evidence.Select(e => new { e.Limb, e.Kind, e.ReferenceId }).ToList(),
    };
}
