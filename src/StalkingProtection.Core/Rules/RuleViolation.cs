using StalkingProtection.Core.Auditing;

namespace StalkingProtection.Core.Rules;

/// <summary>
/// A "must" of the Act or of the rulebook was broken (spo-rules.md §10: "must" means block). <see cref="RuleId"/> is the rulebook
/// ID (R1–R43), or for checks outside the rulebook one of "Input", "Status", "Service", "Authorisation", "Override" or "DPA2018".
/// <see cref="Field"/> is the camelCase request or property name (e.g. "conditions[0].endsOn") so pages can attach the message.
/// </summary>
public sealed record RuleViolation(string RuleId, string Field, string Message, string LegalSource);

/// <summary>A "should" was not met: it blocks unless the call carries an <see cref="Override"/> with a reason.</summary>
public sealed record RuleWarning(string RuleId, string Field, string Message, string LegalSource);

/// <summary>A recorded decision to proceed despite warnings; the reason goes into the audit entry.</summary>
public sealed record Override(string Reason, Actor By)
{
    public const int ReasonMaxLength = 2000;

    /// <summary>The audit entry's justification when warnings were overridden: who, in what role, which rules, and why.</summary>
    public static string? Justification(Override? @override, IReadOnlyList<RuleWarning> overridden) =>
        overridden.Count == 0 || @override is null
            ? null
            : $"Override by {@override.By.Name} ({@override.By.Role}) of {string.Join(", ", overridden.Select(w => w.RuleId).Distinct())}: {@override.Reason}";
}

public sealed class RuleViolationException : Exception
{
    public RuleViolationException(IReadOnlyList<RuleViolation> violations, IReadOnlyList<RuleWarning>? warnings = null)
        : base(Describe(violations, warnings ?? []))
    {
        Violations = violations;
        Warnings = warnings ?? [];
    }

    public RuleViolationException()
        : this([])
    {
    }

    public RuleViolationException(string message)
        : base(message)
    {
        Violations = [];
        Warnings = [];
    }

    public RuleViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Violations = [];
        Warnings = [];
    }

    public IReadOnlyList<RuleViolation> Violations { get; }

    /// <summary>Input the service cannot take (missing, too long): shown against <paramref name="field"/> like any broken rule.</summary>
    public static RuleViolationException Input(string field, string message) => new([new RuleViolation("Input", field, message, "")]) { IsInput = true };

    /// <summary>Made by <see cref="Input"/>: the API answers it 400 like any other invalid field, not 422.</summary>
    public bool IsInput { get; private init; }

    /// <summary>A value that must be unique is already held by another record: the API answers 409 naming the value.</summary>
    public static RuleViolationException Conflict(string field, string message) =>
        new([new RuleViolation("Conflict", field, message, "")]) { IsConflict = true };

    public bool IsConflict { get; private init; }

    /// <summary>Warnings that blocked because no override was given.</summary>
    public IReadOnlyList<RuleWarning> Warnings { get; }

    /// <summary>True when only warnings blocked, so repeating the call with an override would succeed.</summary>
    public bool CanBeOverridden => Violations.Count == 0 && Warnings.Count > 0;

    public IEnumerable<string> RuleIds => Violations.Select(v => v.RuleId).Concat(Warnings.Select(w => w.RuleId));

    private static string Describe(IReadOnlyList<RuleViolation> violations, IReadOnlyList<RuleWarning> warnings) =>
        string.Join(" ", violations.Select(v => v.Message).Concat(warnings.Select(w => "Warning: " + w.Message)));
}

/// <summary>
/// Collects every broken rule of one operation so the caller sees them all at once, then throws.
/// </summary>
public sealed class RuleCheck
{
    private readonly List<RuleViolation> _violations = [];
    private readonly List<RuleWarning> _warnings = [];

    public IReadOnlyList<RuleViolation> Violations => _violations;

    public IReadOnlyList<RuleWarning> Warnings => _warnings;

    /// <summary>
    /// The one rule for the dates of things that happened (an order made, a discharge decided, service, a notification, a breach,
    /// an appeal decided): they cannot be in the future, wherever they are entered. Only scheduled things (a hearing, the last day
    /// of an order) may be.
    /// </summary>
    public const string NotYetHappenedMessage = "This is the date something happened, so it cannot be in the future: enter today or an earlier date";

    public RuleCheck HasHappened(bool happened, string field) => Must(happened, "Input", field, NotYetHappenedMessage, "");

    /// <summary>Records a violation when <paramref name="ok"/> is false.</summary>
    public RuleCheck Must(bool ok, string ruleId, string field, string message, string legalSource)
    {
        if (!ok)
        {
            _violations.Add(new RuleViolation(ruleId, field, message, legalSource));
        }

        return this;
    }

    /// <summary>Records a warning when <paramref name="ok"/> is false.</summary>
    public RuleCheck Should(bool ok, string ruleId, string field, string message, string legalSource)
    {
        if (!ok)
        {
            _warnings.Add(new RuleWarning(ruleId, field, message, legalSource));
        }

        return this;
    }

    public void Add(RuleCheck other)
    {
        _violations.AddRange(other._violations);
        _warnings.AddRange(other._warnings);
    }

    /// <summary>
    /// Throws when a must is broken, or when a should is not met and no override with a reason was given.
    /// Returns the warnings that the override let through, for the audit entry.
    /// </summary>
    public IReadOnlyList<RuleWarning> ThrowIfBroken(Override? @override = null)
    {
        var violations = new List<RuleViolation>(_violations);
        if (_warnings.Count > 0 && @override is not null && string.IsNullOrWhiteSpace(@override.Reason))
        {
            violations.Add(new RuleViolation("Override", "overrideReason",
                "Give a reason for going ahead despite the warnings: an override must record why (spo-rules.md §10)",
                "spo-rules.md §10"));
        }

        var blockingWarnings = @override is null ? _warnings : [];
        if (violations.Count > 0 || blockingWarnings.Count > 0)
        {
            throw new RuleViolationException(violations, blockingWarnings);
        }

        return @override is null ? [] : _warnings.ToList();
    }
}
