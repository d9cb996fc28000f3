namespace StalkingProtection.Core.Reports;

public enum ReportingFor
{
    Myself,
    SomeoneElse,
}

// Protection from Harassment Act 1997 s.2A(3): examples of acts associated with stalking.
[Flags]
public enum StalkingBehaviours
{
    None = 0,
    Following = 1,
    Contacting = 2,
    Publishing = 4,
    Monitoring = 8,
    Loitering = 16,
    InterferingWithProperty = 32,
    WatchingOrSpying = 64,
    SomethingElse = 128,
}

public enum HowOften
{
    EveryDay,
    SeveralTimesAWeek,
    AboutOnceAWeek,
    LessThanOnceAWeek,
    NotSure,
}

/// <summary>How the police may reach the person a report is about, when someone else reports for them.</summary>
public enum PersonContactRoute
{
    /// <summary>Only through the person who reported.</summary>
    ThroughReporter,
    Directly,
    NotAtAll,
}

[Flags]
public enum SafeContactMethods
{
    None = 0,
    Phone = 1,
    Text = 2,
    Email = 4,
}

/// <summary>The answers of an unsent report, kept encrypted in its draft until it is sent or expires.</summary>
public sealed class ReportAnswers
{
    public bool? InImmediateDanger { get; set; }

    public ReportingFor? ReportingFor { get; set; }

    /// <summary>The name of the person being stalked, when someone else reports for them.</summary>
    public string? PersonName { get; set; }

    public bool? PersonKnowsAboutReport { get; set; }

    public PersonContactRoute? PersonContactRoute { get; set; }

    /// <summary>How to reach the person safely, when they may be contacted directly.</summary>
    public string? PersonContactDetails { get; set; }

    public StalkingBehaviours Behaviours { get; set; }

    public string? OtherBehaviour { get; set; }

    public string? StartedWhen { get; set; }

    public HowOften? HowOften { get; set; }

    public bool? SuspectKnown { get; set; }

    public string? SuspectName { get; set; }

    public string? SuspectDetails { get; set; }

    public string? Effect { get; set; }

    /// <summary>Null until answered; <see cref="SafeContactMethods.None"/> means "do not contact me".</summary>
    public SafeContactMethods? ContactMethods { get; set; }

    public string? ContactName { get; set; }

    public string? PhoneNumber { get; set; }

    public string? Email { get; set; }

    public string? SafeTimes { get; set; }

    public bool? VoicemailAllowed { get; set; }

    public bool ForSomeoneElse => ReportingFor == Reports.ReportingFor.SomeoneElse;

    public bool WantsContact => ContactMethods is { } m && m != SafeContactMethods.None;

    public bool NeedsPhone => ContactMethods is { } m && (m & (SafeContactMethods.Phone | SafeContactMethods.Text)) != 0;

    public bool NeedsEmail => ContactMethods is { } m && m.HasFlag(SafeContactMethods.Email);

    public bool CanCall => ContactMethods is { } m && m.HasFlag(SafeContactMethods.Phone);

    /// <summary>The first question still to answer, or null when the report can be sent.</summary>
    public ReportStep? FirstUnanswered()
    {
        if (ReportingFor is null)
        {
            return ReportStep.ReportingFor;
        }

        if (InImmediateDanger is null)
        {
            return ReportStep.ImmediateDanger;
        }

        if (ForSomeoneElse && (string.IsNullOrWhiteSpace(PersonName) || PersonKnowsAboutReport is null || PersonContactRoute is null
            || (PersonContactRoute == Reports.PersonContactRoute.Directly && string.IsNullOrWhiteSpace(PersonContactDetails))))
        {
            return ReportStep.ThePerson;
        }

        if (Behaviours == StalkingBehaviours.None
            || (Behaviours.HasFlag(StalkingBehaviours.SomethingElse) && string.IsNullOrWhiteSpace(OtherBehaviour)))
        {
            return ReportStep.WhatHappened;
        }

        if (string.IsNullOrWhiteSpace(StartedWhen))
        {
            return ReportStep.WhenStarted;
        }

        if (HowOften is null)
        {
            return ReportStep.HowOften;
        }

        if (SuspectKnown is null)
        {
            return ReportStep.WhoIsDoingIt;
        }

        if (SuspectKnown == true && string.IsNullOrWhiteSpace(SuspectName) && string.IsNullOrWhiteSpace(SuspectDetails))
        {
            return ReportStep.AboutThem;
        }

        if (string.IsNullOrWhiteSpace(Effect))
        {
            return ReportStep.Effect;
        }

        if (ContactMethods is null)
        {
            return ReportStep.SafeContact;
        }

        if ((NeedsPhone && string.IsNullOrWhiteSpace(PhoneNumber)) || (NeedsEmail && string.IsNullOrWhiteSpace(Email)))
        {
            return ReportStep.ContactDetails;
        }

        if (WantsContact && string.IsNullOrWhiteSpace(SafeTimes))
        {
            return ReportStep.SafeTimes;
        }

        if (CanCall && VoicemailAllowed is null)
        {
            return ReportStep.Voicemail;
        }

        return null;
    }
}

public enum ReportStep
{
    ReportingFor,
    ImmediateDanger,
    ThePerson,
    WhatHappened,
    WhenStarted,
    HowOften,
    WhoIsDoingIt,
    AboutThem,
    Effect,
    SafeContact,
    ContactDetails,
    SafeTimes,
    Voicemail,
}
