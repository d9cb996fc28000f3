using StalkingProtection.Core.Rules;

namespace StalkingProtection.Web.Infrastructure.Journeys;

/// <summary>How a rule of the Act that Core refused reads on a workspace page: the plain reason, then its source and rule ID.</summary>
public static class RuleErrors
{
    /// <summary>"Select the kind of act (SPA 2019 s.1(6), R6)"; page-level checks ("Input", "Status", "Override") carry no rule ID.</summary>
    public static string Describe(string message, string ruleId, string legalSource)
    {
        ArgumentNullException.ThrowIfNull(message);
        var cited = message.Contains(ruleId, StringComparison.Ordinal) || ruleId is "Input" or "Status" or "Override";
        var source = string.IsNullOrEmpty(legalSource) || message.Contains(legalSource, StringComparison.Ordinal) ? "" : legalSource;
        var suffix = (cited, source.Length > 0) switch
        {
            (true, false) => "",
            (true, true) => $" ({source})",
            (false, false) => $" ({ruleId})",
            (false, true) => $" ({source}, {ruleId})",
        };
        return message + suffix;
    }

    public static string Describe(RuleWarning warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return Describe(warning.Message, warning.RuleId, warning.LegalSource);
    }
}
