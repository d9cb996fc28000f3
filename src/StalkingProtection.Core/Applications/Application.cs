using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Lists;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Staff;

namespace StalkingProtection.Core.Applications;

public enum ApplicationType
{
    Full,
    Interim,
    Variation,
    Renewal,
    Discharge,
}

/// <summary>Who had authorised the application, and when, before a change withdrew it.</summary>
public sealed record AuthorisationWithdrawn(string By, DateTimeOffset At);

public enum ApplicationStatus
{
    Draft,
    Submitted,
    Listed,
    Adjourned,
    Determined,
    Withdrawn,
}

// SPA 2019 s.1(3), R2.
public enum JurisdictionBasis
{
    ResidesInArea,
    BelievedInArea,
    BelievedIntendingToCome,
}

public enum CourtVenue
{
    MagistratesCourt,
    YouthCourt,
    CrownCourt,
}

public enum Determination
{
    Granted,
    Refused,
    Withdrawn,
    Dismissed,
}

public enum ApplicantParty
{
    ChiefOfficer,
    Defendant,
}

// SPA 2019 s.1(1)(a)–(c), R3.
public enum Limb
{
    ActsAssociatedWithStalking,
    RiskAssociatedWithStalking,
    NecessaryToProtect,
}

public enum EvidenceKind
{
    Act,
    RiskAssessment,
    NecessityRationale,
    Document,
}

/// <summary>An application to a court: for a full or interim order, or to vary, renew or discharge one.</summary>
public class Application : IVersioned
{
    public const int NotesMaxLength = 4000;
    public const int CourtNameMaxLength = 200;
    public const int NameMaxLength = 200;
    public const int MaxProposedConditions = 50;

    private readonly List<ApplicationEvidence> _evidence = [];
    private readonly List<ApplicationProtectedPerson> _protectedPersons = [];
    private readonly List<ProposedCondition> _proposedConditions = [];

    public required Guid Id { get; init; }

    public required Guid CaseId { get; init; }

    public Guid RespondentId { get; private set; }

    /// <summary>The person was recorded twice, each time as a respondent: this now belongs to the respondent kept.</summary>
    internal void TransferTo(Respondent kept) => RespondentId = kept.Id;

    public ApplicationType Type { get; private init; }

    public ApplicantParty ApplicantParty { get; private init; }

    /// <summary>R1: the applicant chief officer's force; null only when the defendant applies (s.4, s.5(7)).</summary>
    public PoliceForce? ApplicantForce { get; private init; }

    public JurisdictionBasis? JurisdictionBasis { get; private set; }

    public string? JurisdictionNotes { get; private set; }

    /// <summary>R18: for an interim application, the main application it belongs to.</summary>
    public Guid? MainApplicationId { get; private init; }

    /// <summary>For a variation, renewal or discharge: the order concerned.</summary>
    public Guid? OrderId { get; private init; }

    public CourtVenue Venue { get; private set; }

    public string CourtName { get; private set; } = "";

    public ApplicationStatus Status { get; private set; }

    public DateOnly? LodgedOn { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public string? AuthorisedBy { get; private set; }

    public DateTimeOffset? AuthorisedAt { get; private set; }

    /// <summary>Since when the application has waited in the coordinators' queue for authorisation; null when it is not waiting.</summary>
    public DateTimeOffset? AwaitingAuthorisationSince { get; private set; }

    /// <summary>
    /// Set (not stored) when a change withdrew the authorisation in this unit of work, so the service can audit it and send the
    /// application back to the coordinator.
    /// </summary>
    public AuthorisationWithdrawn? WithdrawnAuthorisation { get; private set; }

    public Determination? Determination { get; private set; }

    public DateTimeOffset? DeterminedAt { get; private set; }

    public DateOnly? DeterminedOn { get; private set; }

    /// <summary>R21: why a renewal or a tighter variation is necessary.</summary>
    public string? NecessityRationale { get; private set; }

    /// <summary>For a variation, renewal or discharge: what the applicant asks the court to do, and why.</summary>
    public string? ChangeSought { get; private set; }

    /// <summary>For a variation: whether it adds conditions or makes any stricter (R21); null is treated as yes.</summary>
    public bool? AddsOrTightens { get; private set; }

    /// <summary>R21: a renewal, or a variation adding or tightening conditions, must show why it is necessary.</summary>
    public bool NeedsNecessityRationale => Type == ApplicationType.Renewal || (Type == ApplicationType.Variation && AddsOrTightens != false);

    public IReadOnlyList<ApplicationEvidence> Evidence => _evidence;

    public IReadOnlyList<ApplicationProtectedPerson> ProtectedPersons => _protectedPersons;

    /// <summary>The prohibitions and requirements the application asks for, in order (spo-rules.md §11 "draft conditions").</summary>
    public IReadOnlyList<ProposedCondition> ProposedConditions => _proposedConditions.OrderBy(c => c.Sequence).ToList();

    public DateTimeOffset CreatedAt { get; private init; }

    /// <summary>
    /// P1: the keys the applications list sorts by, stored so that a page is read in an index's order and stops after its
    /// rows; written by <see cref="ApplicationListKeys"/> in the same transaction as any change to the records they depend on
    /// (the respondent's names, the hearings, the application itself).
    /// </summary>
    public string RespondentSortKey { get; private set; } = "";

    /// <summary>0 full, 1 interim, 2 variation, 3 renewal, 4 discharge.</summary>
    public int KindSortKey { get; private set; }

    /// <summary>The next hearing still to be decided, else the latest one; <see cref="ApplicationListQuery.NoHearing"/> when never listed.</summary>
    public DateTimeOffset HearingSortKey { get; private set; } = ApplicationListQuery.NoHearing;

    /// <summary>Where the application is, as the index of <see cref="ApplicationListQuery.StatusWords"/>.</summary>
    public int StatusSortKey { get; private set; }

    public long Version { get; set; }

    public bool IsForOrder => Type is ApplicationType.Full or ApplicationType.Interim;

    public bool IsOpen => Status is ApplicationStatus.Submitted or ApplicationStatus.Listed or ApplicationStatus.Adjourned;

    /// <summary>Where the application is, in words.</summary>
    public string StageText => Status switch
    {
        ApplicationStatus.Draft when AuthorisedAt is not null => "Authorised",
        ApplicationStatus.Draft when AwaitingAuthorisationSince is not null => "Awaiting authorisation",
        ApplicationStatus.Draft => "Draft",
        ApplicationStatus.Submitted => "Lodged",
        ApplicationStatus.Listed => "Hearing listed",
        ApplicationStatus.Adjourned => "Adjourned",
        ApplicationStatus.Withdrawn => "Withdrawn",
        _ => Determination switch
        {
            Applications.Determination.Granted => "Granted",
            Applications.Determination.Refused => "Refused",
            Applications.Determination.Dismissed => "Dismissed",
            _ => "Determined",
        },
    };

    /// <summary>A new application for a full or interim order by a chief officer (SPA 2019 s.1, s.5).</summary>
    public static Application CreateForOrder(Guid caseId, Guid respondentId, ApplicationType type, PoliceForce applicantForce,
        Application? mainApplication, string courtName, DateTimeOffset now)
    {
        var check = new RuleCheck()
            .Must(type is ApplicationType.Full or ApplicationType.Interim, "R1", "type", "This is for full or interim order applications", "SPA 2019 s.1(1)")
            // SPA 2019 s.1(1), s.14, R1: only a chief officer from the enumerated forces may apply.
            .Must(PoliceForces.IsKnown(applicantForce), "R1", "applicantForce",
                "The applicant must be a chief officer of police: one of the 43 forces of England and Wales, British Transport Police or Ministry of Defence Police (SPA 2019 s.1(1), R1)",
                "SPA 2019 s.1(1), s.14")
            .Must(courtName.Length <= CourtNameMaxLength, "Input", "courtName", $"The court name is at most {CourtNameMaxLength} characters", "");
        if (type == ApplicationType.Interim)
        {
            check.Add(CheckInterimLink(applicantForce, mainApplication, caseId, respondentId));
        }

        check.ThrowIfBroken();
        return new Application
        {
            Id = Guid.CreateVersion7(now),
            CaseId = caseId,
            RespondentId = respondentId,
            Type = type,
            ApplicantParty = ApplicantParty.ChiefOfficer,
            ApplicantForce = applicantForce,
            MainApplicationId = mainApplication?.Id,
            CourtName = courtName.Trim(),
            Status = ApplicationStatus.Draft,
            CreatedAt = now.ToUniversalTime(),
        };
    }

    /// <summary>An application to vary, renew or discharge an order (SPA 2019 s.4, s.5(7)); R20 checks the applicant.</summary>
    public static Application CreateForChange(Guid caseId, Guid respondentId, ApplicationType type, Guid orderId,
        ApplicantParty party, PoliceForce? applicantForce, IReadOnlyCollection<PoliceForce> relevantChiefOfficers,
        string courtName, DateTimeOffset now)
    {
        var check = new RuleCheck();
        check.Add(RelevantChiefOfficer.Check(party, applicantForce, relevantChiefOfficers));
        check.Must(type is ApplicationType.Variation or ApplicationType.Renewal or ApplicationType.Discharge, "R20", "type",
            "This is for variation, renewal or discharge applications", "SPA 2019 s.4");
        check.ThrowIfBroken();
        return new Application
        {
            Id = Guid.CreateVersion7(now),
            CaseId = caseId,
            RespondentId = respondentId,
            Type = type,
            ApplicantParty = party,
            ApplicantForce = party == ApplicantParty.ChiefOfficer ? applicantForce : null,
            OrderId = orderId,
            CourtName = courtName.Trim(),
            Status = ApplicationStatus.Draft,
            CreatedAt = now.ToUniversalTime(),
        };
    }

    /// <summary>
    /// An application to vary, renew or discharge <paramref name="order"/>, refused where the Act refuses it: the order must still be
    /// in force (R23 for renewal), and the applicant must be the defendant or a relevant chief officer (R20).
    /// </summary>
    public static Application CreateForChange(StalkingProtectionOrder order, ApplicationType type, ApplicantParty party, PoliceForce? applicantForce,
        IReadOnlyCollection<PoliceForce> relevantChiefOfficers, string courtName, string? changeSought, bool? addsOrTightens, string? necessityRationale,
        DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        var check = CheckChangeAllowed(order, type, today);
        check.Add(RelevantChiefOfficer.Check(party, applicantForce, relevantChiefOfficers, order.Kind));
        check.Add(CheckChangeSought(type, changeSought, addsOrTightens, necessityRationale));
        check.Must(courtName.Length <= CourtNameMaxLength, "Input", "courtName", $"The court name is at most {CourtNameMaxLength} characters", "");
        check.ThrowIfBroken();
        var application = CreateForChange(order.CaseId, order.RespondentId, type, order.Id, party, applicantForce, relevantChiefOfficers, courtName, now);
        application.ChangeSought = string.IsNullOrWhiteSpace(changeSought) ? null : changeSought.Trim();
        application.AddsOrTightens = type == ApplicationType.Variation ? addsOrTightens : null;
        application.NecessityRationale = string.IsNullOrWhiteSpace(necessityRationale) ? null : necessityRationale.Trim();
        return application;
    }

    /// <summary>What the Act allows to be applied for on this order today, before anyone is asked who applies.</summary>
    public static RuleCheck CheckChangeAllowed(StalkingProtectionOrder order, ApplicationType type, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(order);
        var inForce = order.IsInForceOn(today);
        return new RuleCheck()
            .Must(type is ApplicationType.Variation or ApplicationType.Renewal or ApplicationType.Discharge, "R20", "type",
                "Choose whether the application is to vary, renew or discharge the order", "SPA 2019 s.4")
            // SPA 2019 s.4, R23: a renewal is applied for while the order is in force; after that only a new order can be sought.
            .Must(type != ApplicationType.Renewal || inForce, "R23", "type",
                $"The order is {order.StatusOn(today).ToString().ToLowerInvariant()}, not in force, so it cannot be renewed: a renewal must be applied for while the order is in force; apply for a new order instead (SPA 2019 s.4, R23)",
                "SPA 2019 s.4")
            // SPA 2019 s.4, s.5(7): only an order that still has effect can be varied or discharged.
            .Must(type == ApplicationType.Renewal || inForce, "R20", "type",
                $"The order is {order.StatusOn(today).ToString().ToLowerInvariant()}, not in force, so there is nothing to vary or discharge (SPA 2019 s.4, s.5(7))",
                "SPA 2019 s.4, s.5(7)");
    }

    /// <summary>
    /// What a variation, renewal or discharge application asks for, and why. SPA 2019 s.4, R21: a renewal, or a variation that adds
    /// or tightens conditions (not saying counts as yes), must say why it is necessary to protect a person.
    /// </summary>
    public static RuleCheck CheckChangeSought(ApplicationType type, string? changeSought, bool? addsOrTightens, string? necessityRationale)
    {
        var needsNecessity = type == ApplicationType.Renewal || (type == ApplicationType.Variation && addsOrTightens != false);
        return new RuleCheck()
            .Must(changeSought is null || changeSought.Length <= NotesMaxLength, "Input", "changeSought", $"What the application asks for is at most {NotesMaxLength} characters", "")
            .Must(necessityRationale is null || necessityRationale.Length <= NotesMaxLength, "Input", "necessityRationale", $"The reason is at most {NotesMaxLength} characters", "")
            // SPA 2019 s.4, R21.
            .Must(!needsNecessity || !string.IsNullOrWhiteSpace(necessityRationale), "R21", "necessityRationale",
                "Explain why renewing the order, or adding or tightening its conditions, is necessary to protect a person from a risk associated with stalking (SPA 2019 s.4, R21)",
                "SPA 2019 s.4");
    }

    // SPA 2019 s.5(2), R18: an interim application is made with, or after, the main application, by the same chief officer.
    private static RuleCheck CheckInterimLink(PoliceForce applicantForce, Application? main, Guid caseId, Guid respondentId) =>
        new RuleCheck()
            .Must(main is not null, "R18", "mainApplicationId",
                "An interim application must be linked to the main application for a stalking protection order (SPA 2019 s.5(2), R18)", "SPA 2019 s.5(2)")
            .Must(main is null || main.Type == ApplicationType.Full, "R18", "mainApplicationId",
                "The main application must be an application for a full stalking protection order (SPA 2019 s.5(2), R18)", "SPA 2019 s.5(2)")
            .Must(main is null || main.ApplicantForce == applicantForce, "R18", "applicantForce",
                "An interim application must be made by the same chief officer as the main application (SPA 2019 s.5(2), R18)", "SPA 2019 s.5(2)")
            .Must(main is null || (main.CaseId == caseId && main.RespondentId == respondentId), "R18", "mainApplicationId",
                "The main application must be against the same respondent (SPA 2019 s.5(2), R18)", "SPA 2019 s.5(2)")
            // SPA 2019 s.5(1): only while the main application has not been determined.
            .Must(main is null || main.Status is not (ApplicationStatus.Determined or ApplicationStatus.Withdrawn), "R18", "mainApplicationId",
                "An interim order can be sought only while the main application has not been determined (SPA 2019 s.5(1), R18)", "SPA 2019 s.5(1)");

    public void SetJurisdiction(JurisdictionBasis? basis, string? notes)
    {
        EnsureDraft();
        if (notes is { Length: > NotesMaxLength })
        {
            throw new RuleViolationException([new RuleViolation("Input", "jurisdictionNotes", $"The notes are at most {NotesMaxLength} characters", "")]);
        }

        WithdrawAuthorisation();
        JurisdictionBasis = basis;
        JurisdictionNotes = notes?.Trim();
    }

    /// <summary>
    /// Amends what a variation, renewal or discharge application asks the court to do, and why (SPA 2019 s.4, R21), for example after
    /// a coordinator returned it with comments. Refused once lodged; after authorisation the change withdraws it, because the coordinator
    /// authorised the earlier words.
    /// </summary>
    public void AmendChangeSought(string? changeSought, bool? addsOrTightens, string? necessityRationale)
    {
        EnsureDraft();
        var check = new RuleCheck()
            .Must(!IsForOrder, "Status", "type",
                "Only an application to vary, renew or discharge an order asks the court to change it; a full or interim application proposes conditions", "")
            .Must(!string.IsNullOrWhiteSpace(changeSought), "Input", "changeSought", "Enter what the application asks the court to do", "")
            .Must(Type != ApplicationType.Variation || addsOrTightens is not null, "R21", "addsOrTightens",
                "Say whether the variation adds conditions or makes any stricter (SPA 2019 s.4, R21)", "SPA 2019 s.4");
        check.Add(CheckChangeSought(Type, changeSought, addsOrTightens, necessityRationale));
        check.ThrowIfBroken();
        WithdrawAuthorisation();
        ChangeSought = changeSought!.Trim();
        AddsOrTightens = Type == ApplicationType.Variation ? addsOrTightens : null;
        NecessityRationale = string.IsNullOrWhiteSpace(necessityRationale) ? null : necessityRationale.Trim();
    }

    public void SetNecessityRationale(string? rationale)
    {
        EnsureDraft();
        WithdrawAuthorisation();
        NecessityRationale = rationale?.Trim();
    }

    public ApplicationEvidence AddEvidence(Limb limb, EvidenceKind kind, Guid? referenceId, string description, DateTimeOffset now)
    {
        EnsureDraft();
        WithdrawAuthorisation();
        var evidence = ApplicationEvidence.Create(Id, limb, kind, referenceId, description, now);
        _evidence.Add(evidence);
        return evidence;
    }

    /// <summary>SPA 2019 s.1(1)(c), R4: a protected person need not be a victim of any recorded act.</summary>
    public void AddProtectedPerson(Victim victim, DateTimeOffset now)
    {
        EnsureDraft();
        new RuleCheck()
            .Must(victim.CaseId == CaseId, "R4", "protectedPersonIds", "The protected person must be recorded on this case (R4)", "SPA 2019 s.1(1)(c)")
            .Must(victim.IsProtectedPerson, "R4", "protectedPersonIds",
                "Record the person's role as protected person (or both) before naming them in the application (SPA 2019 s.1(1)(c), R4)", "SPA 2019 s.1(1)(c)")
            .ThrowIfBroken();
        if (_protectedPersons.All(p => p.VictimId != victim.Id))
        {
            WithdrawAuthorisation();
            _protectedPersons.Add(new ApplicationProtectedPerson { Id = Guid.CreateVersion7(now), ApplicationId = Id, VictimId = victim.Id });
        }
    }

    /// <summary>
    /// Proposes a prohibition or requirement, from the condition library or written out, checked by the same rules as an order's
    /// conditions (R8, R9, R10, R12, R15, R16) with today as the earliest day the order could be made.
    /// </summary>
    public ProposedCondition ProposeCondition(ProposedConditionDetails details, DateOnly today, Override? @override, DateTimeOffset now,
        out IReadOnlyList<RuleWarning> overridden)
    {
        var draft = CheckProposal(details, today, @override, _proposedConditions.Count < MaxProposedConditions, out overridden);
        WithdrawAuthorisation();
        var proposed = ProposedCondition.Create(Id, _proposedConditions.Count + 1, now);
        proposed.Set(details, draft, @override, overridden, now);
        _proposedConditions.Add(proposed);
        return proposed;
    }

    public ProposedCondition ChangeProposedCondition(Guid proposedConditionId, ProposedConditionDetails details, DateOnly today, Override? @override,
        DateTimeOffset now, out IReadOnlyList<RuleWarning> overridden)
    {
        var proposed = FindProposedCondition(proposedConditionId);
        var draft = CheckProposal(details, today, @override, true, out overridden);
        WithdrawAuthorisation();
        proposed.Set(details, draft, @override, overridden, now);
        return proposed;
    }

    public ProposedCondition RemoveProposedCondition(Guid proposedConditionId)
    {
        EnsureDraft();
        var proposed = FindProposedCondition(proposedConditionId);
        WithdrawAuthorisation();
        _proposedConditions.Remove(proposed);
        var sequence = 1;
        foreach (var other in _proposedConditions.OrderBy(c => c.Sequence))
        {
            other.Renumber(sequence++);
        }

        return proposed;
    }

    private ProposedCondition FindProposedCondition(Guid id) =>
        _proposedConditions.SingleOrDefault(c => c.Id == id)
        ?? throw new RuleViolationException([new RuleViolation("Input", "conditionId", "There is no such proposed condition on this application", "")]);

    private ConditionDraft CheckProposal(ProposedConditionDetails details, DateOnly today, Override? @override, bool roomForMore,
        out IReadOnlyList<RuleWarning> overridden)
    {
        ArgumentNullException.ThrowIfNull(details);
        EnsureDraft();
        var check = new RuleCheck()
            .Must(IsForOrder, "Status", "type",
                "Conditions are proposed on an application for a full or interim order; a variation's new terms are recorded when the court varies the order", "")
            .Must(roomForMore, "Input", "conditions", $"An application can propose at most {MaxProposedConditions} conditions", "");
        var draft = ConditionLibrary.Compose(details.TemplateKey, details.Parameters, details.Draft, check);

        // SPA 2019 s.2(2), R8: the people a condition protects are among those the application names.
        check.Add(Condition.CheckContent(draft, "", _protectedPersons.Select(p => p.VictimId).ToHashSet(), "this application"));

        // SPA 2019 s.3(2), s.5(6)(a), R15, R16: the order is made today at the earliest, so a period too short now is too short then.
        check.Add(Condition.CheckDuration(draft, "", Type == ApplicationType.Interim ? OrderKind.Interim : OrderKind.Full, today, null));
        check.Add(Condition.CheckOverrideAuthority(check, @override));
        overridden = check.ThrowIfBroken(@override);
        return draft;
    }

    /// <summary>
    /// Authorisation by an SPO coordinator before the application goes to court, on <paramref name="authorisedOn"/> (today when not
    /// given; an earlier day for an authorisation entered after the fact, kept as the start of that day, the audit entry keeping
    /// when it was entered).
    /// </summary>
    public void Authorise(Actor coordinator, DateTimeOffset now, DateOnly? authorisedOn = null)
    {
        EnsureDraft();
        var today = Time.LondonTime.DateOf(now);
        var on = authorisedOn ?? today;
        new RuleCheck()
            .HasHappened(on <= today, "authorisedOn")
            .Must(coordinator.Role == StaffRoles.Coordinator, "Authorisation", "authorisedBy",
                "Only an SPO coordinator can authorise an application", "Force policy")
            .ThrowIfBroken();
        AuthorisedBy = coordinator.Name;
        AuthorisedAt = on == today ? now.ToUniversalTime() : Time.LondonTime.StartOfDayUtc(on);
        AwaitingAuthorisationSince = null;
    }

    /// <summary>The officer asks a coordinator to authorise the draft; it waits in the coordinators' queue.</summary>
    public void AskForAuthorisation(DateTimeOffset now)
    {
        EnsureDraft();
        new RuleCheck()
            .Must(ApplicantParty != ApplicantParty.Defendant, "Authorisation", "status",
                "The defendant's own application is not authorised by the force", "SPA 2019 s.4")
            .Must(AuthorisedAt is null, "Authorisation", "status", $"The application has already been authorised by {AuthorisedBy}", "Force policy")
            .ThrowIfBroken();
        AwaitingAuthorisationSince ??= now.ToUniversalTime();
    }

    /// <summary>A coordinator sent the draft back with comments: it leaves the queue until the officer asks again.</summary>
    public void ReturnToOfficer()
    {
        EnsureDraft();
        AwaitingAuthorisationSince = null;
    }

    /// <summary>
    /// Lodges the application with the court on <paramref name="lodgedOn"/>: every must for the application type is checked
    /// at once, on that date. It may be earlier than the day it is entered (a record kept after the fact);
    /// <see cref="SubmittedAt"/> keeps when it was entered.
    /// </summary>
    public void Submit(Respondent respondent, Application? mainApplication, DateOnly lodgedOn, DateTimeOffset now)
    {
        EnsureDraft();
        var check = new RuleCheck()
            .HasHappened(lodgedOn <= Time.LondonTime.DateOf(now), "lodgedOn")
            // A defendant's own application (s.4, s.5(7)) is the defendant's to make; force authorisation governs police applications only.
            .Must(AuthorisedAt is not null || ApplicantParty == ApplicantParty.Defendant, "Authorisation", "authorisedBy",
                "A coordinator must authorise the application before it is submitted", "Force policy")
            .Must(!string.IsNullOrWhiteSpace(CourtName), "R12", "courtName", "Enter the court the application is made to", "SPA 2019 s.1(1)");
        if (IsForOrder)
        {
            // SPA 2019 s.1(3), R2: a territorial force applies only against someone who lives in, is in, or is coming to its area.
            var territorial = ApplicantForce is { } force && PoliceForces.IsTerritorial(force);
            check.Must(!territorial || (JurisdictionBasis is not null && !string.IsNullOrWhiteSpace(JurisdictionNotes)), "R2", "jurisdictionBasis",
                "Record why the respondent lives in, is in, or intends to come to the force's area, with notes (SPA 2019 s.1(3), R2)", "SPA 2019 s.1(3)");

            // SPA 2019 s.1(1)(a)–(c), R3: evidence for each of the three limbs.
            foreach (var limb in Enum.GetValues<Limb>())
            {
                check.Must(_evidence.Any(e => e.Limb == limb), "R3", "evidence." + LimbField(limb),
                    $"Link evidence to limb ({LimbLetter(limb)}) of the test: {LimbWording(limb)} (SPA 2019 s.1(1)({LimbLetter(limb)}), R3)",
                    $"SPA 2019 s.1(1)({LimbLetter(limb)})");
            }

            // SPA 2019 s.1(1)(c), R4.
            check.Must(_protectedPersons.Count > 0, "R4", "protectedPersonIds",
                "Name at least one person the order is to protect (SPA 2019 s.1(1)(c), R4)", "SPA 2019 s.1(1)(c)");

            // R7: the youth court if the respondent is under 18 on the date the application is made; it stays there.
            var youth = respondent.IsYouthOn(lodgedOn);
            check.Must(respondent.Person.DateOfBirth is not null, "R7", "respondentDateOfBirth",
                "Record the respondent's date of birth so the court (youth or magistrates') can be chosen (R7)", "PNLD20; NI Act 2022 s.12(4)")
                .Must(!youth || Venue == CourtVenue.YouthCourt, "R7", "venue",
                    "The respondent is under 18 on the application date, so the application goes to the youth court (R7)", "PNLD20; NI Act 2022 s.12(4)")
                .Must(youth || Venue != CourtVenue.YouthCourt, "R7", "venue",
                    "The respondent is 18 or over on the application date, so the application goes to a magistrates' court (SPA 2019 s.1(1), R7)", "SPA 2019 s.1(1)");

            if (Type == ApplicationType.Interim)
            {
                check.Add(CheckInterimLink(ApplicantForce!.Value, mainApplication, CaseId, RespondentId));
                check.Must(mainApplication?.LodgedOn is { } lodged && lodged <= lodgedOn, "R18", "mainApplicationId",
                    "Submit the main application first: an interim application is made with or after it (SPA 2019 s.5(2), R18)", "SPA 2019 s.5(2)");
            }
        }
        else
        {
            // SPA 2019 s.4, R21: a renewal, or a variation adding or tightening conditions, must be necessary to protect a person.
            check.Must(!NeedsNecessityRationale || !string.IsNullOrWhiteSpace(NecessityRationale),
                "R21", "necessityRationale",
                "Explain why renewing the order, or adding or tightening its conditions, is necessary to protect a person from a risk associated with stalking (SPA 2019 s.4, R21)", "SPA 2019 s.4");
        }

        check.ThrowIfBroken();
        Status = ApplicationStatus.Submitted;
        LodgedOn = lodgedOn;
        SubmittedAt = now.ToUniversalTime();
    }

    /// <summary>R7: the venue is chosen while drafting, and checked against the age on the application date at submission.</summary>
    public void SetVenue(CourtVenue venue, string courtName)
    {
        EnsureDraft();
        var name = courtName.Length <= CourtNameMaxLength ? courtName.Trim() : throw RuleViolationException.Input(nameof(courtName), $"Enter the court name in at most {CourtNameMaxLength} characters");
        WithdrawAuthorisation();
        Venue = venue;
        CourtName = name;
    }

    public void MarkListed()
    {
        EnsureOpen();
        Status = ApplicationStatus.Listed;
    }

    public void MarkAdjourned()
    {
        EnsureOpen();
        Status = ApplicationStatus.Adjourned;
    }

    /// <summary>
    /// The court's refusal, dismissal or withdrawal on <paramref name="decidedOn"/>, which may be earlier than the day it is entered:
    /// not in the future, and not before the application was made. Answers the instant the determination is kept at (now when
    /// decided today, otherwise the start of that day), for the interim orders it ceases (R17).
    /// </summary>
    public DateTimeOffset Decide(Determination determination, DateOnly decidedOn, DateTimeOffset now)
    {
        var today = Time.LondonTime.DateOf(now);
        new RuleCheck()
            .HasHappened(decidedOn <= today, "decidedOn")
            .Must(LodgedOn is not { } lodged || decidedOn >= lodged, "Input", "decidedOn",
                $"The court decides an application on or after the day it was made to the court ({LodgedOn:d MMMM yyyy})", "SPA 2019 s.1(1)")
            .ThrowIfBroken();
        var at = decidedOn == today ? now : Time.LondonTime.StartOfDayUtc(decidedOn);
        if (determination == Applications.Determination.Withdrawn)
        {
            Withdraw(at);
        }
        else
        {
            Determine(determination, at);
        }

        return at;
    }

    /// <summary>The court's determination. For a main application, the caller must also cease its interim orders (R17).</summary>
    public void Determine(Determination determination, DateTimeOffset now)
    {
        EnsureOpen();
        Status = determination == Applications.Determination.Withdrawn ? ApplicationStatus.Withdrawn : ApplicationStatus.Determined;
        Determination = determination;
        DeterminedAt = now.ToUniversalTime();
        DeterminedOn = Time.LondonTime.DateOf(now);
    }

    public void Withdraw(DateTimeOffset now)
    {
        if (Status == ApplicationStatus.Draft)
        {
            Status = ApplicationStatus.Withdrawn;
            Determination = Applications.Determination.Withdrawn;
            DeterminedAt = now.ToUniversalTime();
            DeterminedOn = Time.LondonTime.DateOf(now);
            return;
        }

        Determine(Applications.Determination.Withdrawn, now);
    }

    /// <summary>
    /// A change to the draft. What was authorised is what is lodged: a change to an authorised application's conditions, people or
    /// evidence withdraws the authorisation, and the application goes back to the coordinators' queue.
    /// </summary>
    private void WithdrawAuthorisation()
    {
        if (AuthorisedAt is { } at)
        {
            WithdrawnAuthorisation = new AuthorisationWithdrawn(AuthorisedBy ?? "", at);
            AuthorisedBy = null;
            AuthorisedAt = null;
            AwaitingAuthorisationSince = null;
        }
    }

    /// <summary>
    /// The drafting tasks still to do before the application can be lodged, each naming the rule that needs it: what
    /// <see cref="Submit"/> checks of the application itself (the respondent's age, R7, is checked at lodging).
    /// </summary>
    public IReadOnlyList<string> DraftingTasksOutstanding()
    {
        var outstanding = new List<string>();
        if (IsForOrder)
        {
            // SPA 2019 s.1(3), R2.
            if (ApplicantForce is { } force && PoliceForces.IsTerritorial(force) && (JurisdictionBasis is null || string.IsNullOrWhiteSpace(JurisdictionNotes)))
            {
                outstanding.Add("why the force may apply (SPA 2019 s.1(3), R2)");
            }

            // SPA 2019 s.1(1)(a)–(c), R3.
            var missing = Enum.GetValues<Limb>().Where(l => _evidence.All(e => e.Limb != l)).Select(l => $"({LimbLetter(l)})").ToList();
            if (missing.Count > 0)
            {
                outstanding.Add($"evidence for limb {string.Join(", ", missing)} of the test (SPA 2019 s.1(1), R3)");
            }

            // SPA 2019 s.1(1)(c), R4.
            if (_protectedPersons.Count == 0)
            {
                outstanding.Add("the people the order is to protect (SPA 2019 s.1(1)(c), R4)");
            }
        }
        else
        {
            // SPA 2019 s.4, R21.
            if (string.IsNullOrWhiteSpace(ChangeSought))
            {
                outstanding.Add("what the application asks the court to do (SPA 2019 s.4)");
            }

            if (NeedsNecessityRationale && string.IsNullOrWhiteSpace(NecessityRationale))
            {
                outstanding.Add("why it is necessary to protect a person (SPA 2019 s.4, R21)");
            }
        }

        if (string.IsNullOrWhiteSpace(CourtName))
        {
            outstanding.Add("the court (R12)");
        }

        return outstanding;
    }

    /// <summary>Puts the application back in the coordinators' queue after a change withdrew its authorisation.</summary>
    public AuthorisationWithdrawn? TakeWithdrawnAuthorisation(DateTimeOffset now)
    {
        var withdrawn = WithdrawnAuthorisation;
        if (withdrawn is not null)
        {
            AwaitingAuthorisationSince ??= now.ToUniversalTime();
            WithdrawnAuthorisation = null;
        }

        return withdrawn;
    }

    private void EnsureDraft()
    {
        if (Status != ApplicationStatus.Draft)
        {
            throw new RuleViolationException([new RuleViolation("Status", "status",
                $"The application has been {Status.ToString().ToLowerInvariant()}, so it can no longer be changed", "")]);
        }
    }

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new RuleViolationException([new RuleViolation("Status", "status",
                $"The application is {Status.ToString().ToLowerInvariant()}, not before the court", "")]);
        }
    }

    private static string LimbLetter(Limb limb) => limb switch
    {
        Limb.ActsAssociatedWithStalking => "a",
        Limb.RiskAssociatedWithStalking => "b",
        _ => "c",
    };

    private static string LimbField(Limb limb) => limb switch
    {
        Limb.ActsAssociatedWithStalking => "limbA",
        Limb.RiskAssociatedWithStalking => "limbB",
        _ => "limbC",
    };

    private static string LimbWording(Limb limb) => limb switch
    {
        Limb.ActsAssociatedWithStalking => "the respondent has carried out acts associated with stalking",
        Limb.RiskAssociatedWithStalking => "the respondent poses a risk associated with stalking to another person",
        _ => "there is reasonable cause to believe the order is necessary to protect another person from that risk",
    };
}

public class ApplicationEvidence
{
    public const int DescriptionMaxLength = 4000;

    public required Guid Id { get; init; }

    public required Guid ApplicationId { get; init; }

    public Limb Limb { get; private init; }

    public EvidenceKind Kind { get; private init; }

    /// <summary>The act, risk assessment or document the evidence refers to.</summary>
    public Guid? ReferenceId { get; private init; }

    public string Description { get; private init; } = "";

    internal static ApplicationEvidence Create(Guid applicationId, Limb limb, EvidenceKind kind, Guid? referenceId, string description, DateTimeOffset now)
    {
        new RuleCheck()
            .Must(referenceId is not null || !string.IsNullOrWhiteSpace(description), "R3", "evidence",
                "Link a recorded act, risk assessment or document, or describe the evidence (SPA 2019 s.1(1), R3)", "SPA 2019 s.1(1)")
            .Must(kind is not (EvidenceKind.Act or EvidenceKind.RiskAssessment) || referenceId is not null, "R3", "evidence",
                "Choose the act or risk assessment this evidence refers to (R3)", "SPA 2019 s.1(1)")
            .Must(description.Length <= DescriptionMaxLength, "Input", "evidence", $"The description is at most {DescriptionMaxLength} characters", "")
            .ThrowIfBroken();
        return new ApplicationEvidence
        {
            Id = Guid.CreateVersion7(now),
            ApplicationId = applicationId,
            Limb = limb,
            Kind = kind,
            ReferenceId = referenceId,
            Description = description.Trim(),
        };
    }
}

public class ApplicationProtectedPerson
{
    public required Guid Id { get; init; }

    public required Guid ApplicationId { get; init; }

    public required Guid VictimId { get; init; }
}

public sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> builder)
    {
        builder.ToTable("applications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ApplicantParty).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ApplicantForce).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.JurisdictionBasis).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.JurisdictionNotes).HasMaxLength(Application.NotesMaxLength);
        builder.Property(a => a.Venue).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.CourtName).HasMaxLength(Application.CourtNameMaxLength);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Determination).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.AuthorisedBy).HasMaxLength(Application.NameMaxLength);
        builder.Ignore(a => a.WithdrawnAuthorisation);
        builder.Ignore(a => a.StageText);
        builder.HasIndex(a => a.AwaitingAuthorisationSince);
        builder.Property(a => a.NecessityRationale).HasMaxLength(Application.NotesMaxLength);
        builder.Property(a => a.ChangeSought).HasMaxLength(Application.NotesMaxLength);
        builder.HasOne<StalkingCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Respondent>().WithMany().HasForeignKey(a => a.RespondentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Application>().WithMany().HasForeignKey(a => a.MainApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Evidence).WithOne().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.ProtectedPersons).WithOne().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Evidence).AutoInclude();
        builder.Navigation(a => a.ProtectedPersons).AutoInclude();
        builder.HasMany(a => a.ProposedConditions).WithOne().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.ProposedConditions).AutoInclude();
        builder.Ignore(a => a.IsForOrder);
        builder.Ignore(a => a.IsOpen);
        builder.Ignore(a => a.NeedsNecessityRationale);
        builder.HasIndex(a => new { a.CaseId, a.Status });
        builder.HasIndex(a => a.MainApplicationId);
        builder.HasIndex(a => a.OrderId);

        // P1: GET /api/v1/applications pages by the time an application was started, then id; read in that order, a page
        // stops after its rows.
        builder.HasIndex(a => new { a.CreatedAt, a.Id });

        builder.Property(a => a.RespondentSortKey).HasMaxLength(ListKeys.RespondentSortKeyMaxLength);
        builder.HasIndex(a => new { a.RespondentSortKey, a.Id });
        builder.HasIndex(a => new { a.KindSortKey, a.Id });
        builder.HasIndex(a => new { a.CourtName, a.Id });
        builder.HasIndex(a => new { a.HearingSortKey, a.Id });
        builder.HasIndex(a => new { a.StatusSortKey, a.Id });
    }
}

public sealed class ApplicationEvidenceConfiguration : IEntityTypeConfiguration<ApplicationEvidence>
{
    public void Configure(EntityTypeBuilder<ApplicationEvidence> builder)
    {
        builder.ToTable("application_evidence");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Limb).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Description).HasMaxLength(ApplicationEvidence.DescriptionMaxLength);
    }
}

public sealed class ApplicationProtectedPersonConfiguration : IEntityTypeConfiguration<ApplicationProtectedPerson>
{
    public void Configure(EntityTypeBuilder<ApplicationProtectedPerson> builder)
    {
        builder.ToTable("application_protected_persons");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<Victim>().WithMany().HasForeignKey(p => p.VictimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.ApplicationId, p.VictimId }).IsUnique();
    }
}
