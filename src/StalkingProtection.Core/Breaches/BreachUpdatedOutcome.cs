using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Breaches;

/// <summary>
/// What recording the progress or outcome of a breach did (SPA 2019 s.8, R37, R41): the breach as <see cref="Breach.RecordProgress(BreachProgress, DateTimeOffset)"/>
/// and <see cref="Breach.RecordOutcome"/> left it, the outcome it had before, and whether a new outcome is passed on to the victims who
/// asked for updates. Pages and the API show the same words, from <see cref="Explain"/>.
/// </summary>
public sealed class BreachUpdatedOutcome
{
    private BreachUpdatedOutcome(Breach breach, BreachOutcome before)
    {
        BreachId = breach.Id;
        OrderId = breach.OrderId;
        OutcomeBefore = before;
        Outcome = breach.Outcome;
        CrimeReference = breach.CrimeReference;
        ArrestedAt = breach.ArrestedAt;
        ChargedAt = breach.ChargedAt;
        Plea = breach.Plea;
        PleaOn = breach.PleaOn;
        ConvictedOn = breach.ConvictedOn;
        Sentence = breach.Sentence;
        VictimInformedAt = breach.VictimInformedAt;
        Version = breach.Version;
    }

    public Guid BreachId { get; }

    public Guid OrderId { get; }

    public BreachOutcome OutcomeBefore { get; }

    public BreachOutcome Outcome { get; }

    public string? CrimeReference { get; }

    public DateTimeOffset? ArrestedAt { get; }

    public DateTimeOffset? ChargedAt { get; }

    public BreachPlea? Plea { get; }

    public DateOnly? PleaOn { get; }

    public DateOnly? ConvictedOn { get; }

    public string? Sentence { get; }

    /// <summary>R41: when the victim was told of the breach.</summary>
    public DateTimeOffset? VictimInformedAt { get; }

    /// <summary>R41: the outcome changed, so the victims who asked for updates are told it.</summary>
    public bool VictimsToldOfNewOutcome => Outcome != OutcomeBefore;

    /// <summary>The breach's version once the change was saved (RL4).</summary>
    public long Version { get; }

    public const string LegalSource = "SPA 2019 s.8";

    internal static BreachUpdatedOutcome Updated(Breach breach, BreachOutcome before) => new(breach, before);

    /// <summary>The outcome in plain English, citing the Act and the rules.</summary>
    public string Explain()
    {
        var words = VictimsToldOfNewOutcome
            ? $"Breach updated (offence code {Breach.OffenceCode}), no longer {Words(OutcomeBefore)}: {Describe()}."
            : $"Breach updated (offence code {Breach.OffenceCode}): {Describe()}.";
        var steps = new List<string>();
        if (CrimeReference is { } reference)
        {
            steps.Add($"crime reference {reference}");
        }

        if (ArrestedAt is { } arrested)
        {
            steps.Add($"arrested on {DateWords.Of(LondonTime.DateOf(arrested))}");
        }

        if (ChargedAt is { } charged)
        {
            steps.Add($"charged on {DateWords.Of(LondonTime.DateOf(charged))}");
        }

        if (Plea is { } plea && PleaOn is { } pleaOn)
        {
            steps.Add($"pleaded {(plea == BreachPlea.Guilty ? "guilty" : "not guilty")} on {DateWords.Of(pleaOn)}");
        }

        if (!string.IsNullOrWhiteSpace(Sentence))
        {
            steps.Add($"sentence {Sentence}");
        }

        if (steps.Count > 0)
        {
            words += $" Recorded: {string.Join("; ", steps)}.";
        }

        if (VictimInformedAt is { } informed)
        {
            words += $" The victim was told of the breach on {DateWords.Of(LondonTime.DateOf(informed))} (R41).";
        }

        if (VictimsToldOfNewOutcome)
        {
            words += " The victims who asked for updates will be told the new outcome (R41, Victims' Code).";
        }

        return words;
    }

    private string Describe() => Outcome switch
    {
        BreachOutcome.Convicted => $"the respondent was convicted on {DateWords.Of(ConvictedOn!.Value)} of breaching the order, an offence under {LegalSource}(1) "
            + $"punishable on indictment by up to {LegalRuleSet.IndictmentMaximumYears} years' imprisonment ({LegalSource}(2), R37)",
        BreachOutcome.Charged => $"the respondent is charged with breaching the order, an offence under {LegalSource}(1) (R37)",
        BreachOutcome.ReasonableExcuseAccepted => $"a reasonable excuse was accepted, so no offence under {LegalSource}(1) is pursued",
        _ => $"the outcome is {Words(Outcome)}",
    };

    private static string Words(BreachOutcome outcome) => outcome switch
    {
        BreachOutcome.UnderInvestigation => "under investigation",
        BreachOutcome.NoFurtherAction => "no further action",
        BreachOutcome.Charged => "charged",
        BreachOutcome.Convicted => "convicted",
        BreachOutcome.Acquitted => "acquitted",
        _ => "reasonable excuse accepted",
    };
}
