using StalkingProtection.Core.Reports;

namespace StalkingProtection.Core.Breaches;

public enum BreachReportStep
{
    OrderReference,
    ReportingFor,
    WhatHappened,
    WhenItHappened,
    WhereItHappened,
    Evidence,
    SafeContact,
    ContactDetails,
}

/// <summary>The answers of an unsent breach report, kept encrypted in its draft until it is sent or expires.</summary>
public sealed class ReportedBreachAnswers
{
    public string? OrderReference { get; set; }

    public ReportingFor? ReportingFor { get; set; }

    public string? WhatHappened { get; set; }

    public DateOnly? HappenedOn { get; set; }

    public TimeOnly? HappenedAtTime { get; set; }

    public string? Location { get; set; }

    /// <summary>True once the evidence question was answered, with or without evidence.</summary>
    public bool EvidenceAnswered { get; set; }

    public string? Evidence { get; set; }

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
    public BreachReportStep? FirstUnanswered()
    {
        if (string.IsNullOrWhiteSpace(OrderReference))
        {
            return BreachReportStep.OrderReference;
        }

        if (ReportingFor is null)
        {
            return BreachReportStep.ReportingFor;
        }

        if (string.IsNullOrWhiteSpace(WhatHappened))
        {
            return BreachReportStep.WhatHappened;
        }

        if (HappenedOn is null)
        {
            return BreachReportStep.WhenItHappened;
        }

        if (string.IsNullOrWhiteSpace(Location))
        {
            return BreachReportStep.WhereItHappened;
        }

        if (!EvidenceAnswered)
        {
            return BreachReportStep.Evidence;
        }

        if (ContactMethods is null)
        {
            return BreachReportStep.SafeContact;
        }

        if ((NeedsPhone && string.IsNullOrWhiteSpace(PhoneNumber)) || (NeedsEmail && string.IsNullOrWhiteSpace(Email))
            || (WantsContact && string.IsNullOrWhiteSpace(SafeTimes)) || (CanCall && VoicemailAllowed is null))
        {
            return BreachReportStep.ContactDetails;
        }

        return null;
    }
}
