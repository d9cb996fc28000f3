namespace StalkingProtection.Core.Orders;

/// <summary>
/// What recording an order's Police National Computer entry did (R42): the reference <see cref="StalkingProtectionOrder.RecordPncEntry"/>
/// kept, the one it replaced, and how many "record on the PNC" tasks it met. Pages and the API show the same words, from <see cref="Explain"/>.
/// </summary>
public sealed class PncEntryRecordedOutcome
{
    private PncEntryRecordedOutcome(StalkingProtectionOrder order, string? previousReference, int tasksCompleted)
    {
        OrderId = order.Id;
        Reference = order.PncReference!;
        PreviousReference = previousReference;
        TasksCompleted = tasksCompleted;
        Version = order.Version;
    }

    public Guid OrderId { get; }

    public string Reference { get; }

    /// <summary>The reference recorded before, when this one corrects or replaces it.</summary>
    public string? PreviousReference { get; }

    /// <summary>R42: the open "record on the PNC" tasks the entry met.</summary>
    public int TasksCompleted { get; }

    /// <summary>The order's version once the reference was saved (RL4).</summary>
    public long Version { get; }

    public const string RuleId = "R42";

    internal static PncEntryRecordedOutcome Recorded(StalkingProtectionOrder order, string? previousReference, int tasksCompleted) =>
        new(order, previousReference, tasksCompleted);

    /// <summary>The outcome in plain English, citing the rule.</summary>
    public string Explain()
    {
        var words = $"PNC reference {Reference} recorded.";
        if (PreviousReference is { } previous && previous != Reference)
        {
            words += $" It replaces {previous}.";
        }

        words += TasksCompleted switch
        {
            0 => $" The order's entry on the Police National Computer is recorded ({RuleId}).",
            1 => $" The order's entry on the Police National Computer is recorded and the task to record it is done ({RuleId}).",
            _ => $" The order's entry on the Police National Computer is recorded and the {TasksCompleted} tasks to record it are done ({RuleId}).",
        };
        return words;
    }
}
