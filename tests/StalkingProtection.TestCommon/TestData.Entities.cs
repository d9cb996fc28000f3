using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;

namespace StalkingProtection.TestCommon;

/// <summary>Entities built in memory, for pure tests of the rules (no database).</summary>
public sealed partial class TestData
{
    /// <summary>Noon London time on <paramref name="day"/>, as a UTC instant.</summary>
    public static DateTimeOffset NoonOn(DateOnly day) => LondonTime.ToUtc(day, new TimeOnly(12, 0));

    public static Respondent NewRespondent(DateOnly? dateOfBirth = null, PoliceForce? homeArea = PoliceForce.WestYorkshire, DateOnly? livingThereSince = null)
    {
        var now = NoonOn(new DateOnly(2025, 1, 1));
        var person = Person.Create(RandomGivenName(), RandomFamilyName(), dateOfBirth ?? new DateOnly(1985, 6, 15), Gender.Male, null, now);
        var respondent = Respondent.Create(person, now);
        if (homeArea is not null)
        {
            respondent.MoveTo("1 High Street", homeArea, livingThereSince ?? new DateOnly(2024, 1, 1), AddressSource.Other, now);
        }

        return respondent;
    }

    public static Victim NewVictim(Guid caseId, VictimRole role = VictimRole.Both)
    {
        var now = NoonOn(new DateOnly(2025, 1, 1));
        return Victim.Add(caseId, Person.Create(RandomGivenName(), RandomFamilyName(), null, Gender.Female, null, now), role, RelationshipToRespondent.ExIntimate, now);
    }

    /// <summary>A full-order application in draft, with venue, jurisdiction, three limbs of evidence and one protected person.</summary>
    public static Application NewCompleteApplication(Respondent respondent, Victim victim, PoliceForce force = PoliceForce.WestYorkshire,
        CourtVenue venue = CourtVenue.MagistratesCourt, ApplicationType type = ApplicationType.Full, Application? main = null)
    {
        var now = NoonOn(new DateOnly(2026, 1, 5));
        var application = Application.CreateForOrder(victim.CaseId, respondent.Id, type, force, main, "Leeds Magistrates' Court", now);
        application.SetVenue(venue, venue == CourtVenue.YouthCourt ? "Leeds Youth Court" : "Leeds Magistrates' Court");
        application.SetJurisdiction(JurisdictionBasis.ResidesInArea, "Lives in Leeds");
        application.AddEvidence(Limb.ActsAssociatedWithStalking, EvidenceKind.Act, Guid.NewGuid(), "Following", now);
        application.AddEvidence(Limb.RiskAssociatedWithStalking, EvidenceKind.RiskAssessment, Guid.NewGuid(), "S-DASH high", now);
        application.AddEvidence(Limb.NecessaryToProtect, EvidenceKind.NecessityRationale, null, "Escalating", now);
        application.AddProtectedPerson(victim, now);
        return application;
    }

    /// <summary>The parts of an order test: a respondent, a victim and an application it can be made on.</summary>
    public sealed record OrderParts(Respondent Respondent, Victim Victim, Application Application, Application? Main)
    {
        public IReadOnlySet<Guid> ProtectedPersonIds => new HashSet<Guid> { Victim.Id };
    }

    public static OrderParts NewOrderParts(OrderKind kind = OrderKind.Full, CourtVenue venue = CourtVenue.MagistratesCourt)
    {
        var respondent = NewRespondent();
        var victim = NewVictim(Guid.NewGuid());
        var main = NewCompleteApplication(respondent, victim, venue: venue);
        return kind == OrderKind.Full
            ? new OrderParts(respondent, victim, main, null)
            : new OrderParts(respondent, victim, NewCompleteApplication(respondent, victim, venue: venue, type: ApplicationType.Interim, main: main), main);
    }

    public static OrderTerms Terms(OrderKind kind, DateOnly made, DateOnly? lastDay, IReadOnlyList<ConditionDraft> conditions,
        DurationType duration = DurationType.FixedPeriod, OrderOrigin origin = OrderOrigin.PoliceApplicationMagistrates) =>
        new(kind, origin, "Leeds Magistrates' Court", PoliceForce.WestYorkshire, made, duration, lastDay, conditions);

    public static OrderContext NoOtherOrders { get; } = new(null, [], false, null);

    /// <summary>A valid order made on <paramref name="made"/> (interim: 4 weeks; full: the 2-year minimum).</summary>
    public static (StalkingProtectionOrder Order, OrderParts Parts) NewOrder(OrderKind kind, DateOnly made, DateOnly? lastDay = null,
        DurationType duration = DurationType.FixedPeriod, Func<IReadOnlyList<Guid>, IReadOnlyList<ConditionDraft>>? conditions = null, OrderContext? context = null)
    {
        var parts = NewOrderParts(kind);
        var last = duration == DurationType.UntilFurtherOrder ? (DateOnly?)null : lastDay ?? (kind == OrderKind.Interim ? made.AddDays(27) : StatutoryDates.MinimumLastDay(made));
        var drafts = conditions?.Invoke([parts.Victim.Id]) ?? [NoContact([parts.Victim.Id])];
        var order = StalkingProtectionOrder.Make(parts.Victim.CaseId, parts.Respondent.Id, parts.Application, Terms(kind, made, last, drafts, duration),
            context ?? NoOtherOrders, parts.ProtectedPersonIds, null, NoonOn(made), out _);
        return (order, parts);
    }

    public static Override LegalOverride(string reason = "Legal services advise the shorter period is lawful on the facts") => new(reason, LegalServices);

    public static Override OfficerOverride(string reason = "Reviewed and accepted") => new(reason, Officer);
}
