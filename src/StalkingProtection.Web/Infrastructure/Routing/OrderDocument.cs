namespace StalkingProtection.Web.Infrastructure.Routing;

/// <summary>The documents an order's documents page generates, named in its address (<see cref="OrderLinks.Document"/>).</summary>
public enum OrderDocument
{
    OrderBriefing,
    VictimCopy,
    VictimCopyWelsh,
    StatementOfService,
    Acknowledgement,
}
