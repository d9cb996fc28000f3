namespace StalkingProtection.Web.Infrastructure.GovUk.Components;

public sealed record ChoiceItemLabelOptions
{
    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public sealed record ChoiceItemHintOptions
{
    public string? Text { get; init; }

    public string? Html { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public sealed record ConditionalOptions
{
    public string? Html { get; init; }
}

public sealed record ChoiceItem
{
    public string? Text { get; init; }

    public string? Html { get; init; }

    public string? Id { get; init; }

    /// <summary>Checkboxes only: overrides the group name for this item.</summary>
    public string? Name { get; init; }

    public string? Value { get; init; }

    public ChoiceItemLabelOptions? Label { get; init; }

    public ChoiceItemHintOptions? Hint { get; init; }

    public string? Divider { get; init; }

    public bool? Checked { get; init; }

    public ConditionalOptions? Conditional { get; init; }

    /// <summary>Checkboxes only: "exclusive" for a "none of these" item.</summary>
    public string? Behaviour { get; init; }

    public bool? Disabled { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}
