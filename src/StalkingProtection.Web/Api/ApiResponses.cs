using StalkingProtection.Core.Time;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Web.Api;

public sealed record FourResponse(bool Fixated, bool Obsessive, bool Unwanted, bool Repeated, bool IndicatesStalking, string AssessedBy, DateTimeOffset AssessedAt);

public sealed record CaseResponse(Guid Id, IReadOnlyList<string> CrimeReferences, IReadOnlyList<OffencesConsidered> Offences, DateOnly ReportedOn,
    string OfficerInCharge, string Team, CaseStatus Status, Guid? RespondentId, FourResponse? Four, long Version, string? Explanation = null);

public sealed record NameResponse(string GivenNames, string FamilyName, bool IsAlias, DateOnly? FirstUsedOn, DateOnly? NotifiedOn);

public sealed record AddressResponse(string Address, PoliceForce? PoliceArea, DateOnly FromDate, DateOnly? ToDate, AddressSource Source);

public sealed record SoaPeriodResponse(Guid Id, DateOnly StartedOn, DateOnly? FinalDay);

public sealed record RespondentResponse(Guid Id, Guid PersonId, DateOnly? DateOfBirth, Gender Gender, string? PncId, IReadOnlyList<NameResponse> Names,
    IReadOnlyList<AddressResponse> Addresses, IReadOnlyList<SoaPeriodResponse> SoaPart2Periods, Guid? MergedIntoRespondentId, long Version,
    string? Explanation = null);

public sealed record VictimResponse(Guid Id, Guid CaseId, string GivenNames, string FamilyName, DateOnly? DateOfBirth, VictimRole Role,
    RelationshipToRespondent Relationship, long Version, string? Explanation = null);

public sealed record ActResponse(Guid Id, Guid CaseId, DateTimeOffset OccurredFrom, DateTimeOffset? OccurredTo, string LocationCountry, string? Location,
    IReadOnlyList<ActCategory> Categories, string? OtherCategoryDescription, ActChannel Channel, Guid? TargetVictimId, string Description,
    string? Explanation = null);

public sealed record RiskAssessmentResponse(Guid Id, Guid CaseId, RiskTool Tool, RiskLevel Level, DateOnly NextReviewOn, string? Explanation = null);

public sealed record EvidenceResponse(Limb Limb, EvidenceKind Kind, Guid? ReferenceId, string Description);

public sealed record ApplicationResponse(Guid Id, Guid CaseId, Guid RespondentId, ApplicationType Type, ApplicationStatus Status, ApplicantParty ApplicantParty,
    PoliceForce? ApplicantForce, Guid? MainApplicationId, Guid? OrderId, CourtVenue Venue, string CourtName, JurisdictionBasis? JurisdictionBasis,
    IReadOnlyList<Guid> ProtectedPersonIds, IReadOnlyList<EvidenceResponse> Evidence, string? NecessityRationale, string? ChangeSought, bool? AddsOrTightens, string? AuthorisedBy,
    DateTimeOffset? AuthorisedAt, DateOnly? LodgedOn, Determination? Determination, DateOnly? DeterminedOn, long Version,
    IReadOnlyList<ProposedConditionResponse> ProposedConditions, string? Explanation = null);

public sealed record HearingResponse(Guid Id, Guid ApplicationId, DateTimeOffset ListedFor, string CourtName, HearingOutcome Outcome, string? AdjournmentReason,
    DateTimeOffset? NextHearingAt, StandardOfProof StandardArgued, StandardOfProof StandardFound, string StandardOfProofGuidance, long Version,
    string? Explanation = null);

public sealed record ConditionResponse(Guid Id, int Sequence, ConditionType Type, ConditionCategory Category, string Wording, ConditionScope Scope,
    string? LocalityText, DateOnly? LastDay, string? MapReference = null);

/// <summary>
/// A duty to notify. <c>dueBy</c> is the legal date, the last day to notify (SPA 2019 s.9, R25–R28); <c>overdueFrom</c> is the
/// instant that day ends in London, when an unmet duty becomes overdue (R33).
/// </summary>
public sealed record ObligationResponse(Guid Id, NotificationTrigger Trigger, DateOnly TriggerDate, DateOnly DueBy, ObligationStatus Status, string OffenceCode)
{
    public DateTimeOffset OverdueFrom => LondonTime.EndOfDayUtc(DueBy);
}

/// <summary>A respondent's duty under any of their orders, as it stood at <c>asAt</c>.</summary>
public sealed record RespondentObligationResponse(Guid Id, Guid? OrderId, NotificationTrigger Trigger, DateOnly TriggerDate, DateOnly DueBy,
    ObligationStatus Status, DateOnly? MetOn, string OffenceCode)
{
    public DateTimeOffset OverdueFrom => LondonTime.EndOfDayUtc(DueBy);
}

public sealed record RespondentObligationsResponse(Guid RespondentId, DateOnly AsAt, IReadOnlyList<RespondentObligationResponse> Obligations);

public sealed record OrderResponse(Guid Id, Guid CaseId, Guid RespondentId, Guid? ApplicationId, OrderKind Kind, Core.Rules.OrderOrigin Origin, string CourtName,
    DateOnly MadeOn, DurationType DurationType, DateOnly? LastInForceDay, bool ReplacesInterim, Guid? ReplacedInterimOrderId, DateTimeOffset? ServedAt,
    ServiceMethod? ServiceMethod, string? ServedBy, DateOnly AsAt, OrderStatus Status, int? ConditionSetNumber, IReadOnlyList<ConditionResponse> ConditionsInForce,
    IReadOnlyList<ObligationResponse> Obligations, long Version, IReadOnlyList<InterimOrderEndedResponse>? InterimOrdersEnded = null, string? Explanation = null);

/// <summary>SPA 2019 s.5(6)(b), R17: an interim order that recording the full order ended; only in the answer to recording it.</summary>
public sealed record InterimOrderEndedResponse(Guid OrderId, DateOnly CeasedOn);

/// <summary>One order of a list: who it is against, what it is, and where it stands today.</summary>
public sealed record OrderListItemResponse(Guid Id, Guid CaseId, Guid RespondentId, string RespondentName, OrderKind Kind, DateOnly MadeOn, string CourtName,
    DateOnly? LastInForceDay, DateOnly? EndedOn, OrderStatus Status, DateOnly? NextDeadline, string Team);

/// <summary>A page of orders, and the address of the next page when there is one.</summary>
public sealed record OrderListResponse(IReadOnlyList<OrderListItemResponse> Items, string? Next);

public sealed record ServiceResponse(Guid OrderId, DateTimeOffset ServedAt, DateOnly ServedOn, ObligationResponse? InitialNotification, string Explanation, long Version);

public sealed record NotificationResponse(Guid Id, Guid RespondentId, DateTimeOffset NotifiedAt, string StationName, PoliceForce StationPoliceArea,
    NotificationMode Mode, string ReceivedBy, string AcknowledgementReference, DateTimeOffset AcknowledgedAt, IReadOnlyList<Guid> ObligationsMet,
    string? Explanation = null);

public sealed record ChangeOfDetailsResponse(Guid RespondentId, ObligationResponse? Obligation, string Explanation);

/// <summary>R37: maximum penalties, for charging and allocation advice only.</summary>
public sealed record PenaltyResponse(int SummaryMaximumMonths, int IndictmentMaximumYears, DateOnly ConvictionDateAssumed);

public sealed record BreachResponse(Guid Id, Guid OrderId, Guid ConditionId, DateTimeOffset IncidentAt, DateOnly IncidentOn, string? IncidentLocation,
    string Description, DateTimeOffset ReportedAt, DateTimeOffset? OrderServedAt, bool NeedsLegalReview, string? CrimeReference, DateTimeOffset? ArrestedAt,
    DateTimeOffset? ChargedAt, BreachPlea? Plea, DateOnly? PleaOn, BreachOutcome Outcome, DateOnly? ConvictedOn, string? Sentence, DateTimeOffset? VictimInformedAt,
    string OffenceCode, PenaltyResponse MaximumPenalty, long Version, string? Explanation = null);

public sealed record ConsentResponse(ConsentParty Party, DateOnly GivenOn, ConsentMethod Method);

public sealed record OrderChangeResponse(Guid Id, Guid OrderId, OrderChangeType Type, ApplicantParty ApplicantParty, PoliceForce? ApplicantForce, DateOnly DecidedOn,
    DateOnly EffectiveOn, DateOnly? PreviousLastDay, DateOnly? NewLastDay, IReadOnlyList<ConsentResponse> Consents, OrderStatus OrderStatusOnEffectiveDay,
    long OrderVersion, OrderChangeOutcomeResponse? Outcome = null, string? Explanation = null);

/// <summary>What the variation, renewal or discharge changed (SPA 2019 s.4, s.5(7)); only in the answer to recording it.</summary>
public sealed record OrderChangeOutcomeResponse(int? ConditionSetNumber, int TermsAdded, int TermsRemoved, int TermsChanged, DateOnly? LastDayInForce,
    bool? ConsentNeeded, string RuleId, string LegalSource);

public sealed record AppealResponse(Guid Id, Guid? OrderId, Guid? ApplicationId, AppellantType Appellant, AppealableDecision Decision, DateOnly DecisionOn,
    DateOnly LodgingDeadline, DateOnly? NoticeServedOn, bool LodgedLate, AppealOutcome Outcome, DateOnly? DecidedOn, string? CrownCourtReference, long Version,
    string? Explanation = null);

public sealed record LiveOrdersResponse(DateOnly Date, int Interim, int Full, int Total);

/// <summary>Hand-written mapping from the domain to the API's answers (no AutoMapper: every field is chosen on purpose).</summary>
public static class ApiResponses
{
    public static async Task<CaseResponse?> CaseAsync(StalkingProtectionDbContext db, Guid id, CancellationToken ct) =>
        await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is { } c
            ? new CaseResponse(c.Id, c.CrimeReferenceList.ToList(), Flags(c.Offences), c.ReportedOn, c.OfficerInCharge, c.Team, c.Status, c.RespondentId,
                c.Four is { } f ? new FourResponse(f.Fixated, f.Obsessive, f.Unwanted, f.Repeated, f.IndicatesStalking, f.AssessedBy, f.AssessedAt) : null, c.Version)
            : null;

    public static async Task<RespondentResponse?> RespondentAsync(StalkingProtectionDbContext db, Guid id, CancellationToken ct) =>
        await db.Respondents.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is { } r
            ? new RespondentResponse(r.Id, r.PersonId, r.Person.DateOfBirth, r.Person.Gender, r.Person.PncId,
                r.Person.Names.OrderBy(n => n.IsAlias).ThenBy(n => n.FirstUsedOn).Select(n => new NameResponse(n.GivenNames, n.FamilyName, n.IsAlias, n.FirstUsedOn, n.NotifiedOn)).ToList(),
                r.Addresses.OrderBy(a => a.FromDate).Select(a => new AddressResponse(a.Address, a.PoliceArea, a.FromDate, a.ToDate, a.Source)).ToList(),
                r.SoaPeriods.OrderBy(p => p.StartedOn).Select(p => new SoaPeriodResponse(p.Id, p.StartedOn, p.FinalDay)).ToList(),
                r.MergedIntoId,
                r.Version)
            : null;

    public static async Task<VictimResponse?> VictimAsync(StalkingProtectionDbContext db, Guid id, CancellationToken ct) =>
        await db.Victims.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct) is { } v
            ? new VictimResponse(v.Id, v.CaseId, v.Person.PrimaryName.GivenNames, v.Person.PrimaryName.FamilyName, v.Person.DateOfBirth, v.Role, v.Relationship, v.Version)
            : null;

    public static async Task<ActResponse?> ActAsync(StalkingProtectionDbContext db, Guid id, CancellationToken ct) =>
        await db.StalkingActs.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) is { } a
            ? new ActResponse(a.Id, a.CaseId, a.OccurredFrom, a.OccurredTo, a.LocationCountry, a.Location,
                Enum.GetValues<ActCategory>().Where(f => f != ActCategory.None && a.Categories.HasFlag(f)).ToList(), a.OtherCategoryDescription, a.Channel,
                a.TargetVictimId, a.Description)
            : null;

    public static async Task<RiskAssessmentResponse?> RiskAssessmentAsync(StalkingProtectionDbContext db, Guid id, CancellationToken ct) =>
        await db.RiskAssessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) is { } a
            ? new RiskAssessmentResponse(a.Id, a.CaseId, a.Tool, a.Level, a.NextReviewOn)
            : null;

    /// <summary>The application a command just changed, with what its outcome says.</summary>
    public static async Task<ApplicationResponse?> ApplicationAsync(StalkingProtectionDbContext db, ApplicationStepOutcome outcome, CancellationToken ct) =>
        await ApplicationAsync(db, outcome.ApplicationId, ct) is { } application ? application with { Explanation = outcome.Explain() } : null;

    public static async Task<ApplicationResponse?> ApplicationAsync(StalkingProtectionDbContext db, Guid id, CancellationToken ct) =>
        await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) is { } a
            ? new ApplicationResponse(a.Id, a.CaseId, a.RespondentId, a.Type, a.Status, a.ApplicantParty, a.ApplicantForce, a.MainApplicationId, a.OrderId, a.Venue,
                a.CourtName, a.JurisdictionBasis, a.ProtectedPersons.Select(p => p.VictimId).Order().ToList(),
                a.Evidence.OrderBy(e => e.Limb).ThenBy(e => e.Description, StringComparer.Ordinal).Select(e => new EvidenceResponse(e.Limb, e.Kind, e.ReferenceId, e.Description)).ToList(),
                a.NecessityRationale, a.ChangeSought, a.AddsOrTightens, a.AuthorisedBy, a.AuthorisedAt, a.LodgedOn, a.Determination, a.DeterminedOn, a.Version, ProposedConditionsEndpoints.Of(a))
            : null;

    /// <summary>The hearing just listed or adjourned, with what its outcome says.</summary>
    public static async Task<HearingResponse?> HearingAsync(StalkingProtectionDbContext db, HearingRecordedOutcome outcome, CancellationToken ct) =>
        await HearingAsync(db, outcome.HearingId, ct) is { } hearing ? hearing with { Explanation = outcome.Explain() } : null;

    public static async Task<HearingResponse?> HearingAsync(StalkingProtectionDbContext db, Guid id, CancellationToken ct) =>
        await db.Hearings.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, ct) is { } h
            ? new HearingResponse(h.Id, h.ApplicationId, h.ListedFor, h.CourtName, h.Outcome, h.AdjournmentReason, h.NextHearingAt, h.StandardArgued, h.StandardFound,
                Hearing.StandardOfProofGuidance, h.Version)
            : null;

    public static async Task<OrderResponse?> OrderAsync(OrderStatusQueries queries, Guid id, DateOnly asAt, CancellationToken ct)
    {
        if (await queries.ReadAsync(id, asAt, ct) is not var (o, at))
        {
            return null;
        }

        return new OrderResponse(o.Id, o.CaseId, o.RespondentId, o.ApplicationId, o.Kind, o.Origin, o.CourtName, o.MadeOn, o.DurationType, o.LastInForceDay,
            o.ReplacesInterim, o.ReplacedInterimOrderId, o.ServedAt, o.ServiceMethod, o.ServedBy, at.Date, at.Status, at.ConditionSetNumber,
            at.ConditionsInForce.Select(c => new ConditionResponse(c.Id, c.Sequence, c.Type, c.Category, c.Wording, c.Scope, c.LocalityText, c.LastDay, c.MapReference)).ToList(),
            at.Obligations.Select(x => new ObligationResponse(x.Id, x.Trigger, x.TriggerDate, x.DueBy, x.Status, x.OffenceCode)).ToList(),
            o.Version);
    }

    /// <summary>SPA 2019 s.9: the duty an event created, as the answer gives it with the same words as the pages.</summary>
    public static ChangeOfDetailsResponse ChangeOfDetails(Guid respondentId, NotificationDutyOutcome duty) =>
        new(respondentId, Obligation(duty.Obligation), duty.Explain());

    public static ObligationResponse? Obligation(NotificationObligation? o) =>
        o is null ? null : new ObligationResponse(o.Id, o.Trigger, o.TriggerDate, o.DueBy, o.Status, o.OffenceCode);

    /// <summary>SPA 2019 ss.9–11: every duty of the respondent across their orders, with its status at the end of <paramref name="asAt"/>.</summary>
    public static async Task<RespondentObligationsResponse?> RespondentObligationsAsync(StalkingProtectionDbContext db, Guid respondentId, DateOnly asAt,
        CancellationToken ct)
    {
        if (!await db.Respondents.AsNoTracking().AnyAsync(r => r.Id == respondentId, ct))
        {
            return null;
        }

        var duties = await db.NotificationObligations.AsNoTracking().Where(o => o.RespondentId == respondentId).ToListAsync(ct);
        return new RespondentObligationsResponse(respondentId, asAt, [.. duties
            .Select(o => (Duty: o, Status: o.StatusOn(asAt)))
            .Where(d => d.Status is not null)
            .OrderBy(d => d.Duty.TriggerDate).ThenBy(d => d.Duty.CreatedAt)
            .Select(d => new RespondentObligationResponse(d.Duty.Id, d.Duty.OrderId, d.Duty.Trigger, d.Duty.TriggerDate, d.Duty.DueBy, d.Status!.Value,
                d.Duty.MetOn is { } met && met <= asAt ? met : null, d.Duty.OffenceCode))]);
    }

    public static async Task<NotificationResponse?> NotificationAsync(StalkingProtectionDbContext db, Guid id, CancellationToken ct)
    {
        var n = await db.NotificationEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (n is null)
        {
            return null;
        }

        var met = await db.NotificationObligations.AsNoTracking().Where(o => o.MetByEventId == id).Select(o => o.Id).ToListAsync(ct);
        return new NotificationResponse(n.Id, n.RespondentId, n.NotifiedAt, n.StationName, n.StationPoliceArea, n.Mode, n.ReceivedBy, n.AcknowledgementReference,
            n.AcknowledgedAt, met.Order().ToList());
    }

    /// <summary>R37: the maximum penalty is reckoned on the conviction date, or on today (or the incident day) until there is one.</summary>
    public static async Task<BreachResponse?> BreachAsync(StalkingProtectionDbContext db, LegalRuleSet rules, DateOnly today, Guid id, CancellationToken ct)
    {
        if (await db.Breaches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct) is not { } b)
        {
            return null;
        }

        var convictionOn = b.ConvictedOn is { } c && c >= b.IncidentOn ? c : today >= b.IncidentOn ? today : b.IncidentOn;
        return new BreachResponse(b.Id, b.OrderId, b.ConditionId, b.IncidentAt, b.IncidentOn, b.IncidentLocation, b.Description, b.ReportedAt, b.OrderServedAt,
            b.NeedsLegalReview, b.CrimeReference, b.ArrestedAt, b.ChargedAt, b.Plea, b.PleaOn, b.Outcome, b.ConvictedOn, b.Sentence, b.VictimInformedAt,
            Breach.OffenceCode, new PenaltyResponse(rules.SummaryMaximumMonths(b.IncidentOn, convictionOn), LegalRuleSet.IndictmentMaximumYears, convictionOn),
            b.Version);
    }

    /// <summary>The change just recorded, with what its outcome says; the order's status and version come from the outcome, not a second read.</summary>
    public static async Task<OrderChangeResponse?> OrderChangeAsync(StalkingProtectionDbContext db, OrderChangeOutcome outcome, CancellationToken ct) =>
        await db.OrderChanges.AsNoTracking().SingleOrDefaultAsync(x => x.Id == outcome.ChangeId, ct) is { } c
            ? ChangeResponse(c, outcome.OrderStatusOnEffectiveDay, outcome.OrderVersion) with
            {
                Outcome = new OrderChangeOutcomeResponse(outcome.ConditionSetNumber, outcome.TermsAdded, outcome.TermsRemoved, outcome.TermsChanged,
                    outcome.LastDayInForce, outcome.ConsentNeeded, outcome.RuleId, outcome.LegalSource),
                Explanation = outcome.Explain(),
            }
            : null;

    public static async Task<OrderChangeResponse?> OrderChangeAsync(StalkingProtectionDbContext db, Guid id, CancellationToken ct)
    {
        var c = await db.OrderChanges.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return null;
        }

        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == c.OrderId, ct);
        return ChangeResponse(c, order.StatusOn(c.EffectiveOn), order.Version);
    }

    private static OrderChangeResponse ChangeResponse(OrderChange c, OrderStatus orderStatusOnEffectiveDay, long orderVersion) =>
        new(c.Id, c.OrderId, c.Type, c.ApplicantParty, c.ApplicantForce, c.DecidedOn, c.EffectiveOn, c.PreviousLastDay, c.NewLastDay,
            c.Consents.OrderBy(x => x.Party).Select(x => new ConsentResponse(x.Party, x.GivenOn, x.Method)).ToList(), orderStatusOnEffectiveDay, orderVersion);

    public static async Task<AppealResponse?> AppealAsync(StalkingProtectionDbContext db, Guid id, CancellationToken ct) =>
        await db.Appeals.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) is { } a
            ? new AppealResponse(a.Id, a.OrderId, a.ApplicationId, a.Appellant, a.Decision, a.DecisionOn, a.LodgingDeadline, a.NoticeServedOn, a.LodgedLate,
                a.Outcome, a.DecidedOn, a.CrownCourtReference, a.Version)
            : null;

    private static List<OffencesConsidered> Flags(OffencesConsidered offences) =>
        Enum.GetValues<OffencesConsidered>().Where(f => f != OffencesConsidered.None && offences.HasFlag(f)).ToList();
}
