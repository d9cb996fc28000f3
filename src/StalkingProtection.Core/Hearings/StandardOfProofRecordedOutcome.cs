namespace StalkingProtection.Core.Hearings;

/// <summary>
/// What recording the standard of proof at a hearing did (R38): the standard argued and the one the court said it applied, as
/// <see cref="Hearing.RecordStandardOfProof"/> left them. Pages and the API show the same words, from <see cref="Explain"/>.
/// </summary>
public sealed class StandardOfProofRecordedOutcome
{
    private StandardOfProofRecordedOutcome(Hearing hearing)
    {
        HearingId = hearing.Id;
        ApplicationId = hearing.ApplicationId;
        Argued = hearing.StandardArgued;
        Found = hearing.StandardFound;
        Version = hearing.Version;
    }

    public Guid HearingId { get; }

    public Guid ApplicationId { get; }

    public StandardOfProof Argued { get; }

    public StandardOfProof Found { get; }

    /// <summary>The hearing's version once the standard was saved (RL4).</summary>
    public long Version { get; }

    public const string RuleId = "R38";

    internal static StandardOfProofRecordedOutcome Recorded(Hearing hearing) => new(hearing);

    /// <summary>The outcome in plain English, citing the rule and the guidance it follows.</summary>
    public string Explain()
    {
        var found = Found == StandardOfProof.NotStated
            ? "the court did not state the standard it applied"
            : $"the court applied the {Words(Found)}";
        var words = $"Standard of proof recorded: the {Words(Argued)} was argued and {found} ({RuleId}).";
        return Argued == StandardOfProof.Criminal || Found == StandardOfProof.Criminal
            ? $"{words} The April 2024 statutory guidance says the civil standard is likely to apply ({RuleId})."
            : words;
    }

    private static string Words(StandardOfProof standard) => standard switch
    {
        StandardOfProof.Civil => "civil standard (the balance of probabilities)",
        StandardOfProof.Criminal => "criminal standard (beyond reasonable doubt)",
        _ => "standard not stated",
    };
}
