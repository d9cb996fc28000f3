using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Import;

/// <summary>A step of a row broke a rule: the problems name the tracker column it came from.</summary>
public sealed class TrackerStepException(IReadOnlyList<TrackerRowProblem> problems) : Exception(string.Join(" ", problems.Select(p => p.Message)))
{
    public IReadOnlyList<TrackerRowProblem> Problems { get; } = problems;
}

/// <summary>
/// Records one tracker row through the real services, each step on the day it happened, as the demo data is made; the audit
/// entries carry the real time of the import and its actor, so the records are audited as collected by this import.
/// </summary>
internal sealed class TrackerRowRecorder(StalkingProtectionDbContext db, TimeProvider realClock, Actor actor)
{
    internal const string FromTracker = "Recorded from the force's SPO tracker when the force adopted the service: the court made the order as the tracker records it.";

    /// <summary>Why a case is linked to a respondent already recorded, in its audit entry.</summary>
    internal const string SamePerson = "Same person as in an earlier record (PNC ID, or family name and date of birth)";

    internal const string AddedToTheirRecord = "The respondent is a person already recorded: the order is added to their record";

    private const string NotRecorded = "Not recorded in the tracker";

    public sealed record Result(Guid OrderId, IReadOnlyList<string> Notes);

    private sealed record Services(StalkingProtectionDbContext Db, TimeProvider Clock, AuditLog Audit)
    {
        public StaffTaskRaiser StaffTasks => new(Db, Audit);

        public CaseService Cases => new(Db, Clock, Audit);

        public ApplicationService Applications => new(Db, Clock, Audit, StaffTasks);

        public HearingService Hearings => new(Db, Clock, Audit, Applications, StaffTasks);

        public OrderService Orders => new(Db, Clock, Audit, StaffTasks, Applications);

        public BreachService Breaches => new(Db, Clock, Audit, StaffTasks);

        public NotificationService Notifications => new(Db, Clock, Audit, StaffTasks);
    }

    private async Task<T> OnAsync<T>(DateOnly day, TrackerColumn column, Func<Services, Task<T>> step)
    {
        try
        {
            return await step(new Services(db, new DayClock(LondonTime.ToUtc(day, new TimeOnly(12, 0))), new AuditLog(db, realClock)));
        }
        catch (RuleViolationException e)
        {
            throw new TrackerStepException(e.Violations.Select(v => new TrackerRowProblem(ColumnOf(v.Field, column), v.RuleId, v.Message))
                .Concat(e.Warnings.Select(w => new TrackerRowProblem(ColumnOf(w.Field, column), w.RuleId, w.Message))).ToList());
        }
    }

    private static string ColumnOf(string field, TrackerColumn step)
    {
        var column = field switch
        {
            "madeOn" => TrackerColumn.MadeOn,
            "lastInForceDay" or "durationType" => TrackerColumn.LastDay,
            "courtName" or "venue" => TrackerColumn.Court,
            "respondentDateOfBirth" or "dateOfBirth" => TrackerColumn.RespondentDateOfBirth,
            "pncId" => TrackerColumn.PncId,
            "protectedPersonIds" => TrackerColumn.ProtectedPersons,
            "servedAt" or "servedOn" => TrackerColumn.ServedOn,
            "effectiveOn" or "decidedOn" or "consents" => TrackerColumn.DischargedOn,
            "notifiedAt" or "stationName" or "stationPoliceArea" or "mode" or "receivedBy" or "namesGiven" or "acknowledgementReference" or "acknowledgedAt"
                => TrackerColumn.NotificationDates,
            _ when field.StartsWith("conditions", StringComparison.Ordinal) => TrackerColumn.Conditions,
            _ => step,
        };
        return TrackerColumns.HeaderOf(column);
    }

    public async Task<Result> RecordAsync(TrackerOrder row, Respondent? existing, CancellationToken ct)
    {
        var notes = new List<string>();
        var applied = row.ApplicationDate;
        var youth = row.Court.Contains("youth", StringComparison.OrdinalIgnoreCase);
        var (caseId, victimIds) = await OnAsync(applied, TrackerColumn.OrderReference, async s =>
        {
            var caseId = (await s.Cases.OpenCaseAsync(new OpenCaseOptions([], OffencesConsidered.None, applied, row.OfficerInCharge, TrackerImportService.Team), actor, ct)).RecordId;
            if (existing is null)
            {
                await s.Cases.AddRespondentAsync(new AddRespondentOptions(caseId, new PersonDetails(row.GivenNames, row.FamilyName, row.DateOfBirth, Gender.NotKnown, row.PncId),
                    null, null, null), actor, ct);
            }
            else
            {
                var stalkingCase = await s.Db.Cases.SingleAsync(c => c.Id == caseId, ct);
                stalkingCase.SetRespondent(existing.Id);
                s.Audit.Add(actor, AuditEvents.Case.RespondentLinked.For(caseId, SamePerson, newValues: new { RespondentId = existing.Id }));
                await s.Db.SaveChangesAsync(ct);
            }

            var victims = new List<Guid>();
            foreach (var (given, family) in row.ProtectedPersons)
            {
                victims.Add((await s.Cases.AddVictimAsync(new AddVictimOptions(caseId, new PersonDetails(given, family, null), VictimRole.Both,
                    RelationshipToRespondent.Other), actor, ct)).RecordId);
            }

            await s.Cases.RecordSpoDecisionAsync(new RecordSpoDecisionOptions(caseId, SpoDecisionOutcome.Apply, FromTracker, row.OfficerInCharge, null), actor, ct);
            return (caseId, victims);
        });
        if (existing is not null)
        {
            notes.Add(AddedToTheirRecord);
        }

        Task<Guid> ApplyAsync(ApplicationType type, Guid? mainId) => OnAsync(applied, TrackerColumn.ApplicationDate, async s =>
        {
            var id = (await s.Applications.CreateAsync(new CreateApplicationOptions(caseId, type, row.ApplicantForce, youth ? CourtVenue.YouthCourt : CourtVenue.MagistratesCourt,
                row.Court, mainId, JurisdictionBasis.ResidesInArea, FromTracker, victimIds,
                Enum.GetValues<Limb>().Select(l => new EvidenceLink(l, EvidenceKind.Document, null, "The application made to the court, as recorded in the force's SPO tracker")).ToList()),
                actor, ct)).ApplicationId;
            await s.Applications.AuthoriseAsync(new AuthoriseApplicationOptions(id), actor, ct);
            await s.Applications.SubmitAsync(new SubmitApplicationOptions(id), actor, ct);
            return id;
        });

        var applicationId = await ApplyAsync(ApplicationType.Full, null);
        if (row.Kind == OrderKind.Interim)
        {
            applicationId = await ApplyAsync(ApplicationType.Interim, applicationId);
        }

        if (row.HearingDate is { } heard)
        {
            await OnAsync(applied, TrackerColumn.HearingDate, s => s.Hearings.ListHearingAsync(
                new ListHearingOptions(applicationId, LondonTime.ToUtc(heard, new TimeOnly(10, 0)), row.Court), actor, ct));
        }

        var conditions = row.Conditions.Select(c => ConditionFromText(c, victimIds)).ToList();
        foreach (var (wording, _) in conditions.Where(c => c.Review))
        {
            notes.Add($"Review the kind of condition: \"{wording.Wording}\" was recorded as \"other\"");
        }

        var terms = new OrderTerms(row.Kind, youth ? OrderOrigin.PoliceApplicationYouthCourt : OrderOrigin.PoliceApplicationMagistrates, row.Court, row.ApplicantForce,
            row.MadeOn, row.LastDay is null ? DurationType.UntilFurtherOrder : DurationType.FixedPeriod, row.LastDay, conditions.Select(c => c.Draft).ToList());
        var orderId = (await OnAsync(row.MadeOn, TrackerColumn.MadeOn, s => s.Orders.RecordOrderAsync(new RecordOrderOptions(caseId, applicationId, terms,
            NoIncompatibilityAttested: true, Override: new Override(FromTracker, actor)), actor, ct))).OrderId;

        if (row.ServedOn is not null)
        {
            await ServeAsync(orderId, row, ct);
        }

        foreach (var breach in row.Breaches)
        {
            await OnAsync(breach.On, TrackerColumn.Breaches, async s =>
            {
                var first = await s.Db.Conditions.Where(c => s.Db.ConditionSets.Any(set => set.Id == c.ConditionSetId && set.OrderId == orderId))
                    .OrderBy(c => c.Sequence).Select(c => c.Id).FirstAsync(ct);
                return await s.Breaches.RecordBreachAsync(new RecordBreachOptions(orderId, first, LondonTime.ToUtc(breach.On, new TimeOnly(12, 0)), null,
                    breach.Description, Override: new Override(FromTracker, actor)), actor, ct);
            });
        }

        foreach (var notified in row.NotificationDates.Order())
        {
            if (await NotifyAsync(orderId, row, notified, ct))
            {
                notes.Add(NotificationNote(notified));
            }
        }

        if (row.DischargedOn is not null)
        {
            await DischargeAsync(orderId, row, ct);
        }

        // A variation is recorded in the service with its new conditions (SPA 2019 s.7, R20, R22); the tracker gives them only in words,
        // so recording one would invent conditions: its date and words are kept for review instead.
        foreach (var variation in row.Variations)
        {
            notes.Add(VariationNote(variation));
        }

        return new Result(orderId, notes);
    }

    internal static string NotificationNote(DateOnly notified) =>
        $"Notification of {notified:dd/MM/yyyy} recorded from its date alone: the station, who received it and the names and address given are \"{NotRecorded}\"; complete them from the force's records if they hold them";

    /// <summary>A notification the tracker gives only by its date, at noon that day, in the police area <paramref name="area"/>.</summary>
    internal static NotificationEvent.Details NotificationDetails(DateOnly on, Applications.PoliceForce area)
    {
        var at = LondonTime.ToUtc(on, new TimeOnly(12, 0));
        return new NotificationEvent.Details(at, NotRecorded, area, NotificationMode.InPersonOral, NotRecorded, false, null, NotRecorded, NotRecorded, "", at, null);
    }

    internal static string VariationNote(string variation) =>
        TrackerOrder.VariationDate(variation) is { } on
            ? $"Variation of {on:dd/MM/yyyy} (\"{variation}\"): enter it in the workspace (Record a variation of the order) with the conditions the court set"
            : $"Variation \"{variation}\" gives no date: enter it in the workspace (Record a variation of the order) with its date and the conditions the court set";

    /// <summary>
    /// A notification date in the tracker is evidence that the respondent notified the police that day (SPA 2019 s.9(1), R25), so it is
    /// recorded as a notification and meets the duty it can meet, which then does not show overdue. What the tracker cannot say is
    /// recorded as "not recorded in the tracker", never made up: the station (R29; its police area is the one the law required on
    /// that day, as the force accepted the notification), the person who received it (R30) and the names and address given
    /// (s.9(2)). The mode is in person and orally, the only way a notification counts (SPA 2019 s.10(1)–(2), R30), and the service
    /// issues the written acknowledgement's reference (s.10(4), R31). The row is flagged for review. A respondent already recorded with
    /// a notification that day (another order's row in the same tracker) gave one notification, which already met what it can: false.
    /// </summary>
    private Task<bool> NotifyAsync(Guid orderId, TrackerOrder row, DateOnly on, CancellationToken ct) =>
        OnAsync(on, TrackerColumn.NotificationDates, async s =>
        {
            var respondentId = await s.Db.Orders.Where(o => o.Id == orderId).Select(o => o.RespondentId).SingleAsync(ct);
            if (await s.Db.NotificationEvents.AnyAsync(e => e.RespondentId == respondentId && e.NotifiedOn == on, ct))
            {
                return false;
            }

            var respondent = await s.Db.Respondents.SingleToChangeAsync(respondentId, ct);
            var area = await s.Notifications.ExpectedPoliceAreaAsync(respondent, on, ct) ?? row.ApplicantForce;
            await s.Notifications.RecordNotificationAsync(new RecordNotificationOptions(respondentId, NotificationDetails(on, area)), actor, ct);
            return true;
        });

    public Task ServeAsync(Guid orderId, TrackerOrder row, CancellationToken ct) =>
        OnAsync(row.ServedOn!.Value, TrackerColumn.ServedOn, s => s.Orders.RecordServiceAsync(new RecordServiceOptions(orderId,
            LondonTime.ToUtc(row.ServedOn!.Value, new TimeOnly(12, 0)), ServiceMethod.Other, row.OfficerInCharge), actor, ct));

    public Task DischargeAsync(Guid orderId, TrackerOrder row, CancellationToken ct) =>
        OnAsync(row.DischargedOn!.Value, TrackerColumn.DischargedOn, s => s.Orders.DischargeAsync(new DischargeOrderOptions(orderId, ApplicantParty.ChiefOfficer,
            row.ApplicantForce, row.DischargedOn!.Value, row.DischargedOn!.Value, [], Reason: FromTracker), actor, ct));

    /// <summary>The kind of a condition from its wording where the wording is clear; otherwise "other", for a person to review.</summary>
    internal static (ConditionDraft Draft, bool Review) ConditionFromText(string wording, IReadOnlyList<Guid> protectedPersonIds)
    {
        var text = wording.ToLowerInvariant();
        (ConditionType Type, ConditionCategory Category)? kind =
            text.Contains("social media", StringComparison.Ordinal) || text.Contains("online", StringComparison.Ordinal) || text.Contains("website", StringComparison.Ordinal)
                ? (ConditionType.Prohibition, ConditionCategory.OnlineOrSocialMedia)
            : text.Contains("contact", StringComparison.Ordinal) && text.Contains("not", StringComparison.Ordinal) ? (ConditionType.Prohibition, ConditionCategory.NoContact)
            : text.Contains("approach", StringComparison.Ordinal) && text.Contains("not", StringComparison.Ordinal) ? (ConditionType.Prohibition, ConditionCategory.NoApproach)
            : text.Contains("report to", StringComparison.Ordinal) || text.Contains("sign on", StringComparison.Ordinal) ? (ConditionType.Requirement, ConditionCategory.ReportingOrSignOn)
            : text.Contains("assessment", StringComparison.Ordinal) ? (ConditionType.Requirement, ConditionCategory.Assessment)
            : text.Contains("programme", StringComparison.Ordinal) || text.Contains("course", StringComparison.Ordinal) ? (ConditionType.Requirement, ConditionCategory.ProgrammeAttendance)
            : null;
        var type = kind?.Type ?? (text.StartsWith("must not", StringComparison.Ordinal) ? ConditionType.Prohibition : ConditionType.Requirement);
        return (new ConditionDraft(type, kind?.Category ?? ConditionCategory.Other, wording, ConditionScope.AllUk, null, protectedPersonIds, FromTracker, false, false, null),
            kind is null);
    }

    private sealed class DayClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
