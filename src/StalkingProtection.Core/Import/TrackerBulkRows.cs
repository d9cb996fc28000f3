using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Core.Lists;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Import;

/// <summary>
/// The bulk path of the tracker import (docs/import-tracker.md): a row that only creates records is made into entities in memory
/// by the same entity methods, in the same order and on the same days, as <see cref="TrackerRowRecorder"/> makes them through the
/// services, with the same audit entries and staff tasks; rows are then written a chunk at a time in one transaction with their
/// imported-row keys, and the cases list's keys are worked out for the chunk in that transaction. A row whose entities break
/// a rule is left to the per-row path, which reports it exactly as the dry run does. A row naming the respondent of an earlier
/// bulk row adds its order to that respondent's records in memory, as the per-row path adds it to the person it finds; what it
/// changes of records an earlier chunk wrote (a duty met or excused, a task cancelled) is updated with its chunk.
/// </summary>
internal sealed class TrackerBulkRows(StalkingProtectionDbContext db, TimeProvider realClock, Actor actor)
{
    private readonly List<Added> _rows = [];

    // The duties and tasks of the chunk's rows, not yet written; a row's change to any other is an update of an earlier chunk's record.
    private readonly HashSet<object> _unwritten = new(ReferenceEqualityComparer.Instance);
    private readonly List<(BulkRespondent Respondent, object Record)> _updates = [];

    private sealed record Added(int Index, List<object> Records, List<AuditEvent> Events, TrackerImportedRow Key, BulkRespondent Respondent);

    /// <summary>
    /// A respondent a bulk row created, by the keys the per-row path finds them by, with everything the bulk rows recorded against
    /// them: what a later row reads (their other orders, R11; their notifications and duties, SPA 2019 s.9, R25) and changes.
    /// </summary>
    internal sealed class BulkRespondent(Respondent respondent, IReadOnlyList<string> keys)
    {
        public Respondent Respondent { get; } = respondent;

        public IReadOnlyList<string> Keys { get; } = keys;

        public List<StalkingProtectionOrder> Orders { get; } = [];

        public List<NotificationObligation> Duties { get; } = [];

        public List<NotificationEvent> Notifications { get; } = [];

        public List<StaffTask> Tasks { get; } = [];
    }

    public int Count => _rows.Count;

    /// <summary>
    /// The rows this path records: an order, interim or full, with its hearing, service, breaches, notifications and discharge,
    /// each step on its own day as through the services, for a respondent the row itself creates or an earlier bulk row created.
    /// </summary>
    public static bool Handles(TrackerOrder row) =>
        // CaseService.FindOfficerAccountAsync: an officer named by a staff account's id is linked to the account.
        !Guid.TryParse(row.OfficerInCharge, out _);

    private static DateTimeOffset Noon(DateOnly day) => LondonTime.ToUtc(day, new TimeOnly(12, 0));

    /// <summary>
    /// Builds the row's records in memory, for the respondent of an earlier bulk row (<paramref name="earlier"/>) or a new one known
    /// by <paramref name="respondentKeys"/>; null when an entity refused it (nothing of the row is kept, but an earlier row's
    /// records of <paramref name="earlier"/> may have been changed in memory: <see cref="Evict"/> their rows of the chunk, and
    /// leave them to the per-row path).
    /// </summary>
    public TrackerRowRecorder.Result? TryAdd(int index, TrackerOrder row, string key, string hash, BulkRespondent? earlier, IReadOnlyList<string> respondentKeys,
        out BulkRespondent? respondent)
    {
        var records = new List<object>();
        var events = new List<AuditEvent>();
        respondent = null;
        try
        {
            var changed = new List<object>();
            var orderId = Build(row, earlier, records, events, changed, out var notes);
            respondent = earlier ?? new BulkRespondent(records.OfType<Respondent>().Single(), respondentKeys);
            foreach (var record in changed.Where(c => !_unwritten.Contains(c) && !records.Contains(c)))
            {
                _updates.Add((respondent, record));
            }

            _unwritten.UnionWith(records.Where(r => r is NotificationObligation or StaffTask));
            respondent.Orders.Add(records.OfType<StalkingProtectionOrder>().Single());
            respondent.Duties.AddRange(records.OfType<NotificationObligation>());
            respondent.Notifications.AddRange(records.OfType<NotificationEvent>());
            respondent.Tasks.AddRange(records.OfType<StaffTask>());
            _rows.Add(new Added(index, records, events, TrackerImportedRow.Create(key, hash, orderId, 1, actor, realClock.GetUtcNow()), respondent));
            return new TrackerRowRecorder.Result(orderId, notes);
        }
        catch (RuleViolationException)
        {
            return null;
        }
    }

    /// <summary>Takes the respondent's rows out of the chunk, answering their indexes: they go through the per-row path, in file order.</summary>
    public List<int> Evict(BulkRespondent respondent)
    {
        var evicted = _rows.Where(r => r.Respondent == respondent).Select(r => r.Index).ToList();
        _rows.RemoveAll(r => r.Respondent == respondent);
        _updates.RemoveAll(u => u.Respondent == respondent);
        return evicted;
    }

    /// <summary>Writes the chunk in one transaction: records, audit entries and imported-row keys together, or none of them.</summary>
    public async Task<bool> WriteAsync(CancellationToken ct)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var audit = new AuditLog(db, realClock);
            var records = _rows.SelectMany(r => r.Records).ToList();
            await OrderVictimReference.ReissueTakenAsync(db, [.. records.OfType<StalkingProtectionOrder>()], ct);
            var entries = _rows.SelectMany(r => r.Events).Select(e => audit.Create(actor, e));
            var dbTransaction = transaction.GetDbTransaction();
            await using (await LargerSqliteCacheAsync(dbTransaction, ct))
            {
                await BulkInsert.WriteAsync(db.Model, dbTransaction.Connection!, dbTransaction, [.. records, .. entries, .. _rows.Select(r => r.Key),
                    .. Statistics.StatisticsMonthChanges.MonthsOf(records)], ct);
            }

            // Records of earlier chunks a row changed: saved as the services save them, each with its version counted and the
            // lists' keys it moves worked out again.
            if (_updates.Count > 0)
            {
                foreach (var record in _updates.Select(u => u.Record).Distinct(ReferenceEqualityComparer.Instance))
                {
                    db.Entry(record!).State = EntityState.Modified;
                }

                await db.SaveChangesAsync(ct);
            }

            // Every row a bulk row writes belongs to a case, order or application it opened, so the lists' keys to work out are theirs.
            await ListKeys.RefreshAsync(db, records, ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        catch (Exception e) when (e is DbException or DbUpdateException)
        {
            // A value the database refuses: the chunk's rows go through the per-row path, which leaves out only the row at fault.
            return false;
        }
        finally
        {
            _rows.Clear();
            _unwritten.Clear();
            _updates.Clear();
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// On SQLite, a page cache of 64 MiB while the chunk is written, so the indexes' pages stay in memory instead of being read again
    /// from the file for each row; the connection's own size is put back after, since it returns to the pool. Durability is not
    /// touched: the chunk commits with the synchronous setting the service gives every connection.
    /// </summary>
    private static async Task<IAsyncDisposable> LargerSqliteCacheAsync(DbTransaction transaction, CancellationToken ct)
    {
        if (transaction is not Microsoft.Data.Sqlite.SqliteTransaction sqlite)
        {
            return new Restore(null, null);
        }

        await using var read = sqlite.Connection!.CreateCommand();
        read.Transaction = sqlite;
        read.CommandText = "PRAGMA cache_size";
        var previous = Convert.ToInt64(await read.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        read.CommandText = "PRAGMA cache_size=-65536";
        await read.ExecuteNonQueryAsync(ct);
        return new Restore(sqlite, previous);
    }

    private sealed record Restore(Microsoft.Data.Sqlite.SqliteTransaction? Transaction, long? CacheSize) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (Transaction is not null)
            {
                await using var command = Transaction.Connection!.CreateCommand();
                command.Transaction = Transaction;
                command.CommandText = FormattableString.Invariant($"PRAGMA cache_size={CacheSize}");
                await command.ExecuteNonQueryAsync();
            }
        }
    }

    private Guid Build(TrackerOrder row, BulkRespondent? earlier, List<object> records, List<AuditEvent> events, List<object> changed, out List<string> notes)
    {
        notes = [];
        var applied = row.ApplicationDate;
        var appliedAt = Noon(applied);
        var youth = row.Court.Contains("youth", StringComparison.OrdinalIgnoreCase);

        // CaseService.OpenCaseAsync, AddRespondentAsync, AddVictimAsync, RecordSpoDecisionAsync.
        var stalkingCase = StalkingCase.Open([], OffencesConsidered.None, applied, row.OfficerInCharge, TrackerImportService.Team, appliedAt);
        events.Add(AuditEvents.Case.Opened.For(stalkingCase.Id,
            newValues: new { stalkingCase.CrimeReferences, stalkingCase.Offences, stalkingCase.ReportedOn, stalkingCase.OfficerInCharge, stalkingCase.Team }));
        records.Add(stalkingCase);
        Respondent respondent;
        if (earlier is null)
        {
            var person = Person.Create(row.GivenNames, row.FamilyName, row.DateOfBirth, Gender.NotKnown, row.PncId, appliedAt);
            respondent = Respondent.Create(person, appliedAt);
            stalkingCase.SetRespondent(respondent.Id);
            events.Add(AuditEvents.Respondent.Added.For(respondent.Id,
                newValues: new { CaseId = stalkingCase.Id, PersonId = person.Id, person.DateOfBirth, person.PncId, HasAddress = false, HomeAddressPoliceArea = (PoliceForce?)null }));
            records.AddRange([person, respondent]);
        }
        else
        {
            // TrackerRowRecorder.RecordAsync with the person FindRespondentAsync finds: the case is linked to them, nothing of them changes.
            respondent = earlier.Respondent;
            stalkingCase.SetRespondent(respondent.Id);
            events.Add(AuditEvents.Case.RespondentLinked.For(stalkingCase.Id, TrackerRowRecorder.SamePerson, newValues: new { RespondentId = respondent.Id }));
            notes.Add(TrackerRowRecorder.AddedToTheirRecord);
        }

        var victims = new List<Victim>();
        foreach (var (given, family) in row.ProtectedPersons)
        {
            var victimPerson = Person.Create(given, family, null, Gender.NotKnown, null, appliedAt);
            var victim = Victim.Add(stalkingCase.Id, victimPerson, VictimRole.Both, RelationshipToRespondent.Other, appliedAt);
            events.Add(AuditEvents.Victim.Added.For(victim.Id, newValues: new { CaseId = stalkingCase.Id, PersonId = victimPerson.Id, victim.Role, victim.Relationship }));
            records.AddRange([victimPerson, victim]);
            victims.Add(victim);
        }

        var decision = SpoDecision.Record(stalkingCase.Id, SpoDecisionOutcome.Apply, TrackerRowRecorder.FromTracker, actor.Name, row.OfficerInCharge, null, applied, appliedAt);
        stalkingCase.NoteSpoDecision(decision);
        events.Add(AuditEvents.SpoDecision.Recorded.For(decision.Id, decision.Rationale,
            newValues: new { decision.CaseId, decision.Decision, decision.DecidedBy, decision.AuthorisingOfficer, decision.LegalServicesReference }));
        records.Add(decision);

        // ApplicationService.CreateAsync, AuthoriseAsync, SubmitAsync: the main application, and for an interim order the interim application on it.
        Application Apply(ApplicationType type, Application? main)
        {
            var application = Application.CreateForOrder(stalkingCase.Id, respondent.Id, type, row.ApplicantForce, main, row.Court, appliedAt);
            application.SetVenue(youth ? CourtVenue.YouthCourt : CourtVenue.MagistratesCourt, row.Court);
            application.SetJurisdiction(JurisdictionBasis.ResidesInArea, TrackerRowRecorder.FromTracker);
            foreach (var victim in victims)
            {
                application.AddProtectedPerson(victim, appliedAt);
            }

            foreach (var limb in Enum.GetValues<Limb>())
            {
                application.AddEvidence(limb, EvidenceKind.Document, null, "The application made to the court, as recorded in the force's SPO tracker", appliedAt);
            }

            events.Add(AuditEvents.Application.Created.For(application.Id, newValues: ApplicationService.Snapshot(application)));
            application.Authorise(actor, appliedAt);
            events.Add(AuditEvents.Application.Authorised.For(application.Id,
                oldValues: new { AuthorisedBy = (string?)null }, newValues: new { application.AuthorisedBy, application.AuthorisedAt }));
            var submittedFrom = new { application.Status };
            application.Submit(respondent, main, applied, appliedAt);
            events.Add(AuditEvents.Application.Submitted.For(application.Id, oldValues: submittedFrom,
                newValues: new { application.Status, application.LodgedOn, application.Venue, application.CourtName }));
            records.Add(application);
            return application;
        }

        var application = Apply(ApplicationType.Full, null);
        if (row.Kind == OrderKind.Interim)
        {
            application = Apply(ApplicationType.Interim, application);
        }

        // HearingService.ListHearingAsync.
        Hearing? hearing = null;
        StaffTask? hearingTask = null;
        if (row.HearingDate is { } heard)
        {
            hearing = Hearing.List(application, LondonTime.ToUtc(heard, new TimeOnly(10, 0)), row.Court, appliedAt);
            events.Add(AuditEvents.Hearing.Listed.For(hearing.Id, newValues: new { hearing.ApplicationId, hearing.ListedFor, hearing.CourtName }));
            var listedOn = LondonTime.DateOf(hearing.ListedFor);
            hearingTask = StaffTask.Raise(StaffTaskType.PrepareForHearing, $"Hearing:{hearing.Id}",
                $"Prepare for the hearing at {hearing.CourtName} on {listedOn:d MMMM yyyy}", listedOn, application.OrderId, null, application.CaseId,
                stalkingCase.Team, stalkingCase.OfficerInCharge, appliedAt, hearing.Id);
            events.Add(StaffTaskRaiser.Raised(hearingTask));
            records.AddRange([hearing, hearingTask]);
        }

        // OrderService.RecordOrderAsync: the conditions of the respondent's other orders in force that day (SPA 2019 s.2(6)–(7), R11); a full
        // order here has no interim order to replace (R19), its application being the row's own.
        var existingConditions = earlier?.Orders.Where(o => o.MadeOn <= row.MadeOn && o.EndedOn == null && o.IsInForceOn(row.MadeOn))
            .SelectMany(o => o.ConditionsInForceOn(row.MadeOn)).ToList() ?? [];
        var conditions = row.Conditions.Select(c => TrackerRowRecorder.ConditionFromText(c, victims.Select(v => v.Id).ToList())).ToList();
        foreach (var (wording, _) in conditions.Where(c => c.Review))
        {
            notes.Add($"Review the kind of condition: \"{wording.Wording}\" was recorded as \"other\"");
        }

        var madeAt = Noon(row.MadeOn);
        var terms = new OrderTerms(row.Kind, youth ? OrderOrigin.PoliceApplicationYouthCourt : OrderOrigin.PoliceApplicationMagistrates, row.Court, row.ApplicantForce,
            row.MadeOn, row.LastDay is null ? DurationType.UntilFurtherOrder : DurationType.FixedPeriod, row.LastDay, conditions.Select(c => c.Draft).ToList());
        var @override = new Override(TrackerRowRecorder.FromTracker, actor);
        var order = StalkingProtectionOrder.Make(stalkingCase.Id, respondent.Id, application, terms, new OrderContext(null, existingConditions, true, null),
            victims.Where(v => v.IsProtectedPerson).Select(v => v.Id).ToHashSet(), @override, madeAt, out var overridden);
        application.Determine(Determination.Granted, madeAt);
        events.Add(AuditEvents.Application.Determined.For(application.Id, "Order made", newValues: new { application.Status, application.Determination, OrderId = order.Id }));
        if (hearing is { Outcome: HearingOutcome.Pending } && hearing.ListedFor < LondonTime.EndOfDayUtc(row.MadeOn))
        {
            hearing.MarkDetermined();
            events.Add(AuditEvents.Hearing.Determined.For(hearing.Id, "Order made", newValues: new { hearing.Outcome, OrderId = order.Id }));
        }

        if (hearingTask is not null)
        {
            hearingTask.Complete(madeAt);
            events.Add(StaffTaskRaiser.Completed(hearingTask));
        }

        events.Add(AuditEvents.Order.Made.For(order.Id, Override.Justification(@override, overridden), newValues: OrderService.Snapshot(order)));
        StaffTask Raise(StaffTaskType type, string key, string title, DateOnly dueOn)
        {
            var task = StaffTask.Raise(type, key, title, dueOn, order.Id, null, order.CaseId, stalkingCase.Team, stalkingCase.OfficerInCharge, madeAt);
            events.Add(StaffTaskRaiser.Raised(task));
            records.Add(task);
            return task;
        }

        Raise(StaffTaskType.RecordOnPnc, $"Pnc:Made:{order.Id}", "Record the order on the PNC", row.MadeOn);
        var reviewOn = row.MadeOn.AddDays(OrderService.ReviewIntervalDays);
        Raise(StaffTaskType.ReviewDue, $"Review:{order.Id}:{reviewOn:yyyy-MM-dd}", "Review the order's management", reviewOn);
        var serve = Raise(StaffTaskType.ServeOrder, $"Serve:{order.Id}", "Serve the order on the respondent", row.MadeOn);
        records.Add(order);
        List<StalkingProtectionOrder> respondentOrders = [.. earlier?.Orders ?? [], order];

        // OrderService.RecordServiceAsync: SPA 2019 s.9(1), R25, the initial notification duty starts with service.
        if (row.ServedOn is { } servedOn)
        {
            var servedAt = Noon(servedOn);
            var duty = order.RecordService(servedAt, ServiceMethod.Other, row.OfficerInCharge, respondent, servedAt, earlier?.Notifications ?? []);
            if (duty.Obligation is { } obligation)
            {
                records.Add(obligation);
                events.Add(AuditEvents.Obligation.Created.For(obligation.Id, "SPA 2019 s.9(1)",
                    newValues: new { obligation.Trigger, obligation.TriggerDate, obligation.DueBy, obligation.OrderId, obligation.Status, obligation.MetOn }));
            }

            serve.Complete(servedAt);
            events.Add(StaffTaskRaiser.Completed(serve));
            events.Add(AuditEvents.Order.ServiceRecorded.For(order.Id,
                oldValues: new { ServedAt = (DateTimeOffset?)null }, newValues: new { order.ServedAt, order.ServiceMethod, order.ServedBy, duty.ObligationId }));
        }

        // BreachService.RecordBreachAsync, on the day of each breach: the breach of the order's first condition (SPA 2019 s.8(1), R35).
        var tasks = records.OfType<StaffTask>().ToList();
        foreach (var (breachedOn, description) in row.Breaches)
        {
            var now = Noon(breachedOn);
            var first = order.ConditionSets.SelectMany(set => set.Conditions).OrderBy(c => c.Sequence).First();
            var breach = Breach.Record(order, first.Id, now, null, description, now, @override, now, out var breachOverridden);
            records.Add(breach);
            if (breach.NeedsLegalReview)
            {
                RaiseOnce(StaffTask.Raise(StaffTaskType.LegalReview, $"LegalReview:Breach:{breach.Id}", "Legal review: breach incident before the order was served (R35)",
                    LondonTime.DateOf(now), order.Id, null, order.CaseId, stalkingCase.Team, stalkingCase.OfficerInCharge, now));
            }

            events.Add(AuditEvents.Breach.Recorded.For(breach.Id, Override.Justification(@override, breachOverridden),
                newValues: new { breach.OrderId, breach.ConditionId, breach.IncidentAt, breach.OrderServedAt, breach.NeedsLegalReview, breach.ArrestedAt }));
        }

        var notified = (earlier?.Notifications.Select(n => n.NotifiedOn) ?? []).ToHashSet();
        foreach (var on in row.NotificationDates.Order())
        {
            // One notification a day by the respondent, however many rows name it (TrackerRowRecorder.NotifyAsync).
            if (notified.Add(on))
            {
                Notify(on);
                notes.Add(TrackerRowRecorder.NotificationNote(on));
            }
        }

        if (row.DischargedOn is { } dischargedOn)
        {
            Discharge(dischargedOn);
        }

        foreach (var variation in row.Variations)
        {
            notes.Add(TrackerRowRecorder.VariationNote(variation));
        }

        return order.Id;

        // StaffTaskRaiser.RaiseManyOnceAsync: a new task replaces the open one for the same record.
        void RaiseOnce(StaffTask task)
        {
            if (tasks.FirstOrDefault(t => t.Status == StaffTaskStatus.Open && t.OpenKey == task.OpenKey) is { } older)
            {
                older.Cancel(task.CreatedAt);
                events.Add(StaffTaskRaiser.Replaced(older, task));
            }

            tasks.Add(task);
            records.Add(task);
            events.Add(StaffTaskRaiser.Raised(task));
        }

        // NotificationService.RecordNotificationAsync with what TrackerRowRecorder.NotifyAsync gives it: SPA 2019 s.9(1), s.10, R25, R29-R31.
        void Notify(DateOnly on)
        {
            var now = Noon(on);
            // NotificationService.ExpectedPoliceAreaAsync: the court of the respondent's order made last by that day.
            var lastCourtArea = respondentOrders.Where(o => o.MadeOn <= on).OrderByDescending(o => o.MadeOn).ThenByDescending(o => o.RecordedAt)
                .Select(o => o.CourtPoliceArea).FirstOrDefault();
            var expectedArea = NotificationEvent.ExpectedPoliceArea(respondent, on, lastCourtArea);
            var details = TrackerRowRecorder.NotificationDetails(on, expectedArea ?? row.ApplicantForce);
            details = details with
            {
                AcknowledgementReference = NotificationService.IssuedReference(on, now),
                AcknowledgedAt = details.AcknowledgedAt ?? now,
            };
            var notification = NotificationEvent.Record(respondent, details, expectedArea, now);
            records.Add(notification);
            List<NotificationObligation> obligations = [.. earlier?.Duties ?? [], .. records.OfType<NotificationObligation>()];
            var before = obligations.ToDictionary(o => o.Id, o => new { o.Status, o.MetOn });
            var met = new List<Guid>();
            foreach (var obligation in NotificationObligation.MeetAllItCan(notification, respondent, obligations))
            {
                met.Add(obligation.Id);
                changed.Add(obligation);
                events.Add(AuditEvents.Obligation.Met.For(obligation.Id, oldValues: before[obligation.Id],
                    newValues: new { obligation.Status, obligation.MetOn, NotificationId = notification.Id }));
            }

            events.Add(NotificationService.Recorded(notification, met));
        }

        // OrderService.DischargeAsync with what TrackerRowRecorder.DischargeAsync gives it: SPA 2019 s.4, s.5(7), R20, R22.
        void Discharge(DateOnly on)
        {
            var now = Noon(on);
            var check = RelevantChiefOfficer.Check(ApplicantParty.ChiefOfficer, row.ApplicantForce, RelevantChiefOfficer.For(order, respondent, on), order.Kind);
            check.Add(RelevantChiefOfficer.CheckAgainstApplication(null, order.Id, ApplicationType.Discharge, ApplicantParty.ChiefOfficer, row.ApplicantForce));
            check.ThrowIfBroken();
            DischargeConsent[] consents = [];
            order.Discharge(on, consents, now);
            records.Add(OrderChange.Record(order, null, OrderChangeType.Discharge, ApplicantParty.ChiefOfficer, row.ApplicantForce, on, on, null, null,
                order.LastInForceDay, null, consents, now));
            events.Add(AuditEvents.Order.Discharged.For(order.Id, TrackerRowRecorder.FromTracker,
                oldValues: new { Status = OrderStatus.InForce }, newValues: new { Status = OrderStatus.Discharged, order.EndedOn, Consents = consents }));
            RaiseOnce(StaffTask.Raise(StaffTaskType.RecordOnPnc, $"Pnc:Discharged:{order.Id}", "Update the PNC entry: the order was discharged", on, order.Id, null,
                order.CaseId, stalkingCase.Team, stalkingCase.OfficerInCharge, now));

            // OrderEnd.CloseWhatHangsOnAsync: the respondent's orders, open duties and tasks are those of the chunk's rows naming them.
            var ended = OrderEnd.Ended([order], on);
            if (ended.Count > 0)
            {
                var duties = (earlier?.Duties ?? []).Concat(records.OfType<NotificationObligation>()).Where(d => d.Status == ObligationStatus.Open).ToList();
                var excused = OrderEnd.ExcuseDuties(duties, respondentOrders, on, events.Add);
                changed.AddRange(duties.Where(d => excused.Contains(d.Id)));
                OrderEnd.CancelTasks((earlier?.Tasks ?? []).Concat(tasks).Where(t => OrderEnd.EndsWith(t, [order.Id], excused)).ToList(), ended, respondentOrders, on, (group, reason) =>
                {
                    foreach (var task in group.Where(t => t.Status == StaffTaskStatus.Open))
                    {
                        task.Cancel(now);
                        changed.Add(task);
                        events.Add(StaffTaskRaiser.Cancelled(task, reason));
                    }
                });
            }
        }
    }
}
