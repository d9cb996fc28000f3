using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Reports;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.Time;
using StalkingProtection.Core.VictimUpdates;

namespace StalkingProtection.Core.Breaches;

public sealed record BreachDraftState(DraftStatus Status, ReportedBreachAnswers Answers, string? Reference = null)
{
    public bool IsActive => Status == DraftStatus.Active;
}

public sealed record BreachSubmitResult(SubmitOutcome Outcome, string? Reference = null, BreachReportStep? FirstUnanswered = null);

/// <summary>An arrest names the condition breached and when the respondent was arrested; the override lets an incident before service through (R35).</summary>
public sealed record DecideReportedBreachOptions(Guid ReportedBreachId, ReportedBreachDecision Decision, string? Reasons, long? ExpectedVersion = null,
    Guid? ConditionId = null, DateTimeOffset? ArrestedAt = null, Override? Override = null);

/// <summary>R41: an officer told the person who reported the decision themselves, by phone or in person, at <paramref name="ToldAt"/>.</summary>
public sealed record RecordReporterToldOptions(Guid ReportedBreachId, ReporterToldHow How, DateTimeOffset ToldAt, long? ExpectedVersion = null);

/// <summary>
/// The online "report a breach" journey: drafts kept as the report journey keeps them, and a sent report recorded as a suspected
/// breach with a task for whoever must decide on it.
/// </summary>
public sealed class ReportedBreachService(
    StalkingProtectionDbContext db, IDataProtectionProvider dataProtection, AuditLog audit, TimeProvider timeProvider, BankHolidayCalendar calendar,
    StaffTaskRaiser staffTasks, BreachService breaches)
{
    /// <summary>Business days the officer in charge (or a coordinator) has to decide on a reported breach.</summary>
    public const int DecisionBusinessDays = 1;

    public static Actor PublicActor { get; } = new("public", "Member of the public (online breach report)", null);

    private PublicDrafts Drafts => field ??= new PublicDrafts(db, dataProtection, timeProvider);

    public Task<Guid> StartDraftAsync(CancellationToken ct = default) => Drafts.StartAsync<ReportedBreachAnswers>(PublicJourney.ReportBreach, ct);

    public Task<BreachDraftState> GetDraftAsync(Guid draftId, CancellationToken ct = default) => UpdateAnswersAsync(draftId, _ => { }, ct);

    public async Task<BreachDraftState> UpdateAnswersAsync(Guid draftId, Action<ReportedBreachAnswers> change, CancellationToken ct = default)
    {
        var read = await Drafts.UpdateAsync(draftId, PublicJourney.ReportBreach, change, ct);
        if (read.SentId is { } sentId)
        {
            var reference = await db.ReportedBreaches.Where(r => r.Id == sentId).Select(r => r.Reference).SingleAsync(ct);
            return new BreachDraftState(DraftStatus.Submitted, new ReportedBreachAnswers(), reference);
        }

        return new BreachDraftState(read.Status, read.Answers);
    }

    public Task DiscardAsync(Guid draftId, CancellationToken ct = default) => Drafts.DiscardAsync(draftId, ct);

    /// <summary>
    /// SPA 2019 s.8(1): records the suspected breach and, in the same transaction, a task to decide on it: for the officer in
    /// charge of a live order, due in <see cref="DecisionBusinessDays"/> business day; for the coordinators to check when the
    /// reference matches no order or an order that has ended. The person reporting is told the same either way, so the journey
    /// cannot be used to learn which orders exist. Sending the same draft again gives the one reference.
    /// </summary>
    public async Task<BreachSubmitResult> SubmitAsync(Guid draftId, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var state = await GetDraftAsync(draftId, ct);
        switch (state.Status)
        {
            case DraftStatus.Submitted:
                return new BreachSubmitResult(SubmitOutcome.AlreadySent, state.Reference);
            case DraftStatus.Missing or DraftStatus.Expired:
                return new BreachSubmitResult(SubmitOutcome.Expired);
        }

        var answers = state.Answers;
        var today = LondonTime.DateOf(now);
        if (answers.FirstUnanswered() is { } step)
        {
            return new BreachSubmitResult(SubmitOutcome.Incomplete, FirstUnanswered: step);
        }

        if (ReportedBreach.CheckHappened(answers.HappenedOn!.Value, today).Violations.Count > 0)
        {
            return new BreachSubmitResult(SubmitOutcome.Incomplete, FirstUnanswered: BreachReportStep.WhenItHappened);
        }

        var given = OrderVictimReference.Normalise(answers.OrderReference);
        if (given is null)
        {
            return new BreachSubmitResult(SubmitOutcome.Incomplete, FirstUnanswered: BreachReportStep.OrderReference);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await db.Orders.SingleOrDefaultAsync(o => o.VictimReference == given, ct);
        var live = order is not null && order.IsInForceOn(today);
        var reported = Create(draftId, answers, given, order?.Id, live, now);
        if (!await Drafts.ClaimAsync(draftId, reported.Id, ct))
        {
            await transaction.RollbackAsync(ct);
            return await AlreadySentAsync(draftId, ct);
        }

        db.ReportedBreaches.Add(reported);

        // DPA 2018 s.62: the collection is logged; the log holds no personal data and not whether the reference matched an order.
        audit.Add(PublicActor, AuditEvents.ReportedBreach.Submitted.For(reported.Id,
            newValues: new { reported.Reference, reported.OrderId, reported.OrderWasLive }));
        await RaiseTaskAsync(reported, order, live, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new BreachSubmitResult(SubmitOutcome.Sent, reported.Reference);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(ct);
            return await AlreadySentAsync(draftId, ct);
        }
    }

    /// <summary>
    /// SPA 2019 s.8(1), R39: the decision and its reasons close the task. An arrest records the <see cref="Breach"/> it is for (R35,
    /// R36). The victims on the order's case who asked for breach outcomes are told, in the same save (R41); the person who reported
    /// is told later through the safe channel they gave.
    /// </summary>
    public async Task<ReportedBreachDecidedOutcome> DecideAsync(DecideReportedBreachOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var reported = await db.ReportedBreaches.SingleAsync(r => r.Id == options.ReportedBreachId, ct);
        db.ExpectVersion(reported, options.ExpectedVersion);
        var order = reported.OrderId is { } orderId ? await db.Orders.SingleAsync(o => o.Id == orderId, ct) : null;

        // Every check comes before the first change, so a refused decision leaves nothing behind to be saved by a later read.
        IReadOnlyList<RuleWarning> overridden = [];
        var breach = options.Decision == ReportedBreachDecision.Arrest ? ArrestedFor(reported, order, options, now, out overridden) : null;
        if (order is not null)
        {
            await CheckReasonsShareableAsync(order.CaseId, options.Reasons, ct);
        }

        reported.Decide(options.Decision, options.Reasons, actor.Id, actor.Name, now);
        if (breach is not null)
        {
            await breaches.AddAsync(actor, order!, breach, options.Override, overridden, now, ct);
        }

        await staffTasks.CompleteOpenForRecordAsync(actor, reported.Id, StaffTaskType.DecideReportedBreach, now, ct);
        await staffTasks.CompleteOpenForRecordAsync(actor, reported.Id, StaffTaskType.CheckReportedBreach, now, ct);
        audit.Add(actor, AuditEvents.ReportedBreach.Decided.For(reported.Id, oldValues: new { Decision = (string?)null },
            newValues: new { Decision = reported.Decision.ToString(), reported.DecidedAt, reported.OutcomeToTell, BreachId = breach?.Id }));
        if (order is not null)
        {
            // R41: one update for the decision, keyed so it is never raised twice; a Breach the arrest records raises none of its own,
            // and only its later outcomes reach the victim.
            await VictimUpdateOutbox.AddAsync(db, order.CaseId, VictimUpdateEvent.BreachOutcome, order.VictimReference, LondonTime.DateOf(now), now, ct,
                key: OutcomeUpdateKey(reported.Id),
                detail: $"{VictimUpdateOutbox.DecisionDetail(reported.Decision!.Value)} {VictimUpdateOutbox.OfficerReasons(reported.DecisionReasons!)}");
        }

        await db.SaveChangesAsync(ct);
        return ReportedBreachDecidedOutcome.Decided(reported, breach, victimsTold: order is not null);
    }

    /// <summary>
    /// R41, Victims' Code right 6: the victims on the order's case are told the decision with the reasons as written, including why
    /// when nothing is done, so the reasons may carry no contact details and no name of the respondent or of a victim.
    /// </summary>
    private async Task CheckReasonsShareableAsync(Guid caseId, string? reasons, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reasons))
        {
            return;
        }

        // One query: the people's ids stay a subquery, so their names are read in the same round trip.
        var personIds = db.Victims.Where(v => v.CaseId == caseId).Select(v => v.PersonId)
            .Concat(from c in db.Cases where c.Id == caseId join r in db.Respondents on c.RespondentId equals r.Id select r.PersonId);
        var names = await db.Set<People.PersonName>().Where(n => personIds.Contains(n.PersonId)).Select(n => new { n.GivenNames, n.FamilyName }).ToListAsync(ct);
        var found = VictimUpdateOutbox.FindPersonalDetail(reasons, names.SelectMany(n => n.GivenNames.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append(n.FamilyName)));
        new RuleCheck()
            .Must(found is null, "R41", "reasons",
                $"The reasons are sent to the victim as written, so they must not contain {found}: leave out names, addresses, phone numbers and email addresses",
                "Victims' Code right 6")
            .ThrowIfBroken();
    }

    /// <summary>
    /// R41, Victims' Code right 6: an officer records that they told the person who reported the decision another way (a phone
    /// call, in person) and when; how is kept in the audit entry.
    /// </summary>
    public async Task<ReporterToldOutcome> RecordReporterToldAsync(RecordReporterToldOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var reported = await db.ReportedBreaches.SingleAsync(r => r.Id == options.ReportedBreachId, ct);
        db.ExpectVersion(reported, options.ExpectedVersion);
        new RuleCheck().Must(Enum.IsDefined(options.How), "Input", "how", "Choose how they were told: a phone call or in person", "").ThrowIfBroken();
        reported.RecordVictimTold(options.ToldAt, now);
        AuditTold(audit, actor, reported, options.How.ToString(), null);
        await db.SaveChangesAsync(ct);
        return ReporterToldOutcome.Told(reported, options.How);
    }

    /// <summary>The key of the victim update for the decision on a reported breach: it is raised once per victim.</summary>
    public static string OutcomeUpdateKey(Guid reportedBreachId) => $"ReportedBreach:{reportedBreachId:N}";

    /// <summary>
    /// R41: the victim update telling a decision on a reported breach was delivered through GOV.UK Notify. When the person who
    /// reported did so for themselves and is the one victim on the order's case, that update is what told them; with several
    /// victims it cannot be known which one reported, so an officer records it by hand.
    /// </summary>
    internal async Task RecordToldByUpdateAsync(VictimMessage message, DateTimeOffset now, CancellationToken ct)
    {
        var prefix = OutcomeUpdateKey(Guid.Empty)[..^32];
        if (message.Event != VictimUpdateEvent.BreachOutcome || message.Key is not { } key || !key.StartsWith(prefix, StringComparison.Ordinal)
            || !Guid.TryParseExact(key.Substring(prefix.Length, 32), "N", out var reportedId))
        {
            return;
        }

        var reported = await db.ReportedBreaches.SingleOrDefaultAsync(r => r.Id == reportedId, ct);
        if (reported is null || reported.Decision is null || reported.VictimToldAt is not null || reported.ReportingFor != ReportingFor.Myself
            || await db.Victims.CountAsync(v => v.CaseId == message.CaseId, ct) != 1)
        {
            return;
        }

        reported.RecordVictimTold(now, now);
        AuditTold(audit, Actor.System, reported, "GOV.UK Notify", message.Id);
    }

    private static void AuditTold(AuditLog audit, Actor actor, ReportedBreach reported, string how, Guid? messageId) =>
        audit.Add(actor, AuditEvents.ReportedBreach.ReporterTold.For(reported.Id,
            oldValues: new { VictimToldAt = (DateTimeOffset?)null }, newValues: new { reported.VictimToldAt, How = how, MessageId = messageId }));

    /// <summary>A reported breach as staff read it, without its contact details; the read is audited (DPA 2018 s.62).</summary>
    public async Task<ReportedBreach?> ViewAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        var reported = await db.ReportedBreaches.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (reported is not null)
        {
            await audit.RecordConsultationAsync(actor, AuditEvents.ReportedBreach.Viewed.For(id), ct);
        }

        return reported;
    }

    /// <summary>
    /// The safe contact details the person who reported gave, decrypted only with a reason, the read audited with it (DPA 2018 s.62).
    /// Need-to-know is the decision page's: staff who may see the order's case, or coordinators for a report that matched no order.
    /// </summary>
    public async Task<SafeContactDetails?> ReadContactDetailsAsync(Guid id, Actor actor, string reason, CancellationToken ct = default)
    {
        var protectedContact = await db.ReportedBreaches.AsNoTracking().Where(r => r.Id == id).Select(r => r.ProtectedContact).SingleAsync(ct);
        return await SafeContactProtection.ReadForReasonAsync(dataProtection, audit, actor, AuditEvents.ReportedBreach.ContactDetailsViewed, id,
            protectedContact, reason, ct);
    }

    /// <summary>The task types that only a decision on the reported breach closes.</summary>
    public static bool IsClosedByDecision(StaffTaskType type) => type is StaffTaskType.DecideReportedBreach or StaffTaskType.CheckReportedBreach;

    /// <summary>
    /// SPA 2019 s.8(1), R35, R36: an arrest is for breaching a condition of the order, so it records that breach as staff would: a
    /// condition in force at the incident, of an order not ended by then. A report without a time is taken from the start of its day,
    /// so an incident on the day of service goes to legal review rather than being assumed to follow it.
    /// </summary>
    private static Breach ArrestedFor(ReportedBreach reported, StalkingProtectionOrder? order, DecideReportedBreachOptions options, DateTimeOffset now,
        out IReadOnlyList<RuleWarning> overridden)
    {
        new RuleCheck()
            .Must(order is not null, "R35", "decision",
                "Only a report that names an order can lead to an arrest for breaching it: record further enquiries or no breach (SPA 2019 s.8(1), R35)", "SPA 2019 s.8(1)")
            .Must(options.ConditionId is not null, "R35", "conditionId", "Choose the condition of the order that was breached (SPA 2019 s.8(1), R35)", "SPA 2019 s.8(1)")
            .Must(options.ArrestedAt is not null, "Input", "arrestedAt", "Enter when the respondent was arrested", "")
            .ThrowIfBroken();
        var incidentAt = LondonTime.ToUtc(reported.HappenedOn, reported.HappenedAtTime ?? TimeOnly.MinValue);
        var breach = Breach.Record(order!, options.ConditionId!.Value, incidentAt, reported.Location, reported.WhatHappened, reported.SubmittedAt,
            options.Override, now, out overridden);
        breach.RecordProgress(new BreachProgress(null, options.ArrestedAt, null, null, null, BreachOutcome.UnderInvestigation, null, null, null, null), now);
        return breach;
    }

    private async Task RaiseTaskAsync(ReportedBreach reported, StalkingProtectionOrder? order, bool live, DateTimeOffset now, CancellationToken ct)
    {
        var dueOn = calendar.AddBusinessDays(LondonTime.DateOf(now), DecisionBusinessDays);
        StaffTask task;
        if (live)
        {
            var stalkingCase = await db.Cases.AsNoTracking().Where(c => c.Id == order!.CaseId).Select(c => new { c.Team, c.OfficerInCharge }).SingleAsync(ct);
            task = StaffTask.Raise(StaffTaskType.DecideReportedBreach, $"ReportedBreach:{reported.Id}",
                "Breach reported online: decide on arrest, further enquiries or no breach (SPA 2019 s.8)", dueOn, order!.Id, null, order.CaseId,
                stalkingCase.Team, stalkingCase.OfficerInCharge, now, reported.Id);
        }
        else
        {
            // Left unassigned, so it is in every coordinator's list.
            task = StaffTask.Raise(StaffTaskType.CheckReportedBreach, $"ReportedBreach:{reported.Id}",
                "Breach reported online for an unknown or ended order: check it (SPA 2019 s.8)", dueOn, order?.Id, null, order?.CaseId,
                null, null, now, reported.Id);
        }

        await staffTasks.RaiseOnceAsync(PublicActor, task, ct);
    }

    private async Task<BreachSubmitResult> AlreadySentAsync(Guid draftId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var reference = await db.ReportedBreaches.AsNoTracking().Where(r => r.DraftId == draftId).Select(r => r.Reference).SingleOrDefaultAsync(ct);
        return reference is null ? new BreachSubmitResult(SubmitOutcome.Expired) : new BreachSubmitResult(SubmitOutcome.AlreadySent, reference);
    }

    private ReportedBreach Create(Guid draftId, ReportedBreachAnswers a, string given, Guid? orderId, bool live, DateTimeOffset now)
    {
        var contact = a.WantsContact
            ? new SafeContactDetails(Clean(a.ContactName), a.NeedsPhone ? Clean(a.PhoneNumber) : null, a.NeedsEmail ? Clean(a.Email) : null,
                Clean(a.SafeTimes), a.CanCall ? a.VoicemailAllowed : null)
            : null;
        return new ReportedBreach
        {
            Id = Guid.CreateVersion7(now),
            Reference = PublicReference.New("SPB"),
            DraftId = draftId,
            SubmittedAt = now,
            OrderReferenceGiven = given,
            OrderId = orderId,
            OrderWasLive = live,
            ReportingFor = a.ReportingFor!.Value,
            WhatHappened = Clean(a.WhatHappened)!,
            HappenedOn = a.HappenedOn!.Value,
            HappenedAtTime = a.HappenedAtTime,
            Location = Clean(a.Location)!,
            Evidence = Clean(a.Evidence),
            ContactMethods = a.ContactMethods ?? SafeContactMethods.None,
            ProtectedContact = contact is null ? null : SafeContactProtection.Protect(dataProtection, contact),
        };
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
