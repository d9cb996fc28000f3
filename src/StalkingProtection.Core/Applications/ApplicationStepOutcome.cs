using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Applications;

/// <summary>The step of an application's life that a command took.</summary>
public enum ApplicationStep
{
    Drafted,
    Authorised,
    Lodged,
    Determined,
}

/// <summary>
/// What drafting, authorising, lodging or determining an application did: the application as its own decision left it (type, status,
/// court, day lodged, determination) and, for a determination, the interim orders it ended (SPA 2019 s.5(6)(b), R17) and the deadline of
/// the "consider appealing" task it raised (s.7, R24). Pages and the API show the same words, from <see cref="Explain"/>.
/// </summary>
public sealed class ApplicationStepOutcome
{
    private ApplicationStepOutcome(ApplicationStep step, Application application)
    {
        Step = step;
        ApplicationId = application.Id;
        Type = application.Type;
        ApplicantParty = application.ApplicantParty;
        Status = application.Status;
        CourtName = application.CourtName;
        LodgedOn = application.LodgedOn;
        AuthorisedBy = application.AuthorisedBy;
        Determination = application.Determination;
        DeterminedOn = application.DeterminedOn;
        Version = application.Version;
    }

    public ApplicationStep Step { get; }

    public Guid ApplicationId { get; }

    public ApplicationType Type { get; }

    public ApplicantParty ApplicantParty { get; }

    public ApplicationStatus Status { get; }

    public string CourtName { get; }

    public DateOnly? LodgedOn { get; }

    public string? AuthorisedBy { get; }

    public Determination? Determination { get; }

    public DateOnly? DeterminedOn { get; }

    /// <summary>The application's version once the command was saved (RL4).</summary>
    public long Version { get; }

    /// <summary>SPA 2019 s.5(6)(b), R17: the interim orders on this main application that ceased when it was determined.</summary>
    public IReadOnlyList<InterimOrderEnded> InterimOrdersEnded { get; private init; } = [];

    /// <summary>SPA 2019 s.7, R24: the provisional day by which to appeal a refusal, given to the "consider appealing" task.</summary>
    public DateOnly? ConsiderAppealBy { get; private init; }

    /// <summary>The Act's provision the application is made under.</summary>
    public string LegalSource => Type switch
    {
        ApplicationType.Full => "SPA 2019 s.1",
        ApplicationType.Interim => "SPA 2019 s.5",
        _ => "SPA 2019 s.4",
    };

    internal static ApplicationStepOutcome Drafted(Application application) => new(ApplicationStep.Drafted, application);

    internal static ApplicationStepOutcome Authorised(Application application) => new(ApplicationStep.Authorised, application);

    internal static ApplicationStepOutcome Lodged(Application application) => new(ApplicationStep.Lodged, application);

    internal static ApplicationStepOutcome Determined(Application application, IEnumerable<StalkingProtectionOrder> ceasedInterimOrders, DateOnly? considerAppealBy) =>
        new(ApplicationStep.Determined, application)
        {
            InterimOrdersEnded = ceasedInterimOrders.Where(o => o.EndedOn is not null).Select(o => new InterimOrderEnded(o.Id, o.EndedOn!.Value)).ToList(),
            ConsiderAppealBy = considerAppealBy,
        };

    /// <summary>The outcome in plain English, citing the Act and the rules.</summary>
    public string Explain()
    {
        var what = $"{Describe(Type)} ({LegalSource})";
        switch (Step)
        {
            case ApplicationStep.Drafted:
                return ApplicantParty == ApplicantParty.Defendant
                    ? $"Application drafted: {what}, made by the defendant. Complete the tasks, then lodge it with the court."
                    : $"Application drafted: {what}. Complete the tasks, then a coordinator authorises it before it is lodged.";
            case ApplicationStep.Authorised:
                return $"Application authorised by {AuthorisedBy}: {what}. It can now be lodged with the court; a change to it before then needs authorising again.";
            case ApplicationStep.Lodged:
                return $"Application lodged with the court: {what}, made to {CourtName} on {DateWords.Of(LodgedOn!.Value)}. "
                    + "Add the hearing when the court lists it.";
        }

        var decided = $"{what}: {Decided(Determination)} on {DateWords.Of(DeterminedOn!.Value)}.";
        if (InterimOrdersEnded.Count > 0)
        {
            decided += InterimOrdersEnded.Count == 1
                ? " The interim order made on this application ceased that day (SPA 2019 s.5(6)(b), R17)."
                : $" The {InterimOrdersEnded.Count} interim orders made on this application ceased that day (SPA 2019 s.5(6)(b), R17).";
        }

        if (ConsiderAppealBy is { } by)
        {
            decided += $" The chief officer may appeal to the Crown Court: a task to consider appealing was raised, to lodge by {DateWords.Of(by)} "
                + "(SPA 2019 s.7(2), 15 business days, CrimPR r.34.2, R24).";
        }

        return $"Application determined: {decided}";
    }

    private static string Decided(Determination? determination) => determination switch
    {
        Applications.Determination.Granted => "granted",
        Applications.Determination.Refused => "refused by the court",
        Applications.Determination.Dismissed => "dismissed",
        _ => "withdrawn",
    };

    private static string Describe(ApplicationType type) => type switch
    {
        ApplicationType.Full => "an application for a stalking protection order",
        ApplicationType.Interim => "an application for an interim stalking protection order",
        ApplicationType.Variation => "an application to vary the order",
        ApplicationType.Renewal => "an application to renew the order",
        _ => "an application to discharge the order",
    };
}
