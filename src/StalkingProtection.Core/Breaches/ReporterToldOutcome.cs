using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Breaches;

/// <summary>
/// What recording that the person who reported a breach was told the decision did (R41, Victims' Code right 6): how and when, as
/// <see cref="ReportedBreach.RecordVictimTold"/> kept it. Pages show the words from <see cref="Explain"/>.
/// </summary>
public sealed class ReporterToldOutcome
{
    private ReporterToldOutcome(ReportedBreach reported, ReporterToldHow how)
    {
        ReportedBreachId = reported.Id;
        How = how;
        ToldAt = reported.VictimToldAt!.Value;
        Version = reported.Version;
    }

    public Guid ReportedBreachId { get; }

    public ReporterToldHow How { get; }

    public DateTimeOffset ToldAt { get; }

    /// <summary>The reported breach's version once the change was saved (RL4).</summary>
    public long Version { get; }

    public const string RuleId = "R41";

    internal static ReporterToldOutcome Told(ReportedBreach reported, ReporterToldHow how) => new(reported, how);

    /// <summary>The outcome in plain English, citing the rule.</summary>
    public string Explain() =>
        $"Recorded that the person who reported was told the decision {(How == ReporterToldHow.PhoneCall ? "by a phone call" : "in person")} on {DateWords.At(ToldAt)} "
        + $"({RuleId}, Victims' Code right 6).";
}
