namespace StalkingProtection.Core.Breaches;

/// <summary>
/// What deciding a reported breach did (SPA 2019 s.8(1), R39): the decision, the breach an arrest recorded on the order (R35, R36), and
/// whether the victims on the order's case who asked for breach outcomes are told (R41). Pages show the words of <see cref="Explain"/>.
/// </summary>
public sealed class ReportedBreachDecidedOutcome
{
    private ReportedBreachDecidedOutcome(ReportedBreach reported, Breach? breach, bool victimsTold)
    {
        ReportedBreachId = reported.Id;
        Decision = reported.Decision!.Value;
        BreachId = breach?.Id;
        OrderId = reported.OrderId;
        VictimsTold = victimsTold;
    }

    public Guid ReportedBreachId { get; }

    public ReportedBreachDecision Decision { get; }

    /// <summary>The breach recorded on the order with the arrest; none for any other decision.</summary>
    public Guid? BreachId { get; }

    public Guid? OrderId { get; }

    /// <summary>R41: an update with the decision and its reasons waits for the victims who asked for breach outcomes.</summary>
    public bool VictimsTold { get; }

    internal static ReportedBreachDecidedOutcome Decided(ReportedBreach reported, Breach? breach, bool victimsTold) => new(reported, breach, victimsTold);

    /// <summary>The outcome in plain English, citing the Act and the rules.</summary>
    public string Explain()
    {
        var decided = Decision switch
        {
            ReportedBreachDecision.Arrest =>
                $"Decision recorded: arrest. The breach is recorded on the order with the arrest (offence code {Breach.OffenceCode}, SPA 2019 s.8, R35).",
            ReportedBreachDecision.FurtherEnquiries => "Decision recorded: further enquiries (SPA 2019 s.8, R39).",
            _ => "Decision recorded: no breach (R39).",
        };
        return VictimsTold
            ? decided + " The victims who asked to hear of breach outcomes are sent the decision and its reasons (R41)."
            : decided;
    }
}
