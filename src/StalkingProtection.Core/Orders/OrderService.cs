using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.Time;
using StalkingProtection.Core.VictimUpdates;

namespace StalkingProtection.Core.Orders;

public sealed record RecordOrderOptions(
    Guid CaseId,
    Guid? ApplicationId,
    OrderTerms Terms,
    bool NoIncompatibilityAttested = false,
    DateOnly? CourtMadeOrdersCommencedOn = null,
    Override? Override = null,
    long? ExpectedApplicationVersion = null);

public sealed record RecordServiceOptions(Guid OrderId, DateTimeOffset ServedAt, ServiceMethod Method, string ServedBy, long? ExpectedVersion = null);

public sealed record VaryOrderOptions(
    Guid OrderId,
    ApplicantParty ApplicantParty,
    PoliceForce? ApplicantForce,
    DateOnly DecidedOn,
    DateOnly EffectiveFrom,
    IReadOnlyList<ConditionDraft> Conditions,
    bool AddsOrTightens,
    string? NecessityRationale,
    Guid? ApplicationId = null,
    Override? Override = null,
    long? ExpectedVersion = null);

public sealed record RenewOrderOptions(
    Guid OrderId,
    ApplicantParty ApplicantParty,
    PoliceForce? ApplicantForce,
    DateOnly ApplicationLodgedOn,
    DateOnly DecidedOn,
    DurationType DurationType,
    DateOnly? NewLastDay,
    string NecessityRationale,
    Guid? ApplicationId = null,
    long? ExpectedVersion = null);

public sealed record DischargeOrderOptions(
    Guid OrderId,
    ApplicantParty ApplicantParty,
    PoliceForce? ApplicantForce,
    DateOnly DecidedOn,
    DateOnly EffectiveOn,
    IReadOnlyList<DischargeConsent> Consents,
    Guid? ApplicationId = null,
    long? ExpectedVersion = null,
    string? Reason = null);

public sealed record RecordPncEntryOptions(Guid OrderId, string Reference, long? ExpectedVersion = null);

/// <summary>Orders the court made, their service, and their variation, renewal and discharge (SPA 2019 ss.2–5, 9).</summary>
public sealed class OrderService(StalkingProtectionDbContext db, TimeProvider timeProvider, AuditLog audit, StaffTaskRaiser staffTasks, ApplicationService applications)
{
    /// <summary>R42: the default cadence for "next review due" tasks.</summary>
    public const int ReviewIntervalDays = ManagementReview.DefaultReviewIntervalDays;

    /// <summary>
    /// Records an order the court made. On a main application, the application is determined, which ceases its interim orders
    /// (R17), and the full order is marked as replacing an interim order in force (R19). The answer says what was made.
    /// </summary>
    public async Task<OrderMadeOutcome> RecordOrderAsync(RecordOrderOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var terms = options.Terms;
        var stalkingCase = await db.Cases.SingleAsync(c => c.Id == options.CaseId, ct);
        var application = options.ApplicationId is { } appId ? await db.Applications.SingleAsync(a => a.Id == appId, ct) : null;
        if (application is not null)
        {
            // RL4: the application as the user read it when they began recording the order.
            db.ExpectVersion(application, options.ExpectedApplicationVersion);
        }

        var respondentId = application?.RespondentId ?? stalkingCase.RespondentId
            ?? throw new RuleViolationException([new RuleViolation("R12", "respondentId", "Add the respondent to the case first", "SPA 2019 s.1(1)")]);
        new RuleCheck()
            .Must(application is null || application.CaseId == options.CaseId, "R12", "applicationId", "The application belongs to another case", "")
            .Must(application is null || application.IsOpen, "R12", "applicationId",
                "The application must be before the court (submitted, listed or adjourned) for an order to be made on it", "SPA 2019 s.2(1)")
            .ThrowIfBroken();

        // SPA 2019 s.9(1), R19: a full order made while an interim order on the same main application is in force replaces it.
        StalkingProtectionOrder? interimInForce = null;
        if (terms.Kind == OrderKind.Full && application is not null)
        {
            var interims = await db.Orders.Where(o => o.MainApplicationId == application.Id && o.Kind == OrderKind.Interim && o.EndedOn == null).ToListAsync(ct);
            interimInForce = interims.FirstOrDefault(o => o.IsInForceOn(terms.MadeOn));
        }

        // SPA 2019 s.2(6)–(7), R11: the respondent's other orders in force.
        var others = await db.Orders
            .Where(o => o.RespondentId == respondentId && o.MadeOn <= terms.MadeOn && o.EndedOn == null)
            .ToListAsync(ct);
        var existingConditions = others
            .Where(o => o.IsInForceOn(terms.MadeOn) && (application is null || o.MainApplicationId != application.Id))
            .SelectMany(o => o.ConditionsInForceOn(terms.MadeOn))
            .ToList();

        var protectedPersonIds = (await db.Victims.Where(v => v.CaseId == options.CaseId).ToListAsync(ct))
            .Where(v => v.IsProtectedPerson).Select(v => v.Id).ToHashSet();
        var context = new OrderContext(interimInForce, existingConditions, options.NoIncompatibilityAttested, options.CourtMadeOrdersCommencedOn);
        var order = StalkingProtectionOrder.Make(options.CaseId, respondentId, application, terms, context, protectedPersonIds, options.Override, now,
            out var overridden);
        await OrderVictimReference.ReissueTakenAsync(db, [order], ct);
        db.Orders.Add(order);

        IReadOnlyList<StalkingProtectionOrder> ceasedInterims = [];
        if (application is not null)
        {
            var determinedAt = LondonTime.DateOf(now) == terms.MadeOn ? now : LondonTime.StartOfDayUtc(terms.MadeOn);
            application.Determine(Determination.Granted, determinedAt);
            audit.Add(actor, AuditEvents.Application.Determined.For(application.Id, "Order made", newValues: new { application.Status, application.Determination, OrderId = order.Id }));

            // The hearing that granted the application has its outcome with the order, so it no longer waits for one.
            var endOfMadeDay = LondonTime.EndOfDayUtc(terms.MadeOn);
            var heard = await db.Hearings
                .Where(h => h.ApplicationId == application.Id && h.Outcome == HearingOutcome.Pending && h.ListedFor < endOfMadeDay)
                .ToListAsync(ct);
            foreach (var hearing in heard)
            {
                hearing.MarkDetermined();
                audit.Add(actor, AuditEvents.Hearing.Determined.For(hearing.Id, "Order made",
                    newValues: new { hearing.Outcome, OrderId = order.Id }));
            }
            await applications.CompleteHearingTasksAsync(actor, application.Id, now, ct);
            if (terms.Kind == OrderKind.Full)
            {
                // SPA 2019 s.5(6)(b), R17.
                ceasedInterims = await applications.CeaseInterimOrdersAsync(actor, application, determinedAt, ct);
            }
        }

        audit.Add(actor, AuditEvents.Order.Made.For(order.Id, Override.Justification(options.Override, overridden), newValues: Snapshot(order)));

        // R42: record on PNC, review, and serve.
        var today = timeProvider.UkToday;
        await RaiseAsync(StaffTaskType.RecordOnPnc, $"Pnc:Made:{order.Id}", "Record the order on the PNC", today, order, stalkingCase, actor, now, ct);
        await RaiseAsync(StaffTaskType.ReviewDue, $"Review:{order.Id}:{terms.MadeOn.AddDays(ReviewIntervalDays):yyyy-MM-dd}", "Review the order's management",
            terms.MadeOn.AddDays(ReviewIntervalDays), order, stalkingCase, actor, now, ct);
        await RaiseAsync(StaffTaskType.ServeOrder, $"Serve:{order.Id}", "Serve the order on the respondent", today, order, stalkingCase, actor, now, ct);
        await VictimUpdateOutbox.AddAsync(db, order.CaseId, VictimUpdateEvent.OrderGranted, order.VictimReference, order.MadeOn, now, ct);

        await db.SaveChangesAsync(ct);
        return OrderMadeOutcome.Made(order, ceasedInterims);
    }

    /// <summary>SPA 2019 s.9(1), R25: recording service starts the initial notification duty where the Act says so; the answer says which.</summary>
    public async Task<ServiceRecordedOutcome> RecordServiceAsync(RecordServiceOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var order = await LoadAsync(options.OrderId, options.ExpectedVersion, ct);
        var respondent = await db.Respondents.SingleAsync(r => r.Id == order.RespondentId, ct);
        var duty = order.RecordService(options.ServedAt, options.Method, options.ServedBy, respondent, now,
            await db.NotificationEvents.Where(e => e.RespondentId == respondent.Id).ToListAsync(ct));
        if (duty.Obligation is { } obligation)
        {
            db.NotificationObligations.Add(obligation);
            audit.Add(actor, AuditEvents.Obligation.Created.For(obligation.Id, "SPA 2019 s.9(1)",
                newValues: new { obligation.Trigger, obligation.TriggerDate, obligation.DueBy, obligation.OrderId, obligation.Status, obligation.MetOn }));
        }

        await staffTasks.CompleteOpenAsync(actor, order.Id, StaffTaskType.ServeOrder, now, ct);
        audit.Add(actor, AuditEvents.Order.ServiceRecorded.For(order.Id,
            oldValues: new { ServedAt = (DateTimeOffset?)null }, newValues: new { order.ServedAt, order.ServiceMethod, order.ServedBy, duty.ObligationId }));
        await VictimUpdateOutbox.AddAsync(db, order.CaseId, VictimUpdateEvent.OrderServed, order.VictimReference, LondonTime.DateOf(options.ServedAt), now, ct);
        await db.SaveChangesAsync(ct);
        return ServiceRecordedOutcome.Recorded(order, duty);
    }

    /// <summary>SPA 2019 s.4, s.5(7), R20, R21: a new version of the terms; the answer says which terms changed and from when.</summary>
    public async Task<OrderChangeOutcome> VaryAsync(VaryOrderOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var order = await LoadAsync(options.OrderId, options.ExpectedVersion, ct);
        var application = await CheckApplicantAsync(order, options.ApplicationId, options.ApplicantParty, options.ApplicantForce, ApplicationType.Variation, ct);
        var protectedPersonIds = (await db.Victims.Where(v => v.CaseId == order.CaseId).ToListAsync(ct)).Where(v => v.IsProtectedPerson).Select(v => v.Id).ToHashSet();
        var previous = order.CurrentConditionSet;
        var set = order.Vary(options.Conditions, options.EffectiveFrom, options.AddsOrTightens, options.NecessityRationale, protectedPersonIds, options.Override, now,
            out var overridden);
        db.ConditionSets.Add(set);
        db.Touch(order);
        var change = OrderChange.Record(order, application, OrderChangeType.Variation, options.ApplicantParty, options.ApplicantForce, options.DecidedOn,
            options.EffectiveFrom, previous.Id, set.Id, order.LastInForceDay, options.NecessityRationale, [], now);
        db.OrderChanges.Add(change);
        await GrantAsync(application, change, actor, now, ct);
        audit.Add(actor, AuditEvents.Order.Varied.For(order.Id, Override.Justification(options.Override, overridden),
            oldValues: new { ConditionSet = previous.Number, Conditions = previous.Conditions.Select(c => new { c.Type, c.Category, c.Wording, c.Scope }).ToList() },
            newValues: new { ConditionSet = set.Number, set.EffectiveFrom, Conditions = set.Conditions.Select(c => new { c.Type, c.Category, c.Wording, c.Scope }).ToList(), options.NecessityRationale }));
        await RaiseAsync(StaffTaskType.RecordOnPnc, $"Pnc:Varied:{order.Id}:{set.Number}", "Update the PNC entry: the order was varied", timeProvider.UkToday, order, null, actor, now, ct);
        await VictimUpdateOutbox.AddAsync(db, order.CaseId, VictimUpdateEvent.OrderVaried, order.VictimReference, options.EffectiveFrom, now, ct);
        await db.SaveChangesAsync(ct);
        return OrderChangeOutcome.Varied(change, order, previous, set);
    }

    /// <summary>SPA 2019 s.4, R20, R21, R23: renewal while the order is in force; the answer gives the new last day.</summary>
    public async Task<OrderChangeOutcome> RenewAsync(RenewOrderOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var order = await LoadAsync(options.OrderId, options.ExpectedVersion, ct);
        var application = await CheckApplicantAsync(order, options.ApplicationId, options.ApplicantParty, options.ApplicantForce, ApplicationType.Renewal, ct);
        var previousLastDay = order.LastInForceDay;
        var previousType = order.DurationType;
        order.Renew(options.DurationType, options.NewLastDay, options.ApplicationLodgedOn, options.NecessityRationale, options.DecidedOn);
        var change = OrderChange.Record(order, application, OrderChangeType.Renewal, options.ApplicantParty, options.ApplicantForce, options.DecidedOn,
            options.DecidedOn, null, null, previousLastDay, options.NecessityRationale, [], now);
        db.OrderChanges.Add(change);
        await GrantAsync(application, change, actor, now, ct);
        audit.Add(actor, AuditEvents.Order.Renewed.For(order.Id, options.NecessityRationale,
            oldValues: new { DurationType = previousType, LastInForceDay = previousLastDay }, newValues: new { order.DurationType, order.LastInForceDay }));
        await RaiseAsync(StaffTaskType.RecordOnPnc, $"Pnc:Renewed:{order.Id}:{order.LastInForceDay:yyyy-MM-dd}", "Update the PNC entry: the order was renewed",
            timeProvider.UkToday, order, null, actor, now, ct);
        await VictimUpdateOutbox.AddAsync(db, order.CaseId, VictimUpdateEvent.OrderRenewed, order.VictimReference, options.DecidedOn, now, ct);
        await db.SaveChangesAsync(ct);
        return OrderChangeOutcome.Renewed(change, order);
    }

    /// <summary>SPA 2019 s.4, R20, R22: discharge, with both consents inside the first 2 years of a full order; the answer gives the day it ends.</summary>
    public async Task<OrderChangeOutcome> DischargeAsync(DischargeOrderOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var order = await LoadAsync(options.OrderId, options.ExpectedVersion, ct);
        var application = await CheckApplicantAsync(order, options.ApplicationId, options.ApplicantParty, options.ApplicantForce, ApplicationType.Discharge, ct);
        var consentNeeded = order.Discharge(options.EffectiveOn, options.Consents, now);
        var change = OrderChange.Record(order, application, OrderChangeType.Discharge, options.ApplicantParty, options.ApplicantForce, options.DecidedOn,
            options.EffectiveOn, null, null, order.LastInForceDay, null, options.Consents, now);
        db.OrderChanges.Add(change);
        await GrantAsync(application, change, actor, now, ct);
        audit.Add(actor, AuditEvents.Order.Discharged.For(order.Id, options.Reason,
            oldValues: new { Status = OrderStatus.InForce }, newValues: new { Status = OrderStatus.Discharged, order.EndedOn, Consents = options.Consents }));
        await RaiseAsync(StaffTaskType.RecordOnPnc, $"Pnc:Discharged:{order.Id}", "Update the PNC entry: the order was discharged", timeProvider.UkToday, order, null, actor, now, ct);

        // SPA 2019 s.9, R25–R28, R33: a discharge in effect today ends the duties and tasks that hang on the order; a later one is left to the deadline check.
        await OrderEnd.CloseWhatHangsOnAsync(db, audit, staffTasks, actor, [order], timeProvider.UkToday, now, ct);
        await VictimUpdateOutbox.AddAsync(db, order.CaseId, VictimUpdateEvent.OrderDischarged, order.VictimReference, options.EffectiveOn, now, ct);
        await db.SaveChangesAsync(ct);
        return OrderChangeOutcome.Discharged(change, order, consentNeeded);
    }

    /// <summary>R42: the PNC entry is made; closes the open PNC tasks.</summary>
    public async Task<PncEntryRecordedOutcome> RecordPncEntryAsync(RecordPncEntryOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var order = await LoadAsync(options.OrderId, options.ExpectedVersion, ct);
        var old = new { order.PncReference };
        order.RecordPncEntry(options.Reference);
        var tasksCompleted = await staffTasks.CompleteOpenAsync(actor, order.Id, StaffTaskType.RecordOnPnc, now, ct);
        audit.Add(actor, AuditEvents.Order.PncRecorded.For(order.Id, oldValues: old, newValues: new { order.PncReference }));
        await db.SaveChangesAsync(ct);
        return PncEntryRecordedOutcome.Recorded(order, old.PncReference, tasksCompleted);
    }

    // SPA 2019 s.4, s.5(7), R20.
    private async Task<Application?> CheckApplicantAsync(StalkingProtectionOrder order, Guid? applicationId, ApplicantParty party, PoliceForce? force,
        ApplicationType type, CancellationToken ct)
    {
        var respondent = await db.Respondents.SingleAsync(r => r.Id == order.RespondentId, ct);
        var relevant = RelevantChiefOfficer.For(order, respondent, timeProvider.UkToday);
        var application = applicationId is { } id ? await db.Applications.SingleAsync(a => a.Id == id, ct) : null;
        var check = RelevantChiefOfficer.Check(party, force, relevant, order.Kind);
        check.Add(RelevantChiefOfficer.CheckAgainstApplication(application, order.Id, type, party, force));
        check.ThrowIfBroken();
        return application;
    }

    /// <summary>The change was made on an application: it and its pending hearing are determined as granted, in the same unit of work.</summary>
    private async Task GrantAsync(Application? application, OrderChange change, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        if (application is null)
        {
            return;
        }

        var old = new { application.Status, application.Determination };
        application.Determine(Determination.Granted, now);
        var hearings = await db.Hearings.Where(h => h.ApplicationId == application.Id && h.Outcome == Hearings.HearingOutcome.Pending).ToListAsync(ct);
        foreach (var hearing in hearings)
        {
            hearing.MarkDetermined();
        }

        audit.Add(actor, AuditEvents.Application.Determined.For(application.Id, $"{change.Type} recorded on the order", oldValues: old,
            newValues: new { application.Status, application.Determination, OrderChangeId = change.Id }));
        await applications.CompleteHearingTasksAsync(actor, application.Id, now, ct);
    }

    private async Task<StalkingProtectionOrder> LoadAsync(Guid id, long? expectedVersion, CancellationToken ct)
    {
        var order = await db.Orders.SingleAsync(o => o.Id == id, ct);
        db.ExpectVersion(order, expectedVersion);
        return order;
    }

    private async Task RaiseAsync(StaffTaskType type, string key, string title, DateOnly dueOn, StalkingProtectionOrder order, Cases.StalkingCase? stalkingCase,
        Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        stalkingCase ??= await db.Cases.SingleAsync(c => c.Id == order.CaseId, ct);
        var task = StaffTask.Raise(type, key, title, dueOn, order.Id, null, order.CaseId, stalkingCase.Team, stalkingCase.OfficerInCharge, now);
        await staffTasks.RaiseOnceAsync(actor, task, ct);
    }

    internal static object Snapshot(StalkingProtectionOrder o) => new
    {
        o.CaseId,
        o.RespondentId,
        o.ApplicationId,
        o.Kind,
        o.Origin,
        o.CourtName,
        o.MadeOn,
        o.DurationType,
        o.LastInForceDay,
        o.ReplacesInterim,
        o.ReplacedInterimOrderId,
        Conditions = o.CurrentConditionSet.Conditions.Select(c => new { c.Sequence, c.Type, c.Category, c.Wording, c.Scope, c.LocalityText, c.Duration, c.EndsOn, c.LegalOverrideReason }).ToList(),
    };
}
