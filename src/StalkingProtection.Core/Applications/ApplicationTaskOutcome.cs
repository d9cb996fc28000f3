namespace StalkingProtection.Core.Applications;

/// <summary>The drafting task of an application that a command did.</summary>
public enum DraftingTask
{
    JurisdictionSet,
    EvidenceAdded,
    ProtectedPersonAdded,
    ConditionProposed,
    ProposedConditionChanged,
    ProposedConditionRemoved,
    CourtChosen,
    ChangeSoughtAmended,
    AuthorisationAsked,
    Returned,
    Commented,
}

/// <summary>
/// What a drafting task on an application did: which task, the application as its own methods left it (status, version, whether it
/// waits for a coordinator), the drafting tasks still outstanding (<see cref="Application.DraftingTasksOutstanding"/>), and whether the
/// change withdrew a coordinator's authorisation (what was authorised is what is lodged). Pages and the API show the same words, from
/// <see cref="Explain"/>.
/// </summary>
public sealed class ApplicationTaskOutcome
{
    private ApplicationTaskOutcome(DraftingTask task, Application application, AuthorisationWithdrawn? withdrawn)
    {
        Task = task;
        ApplicationId = application.Id;
        Type = application.Type;
        Status = application.Status;
        ApplicantParty = application.ApplicantParty;
        AuthorisedBy = application.AuthorisedBy;
        AwaitingAuthorisation = application.AwaitingAuthorisationSince is not null;
        AuthorisationWithdrawnBy = withdrawn?.By;
        TasksOutstanding = application.Status == ApplicationStatus.Draft ? application.DraftingTasksOutstanding() : [];
        ProposedConditions = application.ProposedConditions.Count;
        Version = application.Version;
    }

    public DraftingTask Task { get; }

    public Guid ApplicationId { get; }

    public ApplicationType Type { get; }

    public ApplicationStatus Status { get; }

    public ApplicantParty ApplicantParty { get; }

    public string? AuthorisedBy { get; }

    /// <summary>The draft is in the coordinators' queue.</summary>
    public bool AwaitingAuthorisation { get; }

    /// <summary>The coordinator whose authorisation this change withdrew; null when it withdrew none.</summary>
    public string? AuthorisationWithdrawnBy { get; }

    /// <summary>The drafting tasks still to do, each naming the rule that needs it.</summary>
    public IReadOnlyList<string> TasksOutstanding { get; }

    /// <summary>The proposed condition added or changed, for those tasks.</summary>
    public Guid? ProposedConditionId { get; private init; }

    public int ProposedConditions { get; }

    /// <summary>The application's version once the task was saved (RL4).</summary>
    public long Version { get; }

    /// <summary>A police draft with nothing outstanding that no coordinator has authorised or been asked to.</summary>
    public bool ReadyToAskForAuthorisation => Status == ApplicationStatus.Draft && ApplicantParty != ApplicantParty.Defendant && AuthorisedBy is null
        && !AwaitingAuthorisation && TasksOutstanding.Count == 0;

    internal static ApplicationTaskOutcome Done(DraftingTask task, Application application, AuthorisationWithdrawn? withdrawn = null,
        Guid? proposedConditionId = null) => new(task, application, withdrawn) { ProposedConditionId = proposedConditionId };

    /// <summary>The outcome in plain English, citing the Act and the rules.</summary>
    public string Explain()
    {
        var words = Done();
        if (Status != ApplicationStatus.Draft || Task is DraftingTask.Commented)
        {
            return words;
        }

        if (AuthorisationWithdrawnBy is { } by)
        {
            words += $" The change withdrew {by}'s authorisation: what was authorised is what is lodged, so the application is back with the coordinators to authorise again.";
        }

        if (TasksOutstanding.Count > 0)
        {
            return $"{words} Still to do before it can be lodged: {string.Join("; ", TasksOutstanding)}.";
        }

        if (ReadyToAskForAuthorisation)
        {
            return $"{words} Every drafting task is done: ask a coordinator to authorise the application.";
        }

        return AuthorisedBy is not null || ApplicantParty == ApplicantParty.Defendant
            ? $"{words} Every drafting task is done: the application can be lodged with the court."
            : words;
    }

    private string Done() => Task switch
    {
        DraftingTask.JurisdictionSet => "Jurisdiction recorded: why the force may apply against the respondent (SPA 2019 s.1(3), R2).",
        DraftingTask.EvidenceAdded => "Evidence added to the application (SPA 2019 s.1(1), R3).",
        DraftingTask.ProtectedPersonAdded => "Protected person added: the order is to protect them (SPA 2019 s.1(1)(c), R4).",
        DraftingTask.ConditionProposed => $"Condition proposed: the application now asks for {Conditions()} (SPA 2019 s.1(2), s.2, R8–R10).",
        DraftingTask.ProposedConditionChanged => $"Proposed condition changed: the application asks for {Conditions()} (SPA 2019 s.1(2), s.2, R8–R10).",
        DraftingTask.ProposedConditionRemoved => $"Proposed condition removed: the application asks for {Conditions()} (SPA 2019 s.1(2), s.2, R8–R10).",
        DraftingTask.CourtChosen => "Court chosen; the respondent's age decides between the youth and magistrates' courts when the application is lodged (R7).",
        DraftingTask.ChangeSoughtAmended => "What the application asks for saved: the change sought and why it is necessary (SPA 2019 s.4, R21).",
        DraftingTask.AuthorisationAsked => "Application sent to the coordinators for authorisation: it is lodged only once a coordinator authorises it.",
        DraftingTask.Returned => "Application returned to the officer with comments: it leaves the coordinators' queue until the officer asks again.",
        _ => "Comment added to the application.",
    };

    private string Conditions() => ProposedConditions == 1 ? "1 condition" : $"{ProposedConditions} conditions";
}
