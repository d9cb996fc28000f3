namespace StalkingProtection.Core.People;

/// <summary>
/// What recording a victim's contact details did: whether they were recorded for the first time, and which fields changed (never
/// their values). The details are encrypted at rest and every read is logged (DPA 2018 s.62). The words come from <see cref="Explain"/>.
/// </summary>
public sealed record VictimContactSetOutcome(Guid VictimId, bool FirstRecorded, IReadOnlyList<string> ChangedFields)
{
    public const string LegalSource = "DPA 2018 s.62";

    /// <summary>The outcome in plain English, naming the fields and never their values.</summary>
    public string Explain()
    {
        var fields = ChangedFields.Count == 0 ? "nothing changed" : string.Join(", ", ChangedFields);
        return $"Contact details {(FirstRecorded ? "recorded" : "changed")} ({fields}). They are kept encrypted, and every read is logged with its reason ({LegalSource}).";
    }
}
