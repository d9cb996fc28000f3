using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Lists;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Orders;

public enum OrderKind
{
    Interim,
    Full,
}

// SPA 2019 s.3(1), R13.
public enum DurationType
{
    FixedPeriod,
    UntilFurtherOrder,
}

public enum OrderStatus
{
    NotYetMade,
    InForce,
    Ceased,
    Expired,
    Discharged,
    Quashed,
    Superseded,
}

/// <summary>How an order stopped early; expiry is derived from the last in-force day.</summary>
public enum OrderEnding
{
    Ceased,
    Discharged,
    Quashed,
    Superseded,
}

public enum ServiceMethod
{
    Personal,
    PresentInCourt,
    Other,
}

/// <summary>What the court ordered, as entered from the order drawn up.</summary>
public sealed record OrderTerms(
    OrderKind Kind,
    OrderOrigin Origin,
    string CourtName,
    PoliceForce? CourtPoliceArea,
    DateOnly MadeOn,
    DurationType DurationType,
    DateOnly? LastInForceDay,
    IReadOnlyList<ConditionDraft> Conditions);

/// <summary>
/// What the service found out before the order is recorded: the interim order in force on the same main application (R19),
/// the conditions of the respondent's other orders in force (R11), and the commencement of court-made orders (R43).
/// </summary>
public sealed record OrderContext(
    StalkingProtectionOrder? InterimInForce,
    IReadOnlyList<Condition> ExistingConditions,
    bool NoIncompatibilityAttested,
    DateOnly? CourtMadeOrdersCommencedOn);

/// <summary>A full or interim stalking protection order (SPA 2019 ss.1–5).</summary>
public class StalkingProtectionOrder : IVersioned
{
    public const int CourtNameMaxLength = 200;
    public const int NameMaxLength = 200;
    public const int ReferenceMaxLength = 100;
    public const int NoteMaxLength = 2000;

    private readonly List<ConditionSet> _conditionSets = [];

    public required Guid Id { get; init; }

    public required Guid CaseId { get; init; }

    public Guid RespondentId { get; private set; }

    /// <summary>The person was recorded twice, each time as a respondent: this now belongs to the respondent kept.</summary>
    internal void TransferTo(Respondent kept) => RespondentId = kept.Id;

    /// <summary>The application the order was made on; null for a court-made order (R43).</summary>
    public Guid? ApplicationId { get; private init; }

    /// <summary>For an interim order: the main application (SPA 2019 s.5(6)(b), R17).</summary>
    public Guid? MainApplicationId { get; private init; }

    public OrderKind Kind { get; private init; }

    public OrderOrigin Origin { get; private init; }

    public PoliceForce? ApplicantForce { get; private init; }

    public string CourtName { get; private init; } = "";

    /// <summary>SPA 2019 s.10(1)(b), R29: the police area where the court sits.</summary>
    public PoliceForce? CourtPoliceArea { get; private init; }

    public DateOnly MadeOn { get; private init; }

    public DurationType DurationType { get; private set; }

    /// <summary>Null when the order runs until further order.</summary>
    public DateOnly? LastInForceDay { get; private set; }

    /// <summary>SPA 2019 s.9(1), R19: a full order replacing an interim order brings no new initial notification.</summary>
    public bool ReplacesInterim { get; private init; }

    public Guid? ReplacedInterimOrderId { get; private init; }

    public DateTimeOffset? ServedAt { get; private set; }

    public DateOnly? ServedOn { get; private set; }

    public ServiceMethod? ServiceMethod { get; private set; }

    public string? ServedBy { get; private set; }

    public OrderEnding? Ending { get; private set; }

    /// <summary>The first day the order is no longer in force because of <see cref="Ending"/>.</summary>
    public DateOnly? EndedOn { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public string? EndingNote { get; private set; }

    public Guid? SupersededByOrderId { get; private set; }

    public string? PncReference { get; private set; }

    /// <summary>The PNC reference in <see cref="Search.ReferenceKeys.PncId"/> form, which the search finds by equality on its index (P1).</summary>
    public string? PncReferenceKey { get; private set; }

    public DateTimeOffset RecordedAt { get; private init; }

    /// <summary>R11: who attested that no condition is incompatible with an earlier order's.</summary>
    public bool NoIncompatibilityAttested { get; private init; }

    public IReadOnlyList<ConditionSet> ConditionSets => _conditionSets;

    /// <summary>
    /// What the victim is given to quote when they report a breach online (e.g. SPO-7KQ2-M9XD): unique, and telling nothing about
    /// the order or the people in it.
    /// </summary>
    public string? VictimReference { get; private set; }

    /// <summary>A fresh reference, for one that another order already holds (<see cref="OrderVictimReference.ReissueTakenAsync"/>).</summary>
    internal void ReissueVictimReference() => VictimReference = OrderVictimReference.New();

    /// <summary>
    /// P1: the keys the orders list sorts by, stored so that a page is read in an index's order and stops after its rows;
    /// written by <see cref="OrderListKeys"/> in the same transaction as any change to the records they depend on (the
    /// respondent's names, the order's tasks and notification duties, the order itself).
    /// </summary>
    public string RespondentSortKey { get; private set; } = "";

    /// <summary>See <see cref="OrderListKeys.KindKeyOf"/>.</summary>
    public long KindSortKey { get; private set; }

    /// <summary>The day it ended, when it ended before its last day (the first day no longer in force), else its last day; until further order sorts last.</summary>
    public DateOnly LastDaySortKey { get; private set; } = DateOnly.MaxValue;

    /// <summary>See <see cref="OrderListKeys.StatusKeyOf"/>.</summary>
    public long StatusSortKey { get; private set; }

    /// <summary>See <see cref="OrderListKeys.NextDeadlineKeyOf"/>.</summary>
    public long NextDeadlineSortKey { get; private set; } = OrderListKeys.NoDeadline;

    public long Version { get; set; }

    /// <summary>Records an order the court made: every rule for its kind is checked at once.</summary>
    public static StalkingProtectionOrder Make(Guid caseId, Guid respondentId, Application? application, OrderTerms terms,
        OrderContext context, IReadOnlySet<Guid> protectedPersonIds, Override? @override, DateTimeOffset now,
        out IReadOnlyList<RuleWarning> overridden)
    {
        var check = CheckTerms(application, terms, context, protectedPersonIds, LondonTime.DateOf(now), @override);
        overridden = check.ThrowIfBroken(@override);

        // SPA 2019 s.9(1), R19.
        var replaces = terms.Kind == OrderKind.Full && context.InterimInForce is not null;
        var order = new StalkingProtectionOrder
        {
            Id = Guid.CreateVersion7(now),
            CaseId = caseId,
            RespondentId = respondentId,
            ApplicationId = application?.Id,
            MainApplicationId = application is null ? null : application.MainApplicationId ?? application.Id,
            Kind = terms.Kind,
            Origin = terms.Origin,
            ApplicantForce = application?.ApplicantForce,
            CourtName = terms.CourtName.Trim(),
            CourtPoliceArea = terms.CourtPoliceArea,
            MadeOn = terms.MadeOn,
            DurationType = terms.DurationType,
            LastInForceDay = terms.DurationType == DurationType.FixedPeriod ? terms.LastInForceDay : null,
            ReplacesInterim = replaces,
            ReplacedInterimOrderId = replaces ? context.InterimInForce!.Id : null,
            RecordedAt = now.ToUniversalTime(),
            NoIncompatibilityAttested = context.NoIncompatibilityAttested,
            VictimReference = OrderVictimReference.New(),
        };
        order._conditionSets.Add(ConditionSet.Create(order.Id, 1, terms.MadeOn, ConditionSetReason.Made, terms.Conditions, terms.MadeOn, @override, now));
        return order;
    }

    /// <summary>
    /// SPA 2019 ss.1–3, 5, R11–R16, R18, R43 and the rules of each condition: what an order the court made must meet, checked when
    /// it is recorded and also asked where it is entered. It cannot have been made after <paramref name="today"/>.
    /// </summary>
    public static RuleCheck CheckTerms(Application? application, OrderTerms terms, OrderContext context,
        IReadOnlySet<Guid> protectedPersonIds, DateOnly today, Override? @override = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(context);
        var check = new RuleCheck()
            // R12: the order states the day it was made, the court and its conditions.
            .Must(terms.MadeOn != default, "R12", "madeOn", "Enter the date the order was made (R12)", "NI Act 2022 s.12(1) analogue")
            .Must(!string.IsNullOrWhiteSpace(terms.CourtName) && terms.CourtName.Length <= CourtNameMaxLength, "R12", "courtName",
                "Enter the court that made the order (R12)", "NI Act 2022 s.12(1) analogue")
            .Must(terms.Conditions.Count > 0, "R12", "conditions",
                "An order must contain at least one prohibition or requirement (SPA 2019 s.1(2), R12)", "SPA 2019 s.1(2)")
            .Must(Enum.IsDefined(terms.DurationType), "R13", "durationType",
                "An order lasts for a fixed period or until further order (SPA 2019 s.3(1), R13)", "SPA 2019 s.3(1)");

        if (terms.Kind == OrderKind.Interim)
        {
            // SPA 2019 s.5(6)(a), R16.
            check.Must(terms.DurationType == DurationType.FixedPeriod && terms.LastInForceDay is not null, "R16", "durationType",
                "An interim order has effect only for a fixed period: enter its last day; 'until further order' is not allowed (SPA 2019 s.5(6)(a), R16)", "SPA 2019 s.5(6)(a)");
            check.Must(terms.LastInForceDay is null || terms.LastInForceDay >= terms.MadeOn, "R16", "lastInForceDay",
                "The interim order's fixed period cannot end before it is made (SPA 2019 s.5(6)(a), R16)", "SPA 2019 s.5(6)(a)");
            check.Must(application?.Type == ApplicationType.Interim, "R18", "applicationId",
                "An interim order is made on an interim application linked to a main application (SPA 2019 s.5(2), R18)", "SPA 2019 s.5(2)");
        }
        else
        {
            // SPA 2019 s.3(1), R13.
            check.Must(terms.DurationType != DurationType.FixedPeriod || terms.LastInForceDay is not null, "R13", "lastInForceDay",
                "Enter the last day of the order's fixed period (SPA 2019 s.3(1), R13)", "SPA 2019 s.3(1)");
            check.Must(terms.DurationType != DurationType.UntilFurtherOrder || terms.LastInForceDay is null, "R13", "lastInForceDay",
                "An order until further order has no last day (SPA 2019 s.3(1), R13)", "SPA 2019 s.3(1)");

            // SPA 2019 s.3(2), R14.
            var minimum = StatutoryDates.MinimumLastDay(terms.MadeOn);
            check.Must(terms.DurationType != DurationType.FixedPeriod || terms.LastInForceDay is null || terms.LastInForceDay >= minimum, "R14", "lastInForceDay",
                $"A fixed period must last at least 2 years beginning with the day the order is made, so its last day is {minimum:d MMMM yyyy} or later (SPA 2019 s.3(2), R14)",
                "SPA 2019 s.3(2)");

            check.Must(application is null || application.Type == ApplicationType.Full, "R12", "applicationId",
                "A full order is made on an application for a full order", "SPA 2019 s.1(1)");

            // SPA 2019 s.2(6)–(7), R11: the court cannot include anything incompatible with an earlier order.
            check.Should(context.ExistingConditions.Count == 0 || context.NoIncompatibilityAttested, "R11", "noIncompatibilityAttested",
                "The respondent is already subject to a stalking protection order: confirm that no new condition is incompatible with its conditions (SPA 2019 s.2(6)–(7), R11)",
                "SPA 2019 s.2(6)–(7)");
        }

        // R43: where the order came from; court-made orders only once the CPA 2026 provisions commence.
        var courtMade = terms.Origin is OrderOrigin.CourtOnConviction or OrderOrigin.CourtOnAcquittal;
        check.Must(Enum.IsDefined(terms.Origin), "R43", "origin", "Choose where the order came from (R43)", "CPB-FS; CIRC")
            .Must(!courtMade || (context.CourtMadeOrdersCommencedOn is { } commenced && terms.MadeOn >= commenced), "R43", "origin",
                "Courts can make an order on conviction or acquittal only once the Crime and Policing Act 2026 provisions are in force (R43)", "Crime and Policing Act 2026; CIRC")
            .Must(!courtMade || terms.Kind == OrderKind.Full, "R43", "origin", "A court-made order is a full order (R43)", "Crime and Policing Act 2026")
            .Must(terms.Origin is not (OrderOrigin.PoliceApplicationMagistrates or OrderOrigin.PoliceApplicationYouthCourt) || application is not null, "R43", "origin",
                "An order made on a police application must be linked to that application (R43)", "SPA 2019 s.1(1)")
            .Must(terms.Origin != OrderOrigin.PoliceApplicationYouthCourt || application?.Venue == CourtVenue.YouthCourt, "R43", "origin",
                "The application was not made to the youth court, so the order cannot come from a youth court application (R7, R43)", "SPA 2019 s.1(1)")
            .Must(terms.Origin != OrderOrigin.PoliceApplicationMagistrates || application?.Venue != CourtVenue.YouthCourt, "R43", "origin",
                "The application was made to the youth court, so record the order as made by the youth court (R7, R43)", "SPA 2019 s.1(1)");

        for (var i = 0; i < terms.Conditions.Count; i++)
        {
            check.Add(Condition.Check(terms.Conditions[i], i, terms.Kind, terms.MadeOn,
                terms.DurationType == DurationType.FixedPeriod ? terms.LastInForceDay : null, protectedPersonIds));
        }

        check.Add(Condition.CheckOverrideAuthority(check, @override));
        return check.HasHappened(terms.MadeOn <= today, "madeOn");
    }

    public OrderStatus StatusOn(DateOnly date)
    {
        if (date < MadeOn)
        {
            return OrderStatus.NotYetMade;
        }

        if (Ending is { } ending && EndedOn is { } endedOn && date >= endedOn &&
            (LastInForceDay is null || endedOn <= LastInForceDay.Value))
        {
            return ending switch
            {
                OrderEnding.Ceased => OrderStatus.Ceased,
                OrderEnding.Discharged => OrderStatus.Discharged,
                OrderEnding.Quashed => OrderStatus.Quashed,
                _ => OrderStatus.Superseded,
            };
        }

        return LastInForceDay is { } last && date > last ? OrderStatus.Expired : OrderStatus.InForce;
    }

    public bool IsInForceOn(DateOnly date) => StatusOn(date) == OrderStatus.InForce;

    /// <summary>The day the order stopped being in force, if it has (ended early or expired).</summary>
    public DateOnly? NoLongerInForceFrom => EndedOn is { } e && (LastInForceDay is null || e <= LastInForceDay.Value)
        ? e
        : LastInForceDay?.AddDays(1);

    public ConditionSet? ConditionSetOn(DateOnly date) =>
        _conditionSets.Where(s => s.EffectiveFrom <= date).OrderByDescending(s => s.Number).FirstOrDefault();

    public ConditionSet CurrentConditionSet => _conditionSets.OrderByDescending(s => s.Number).First();

    /// <summary>The conditions that bound the respondent on <paramref name="date"/>.</summary>
    public IReadOnlyList<Condition> ConditionsInForceOn(DateOnly date)
    {
        if (!IsInForceOn(date) || ConditionSetOn(date) is not { } set)
        {
            return [];
        }

        return set.Conditions.Where(c => c.LastDay(LastInForceDay) is not { } last || date <= last).ToList();
    }

    public Condition? FindCondition(Guid conditionId) =>
        _conditionSets.SelectMany(s => s.Conditions).FirstOrDefault(c => c.Id == conditionId);

    /// <summary>
    /// The days a condition could bind: from its version taking effect to the earliest of the next version,
    /// its own end, the order's last day and the order ending early (R35).
    /// </summary>
    public (DateOnly From, DateOnly? LastDay) InForceWindowOf(Condition condition)
    {
        var set = _conditionSets.Single(s => s.Id == condition.ConditionSetId);
        var next = _conditionSets.Where(s => s.Number > set.Number).OrderBy(s => s.Number).FirstOrDefault();
        DateOnly? last = condition.LastDay(LastInForceDay);
        if (next is not null)
        {
            last = Earlier(last, next.EffectiveFrom.AddDays(-1));
        }

        if (EndedOn is { } ended)
        {
            last = Earlier(last, ended.AddDays(-1));
        }

        return (set.EffectiveFrom, last);
    }

    /// <summary>
    /// Records service of the order. SPA 2019 s.9(1), R25: service of an interim order, or of a full order that does not
    /// replace an interim order, starts the initial notification duty, unless the respondent is subject to SOA 2003 Part 2 (s.9(5)).
    /// </summary>
    public NotificationDutyOutcome RecordService(DateTimeOffset servedAt, ServiceMethod method, string servedBy, Respondent respondent, DateTimeOffset now,
        IEnumerable<NotificationEvent>? notifications = null)
    {
        var servedOn = LondonTime.DateOf(servedAt);
        new RuleCheck()
            .Must(ServedAt is null, "Service", "servedAt", "Service of this order has already been recorded", "SPA 2019 s.9(1)")
            .Must(servedOn >= MadeOn, "Service", "servedAt", "An order cannot be served before the day it was made", "SPA 2019 s.9(1)")
            .HasHappened(servedAt <= now, "servedAt")
            .Must(IsInForceOn(servedOn), "Service", "servedAt", "The order was not in force on the day given for service", "SPA 2019 s.9(1)")
            .Must(!string.IsNullOrWhiteSpace(servedBy) && servedBy.Length <= NameMaxLength, "Service", "servedBy", "Enter the officer who served the order", "SG24 §3")
            .Must(respondent.Id == RespondentId, "Service", "respondentId", "The respondent is not the person the order is against", "")
            .ThrowIfBroken();

        ServedAt = servedAt.ToUniversalTime();
        ServedOn = servedOn;
        ServiceMethod = method;
        ServedBy = servedBy.Trim();
        return NotificationDutyFor(NotificationTrigger.InitialService, servedOn, null, respondent, [this], now, notifications);
    }

    /// <summary>
    /// SPA 2019 s.9, R19, R25–R28: the one place that decides whether an event brings the respondent a duty to notify the police,
    /// and creates it. <paramref name="on"/> is the day of the event: service, the final day of SOA 2003 Part 2, the first use of
    /// a name (<paramref name="subjectId"/> is the name) or the move (<paramref name="subjectId"/> is the address).
    /// <paramref name="orders"/> are the orders it may fall under: the order served, or all the respondent's orders.
    /// <paramref name="notifications"/> are the respondent's notifications already recorded: the earliest that meets the new duty
    /// meets it, so a notification entered before the change it notified counts as it would have entered after (R27, R28).
    /// </summary>
    public static NotificationDutyOutcome NotificationDutyFor(NotificationTrigger trigger, DateOnly on, Guid? subjectId, Respondent respondent,
        IEnumerable<StalkingProtectionOrder> orders, DateTimeOffset now, IEnumerable<NotificationEvent>? notifications = null)
    {
        // SPA 2019 s.9(1), (3), (4), (6): the duties bind a person subject to an order in force that has been served.
        var order = orders.Where(o => o.RespondentId == respondent.Id && o.ServedOn is not null && o.IsInForceOn(on))
            .OrderBy(o => o.MadeOn).ThenBy(o => o.RecordedAt).FirstOrDefault();
        if (order is null)
        {
            return NotificationDutyOutcome.NoneArose(trigger, on, NoNotificationDutyReason.NoServedOrderInForce);
        }

        // SPA 2019 s.9(1)(b), R19: a full order replacing an interim order brings no new initial notification.
        if (trigger == NotificationTrigger.InitialService && order.ReplacesInterim)
        {
            return NotificationDutyOutcome.NoneArose(trigger, on, NoNotificationDutyReason.ReplacesInterimOrder);
        }

        // SPA 2019 s.9(5), R25: no duty while SOA 2003 Part 2 applies; s.9(6)–(7), R26: its final day starts the initial duty.
        if (trigger != NotificationTrigger.FinalDaySoa && respondent.IsSubjectToSoaPart2On(on))
        {
            return NotificationDutyOutcome.NoneArose(trigger, on, NoNotificationDutyReason.SubjectToSoaPart2);
        }

        var duty = trigger switch
        {
            NotificationTrigger.InitialService => NotificationObligation.ForInitialService(respondent.Id, order.Id, on, now),
            NotificationTrigger.FinalDaySoa => NotificationObligation.ForFinalDay(respondent.Id, order.Id, on, now),
            NotificationTrigger.NewName => NotificationObligation.ForNewName(respondent.Id, order.Id, on,
                subjectId ?? throw new ArgumentNullException(nameof(subjectId), "A new name duty is about the name"), now),
            NotificationTrigger.NewAddress => NotificationObligation.ForNewAddress(respondent.Id, order.Id, on,
                subjectId ?? throw new ArgumentNullException(nameof(subjectId), "A new address duty is about the address"), now),
            _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
        };
        // SPA 2019 s.9(3)–(4), R27, R28: entry order never changes the law.
        duty.MeetWithEarliest(notifications ?? [], respondent);
        return NotificationDutyOutcome.Created(duty);
    }

    /// <summary>SPA 2019 s.5(6)(b), R17: an interim order ceases when the main application is determined.</summary>
    public void Cease(DateTimeOffset determinedAt)
    {
        var on = LondonTime.DateOf(determinedAt);
        new RuleCheck()
            .Must(Kind == OrderKind.Interim, "R17", "kind", "Only an interim order ceases on determination of the main application (SPA 2019 s.5(6)(b), R17)", "SPA 2019 s.5(6)(b)")
            .ThrowIfBroken();
        if (!IsInForceOn(on))
        {
            return;
        }

        EndOn(OrderEnding.Ceased, on, determinedAt, "Ceased: main application determined (SPA 2019 s.5(6)(b))");
    }

    /// <summary>
    /// Discharge by the court (SPA 2019 s.4, s.5(7)). R22: a full order cannot be discharged before the end of 2 years beginning
    /// with the day it was made without the consent of the defendant and the relevant chief officer.
    /// </summary>
    /// <returns>Whether both consents were needed (R22).</returns>
    public bool Discharge(DateOnly effectiveOn, IReadOnlyCollection<DischargeConsent> consents, DateTimeOffset now)
    {
        CheckDischarge(effectiveOn, consents).ThrowIfBroken();
        EndOn(OrderEnding.Discharged, effectiveOn, now, null);
        return DischargeNeedsConsent(effectiveOn);
    }

    /// <summary>SPA 2019 s.4, R22: a full order discharged before the end of 2 years beginning with the day it was made needs both consents.</summary>
    public bool DischargeNeedsConsent(DateOnly effectiveOn) => Kind == OrderKind.Full && effectiveOn < StatutoryDates.MinimumLastDay(MadeOn).AddDays(1);

    /// <summary>SPA 2019 s.4, R22: the rules a discharge must meet, also asked where the discharge is entered.</summary>
    public RuleCheck CheckDischarge(DateOnly effectiveOn, IReadOnlyCollection<DischargeConsent> consents)
    {
        ArgumentNullException.ThrowIfNull(consents);
        var earliestWithoutConsent = StatutoryDates.MinimumLastDay(MadeOn).AddDays(1);
        var early = DischargeNeedsConsent(effectiveOn);
        return new RuleCheck()
            .Must(IsInForceOn(effectiveOn), "R22", "effectiveOn", "The order is not in force on that day, so it cannot be discharged", "SPA 2019 s.4")
            .Must(!early || (consents.Any(c => c.Party == ConsentParty.Defendant) && consents.Any(c => c.Party == ConsentParty.RelevantChiefOfficer)), "R22", "consents",
                $"A full order cannot be discharged before {earliestWithoutConsent:d MMMM yyyy} (2 years beginning with the day it was made) without the consent of both the defendant and the relevant chief officer (SPA 2019 s.4, R22)",
                "SPA 2019 s.4");
    }

    /// <summary>Quashed on appeal by the Crown Court (SPA 2019 s.7(4)).</summary>
    public void Quash(DateOnly on, DateTimeOffset now)
    {
        new RuleCheck().Must(on >= MadeOn && Ending is null, "R24", "quashedOn", "The order has already ended or the date is before it was made", "SPA 2019 s.7(4)").ThrowIfBroken();
        EndOn(OrderEnding.Quashed, on, now, "Quashed on appeal (SPA 2019 s.7(4))");
    }

    public void Supersede(Guid byOrderId, DateOnly on, DateTimeOffset now)
    {
        new RuleCheck().Must(IsInForceOn(on), "Status", "supersededOn", "The order is not in force on that day", "").ThrowIfBroken();
        SupersededByOrderId = byOrderId;
        EndOn(OrderEnding.Superseded, on, now, null);
    }

    /// <summary>
    /// Renewal (SPA 2019 s.4). R21: necessary to protect a person; R23: applied for while the order is in force; the new fixed
    /// period still meets the 2-year minimum from the day the order was made (R14).
    /// </summary>
    public void Renew(DurationType durationType, DateOnly? newLastDay, DateOnly applicationLodgedOn, string necessityRationale, DateOnly decidedOn)
    {
        CheckRenewal(durationType, newLastDay, applicationLodgedOn, necessityRationale, decidedOn).ThrowIfBroken();
        DurationType = durationType;
        LastInForceDay = durationType == DurationType.FixedPeriod ? newLastDay : null;
    }

    /// <summary>SPA 2019 s.3, s.4, s.5(6), R13, R14, R16, R21, R23: the rules a renewal must meet, also asked where it is entered.</summary>
    public RuleCheck CheckRenewal(DurationType durationType, DateOnly? newLastDay, DateOnly applicationLodgedOn, string? necessityRationale, DateOnly decidedOn)
    {
        var check = new RuleCheck()
            .Must(!string.IsNullOrWhiteSpace(necessityRationale) && necessityRationale.Length <= NoteMaxLength, "R21", "necessityRationale",
                "Explain why renewing the order is necessary to protect a person from a risk associated with stalking (SPA 2019 s.4, R21)", "SPA 2019 s.4")
            .Must(IsInForceOn(applicationLodgedOn), "R23", "applicationLodgedOn",
                "A renewal must be applied for while the order is in force (SPA 2019 s.4, R23)", "SPA 2019 s.4")
            .Must(IsInForceOn(decidedOn), "R23", "decidedOn", "The order is no longer in force, so it cannot be renewed: apply for a new order (SPA 2019 s.4, R23)", "SPA 2019 s.4")
            .Must(Kind == OrderKind.Full || durationType == DurationType.FixedPeriod, "R16", "durationType",
                "An interim order has effect only for a fixed period (SPA 2019 s.5(6)(a), R16)", "SPA 2019 s.5(6)(a)")
            .Must(durationType != DurationType.FixedPeriod || (newLastDay is { } d && (LastInForceDay is null || d > LastInForceDay)), "R13", "newLastDay",
                "Enter a new last day later than the current one (SPA 2019 s.3(1), R13)", "SPA 2019 s.3(1)");
        if (Kind == OrderKind.Full && durationType == DurationType.FixedPeriod && newLastDay is { } n)
        {
            check.Must(n >= StatutoryDates.MinimumLastDay(MadeOn), "R14", "newLastDay",
                "A fixed period must last at least 2 years beginning with the day the order is made (SPA 2019 s.3(2), R14)", "SPA 2019 s.3(2)");
        }

        return check;
    }

    /// <summary>
    /// Variation (SPA 2019 s.4, s.5(7)): a new version of the terms effective from <paramref name="effectiveFrom"/>. R21: adding or
    /// tightening conditions needs a necessity rationale.
    /// </summary>
    public ConditionSet Vary(IReadOnlyList<ConditionDraft> conditions, DateOnly effectiveFrom, bool addsOrTightens, string? necessityRationale,
        IReadOnlySet<Guid> protectedPersonIds, Override? @override, DateTimeOffset now, out IReadOnlyList<RuleWarning> overridden)
    {
        var current = CurrentConditionSet;
        var check = CheckVariation(conditions, effectiveFrom, addsOrTightens, necessityRationale, protectedPersonIds);
        check.Add(Condition.CheckOverrideAuthority(check, @override));
        overridden = check.ThrowIfBroken(@override);

        var set = ConditionSet.Create(Id, current.Number + 1, effectiveFrom, ConditionSetReason.Variation, conditions, MadeOn, @override, now);
        _conditionSets.Add(set);
        return set;
    }

    /// <summary>SPA 2019 s.1(2), s.4, R12, R21 and the rules of each condition: what a variation must meet, also asked where it is entered.</summary>
    public RuleCheck CheckVariation(IReadOnlyList<ConditionDraft> conditions, DateOnly effectiveFrom, bool addsOrTightens, string? necessityRationale,
        IReadOnlySet<Guid> protectedPersonIds)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var check = new RuleCheck()
            .Must(IsInForceOn(effectiveFrom), "R21", "effectiveFrom", "The order is not in force on that day, so it cannot be varied", "SPA 2019 s.4")
            .Must(effectiveFrom >= CurrentConditionSet.EffectiveFrom, "R21", "effectiveFrom", "A variation cannot take effect before the current terms did", "SPA 2019 s.4")
            .Must(conditions.Count > 0, "R12", "conditions", "An order must contain at least one prohibition or requirement (SPA 2019 s.1(2), R12)", "SPA 2019 s.1(2)")
            // SPA 2019 s.4, R21.
            .Must(!addsOrTightens || !string.IsNullOrWhiteSpace(necessityRationale), "R21", "necessityRationale",
                "Explain why adding or tightening conditions is necessary to protect a person from a risk associated with stalking (SPA 2019 s.4, R21)", "SPA 2019 s.4");
        for (var i = 0; i < conditions.Count; i++)
        {
            check.Add(Condition.Check(conditions[i], i, Kind, MadeOn, LastInForceDay, protectedPersonIds));
        }

        return check;
    }

    /// <summary>R42: the order is recorded on the Police National Computer.</summary>
    public void RecordPncEntry(string reference)
    {
        new RuleCheck().Must(!string.IsNullOrWhiteSpace(reference) && reference.Length <= ReferenceMaxLength, "R42", "pncReference",
            "Enter the PNC reference (R42)", "SG24 (recording)").ThrowIfBroken();
        PncReference = reference.Trim();
        PncReferenceKey = Search.ReferenceKeys.PncId(PncReference);
    }

    private void EndOn(OrderEnding ending, DateOnly on, DateTimeOffset at, string? note)
    {
        Ending = ending;
        EndedOn = on;
        EndedAt = at.ToUniversalTime();
        EndingNote = note;
    }

    private static DateOnly? Earlier(DateOnly? a, DateOnly b) => a is { } x && x < b ? x : b;
}

public sealed class StalkingProtectionOrderConfiguration : IEntityTypeConfiguration<StalkingProtectionOrder>
{
    public void Configure(EntityTypeBuilder<StalkingProtectionOrder> builder)
    {
        builder.ToTable("orders");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Origin).HasConversion<string>().HasMaxLength(40);
        builder.Property(o => o.ApplicantForce).HasConversion<string>().HasMaxLength(40);
        builder.Property(o => o.CourtPoliceArea).HasConversion<string>().HasMaxLength(40);
        builder.Property(o => o.CourtName).HasMaxLength(StalkingProtectionOrder.CourtNameMaxLength);
        builder.Property(o => o.DurationType).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.ServiceMethod).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.ServedBy).HasMaxLength(StalkingProtectionOrder.NameMaxLength);
        builder.Property(o => o.Ending).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.EndingNote).HasMaxLength(StalkingProtectionOrder.NoteMaxLength);
        builder.Property(o => o.PncReference).HasMaxLength(StalkingProtectionOrder.ReferenceMaxLength);
        builder.Property(o => o.PncReferenceKey).HasMaxLength(StalkingProtectionOrder.ReferenceMaxLength);
        builder.HasIndex(o => o.PncReferenceKey);
        builder.Property(o => o.VictimReference).HasMaxLength(OrderVictimReference.Length);
        builder.HasIndex(o => o.VictimReference).IsUnique();

        // The live-order count reads these three columns through one composite index; never load all orders.
        builder.Property(o => o.MadeOn).HasColumnName("made_date");
        builder.Property(o => o.LastInForceDay).HasColumnName("last_in_force_day");
        builder.Property(o => o.EndedOn).HasColumnName("ended_on");
        builder.HasIndex(o => new { o.MadeOn, o.LastInForceDay, o.EndedOn }).HasDatabaseName("ix_orders_in_force");

        builder.HasOne<StalkingCase>().WithMany().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Respondent>().WithMany().HasForeignKey(o => o.RespondentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Application>().WithMany().HasForeignKey(o => o.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.ConditionSets).WithOne().HasForeignKey(s => s.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.ConditionSets).AutoInclude();
        builder.Ignore(o => o.CurrentConditionSet);
        builder.Ignore(o => o.NoLongerInForceFrom);
        builder.HasIndex(o => o.RespondentId);
        builder.HasIndex(o => o.MainApplicationId);

        // P2: the order page asks whether a full order replaced this interim order (SPA 2019 s.5(6)(b), R19) on every view.
        builder.HasIndex(o => o.ReplacedInterimOrderId);

        builder.Property(o => o.RespondentSortKey).HasMaxLength(ListKeys.RespondentSortKeyMaxLength);
        builder.HasIndex(o => new { o.RespondentSortKey, o.Id });
        builder.HasIndex(o => new { o.KindSortKey, o.Id });
        builder.HasIndex(o => new { o.LastDaySortKey, o.Id });
        builder.HasIndex(o => new { o.StatusSortKey, o.Id });
        builder.HasIndex(o => new { o.NextDeadlineSortKey, o.Id });
    }
}
