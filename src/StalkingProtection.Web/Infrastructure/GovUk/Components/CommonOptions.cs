namespace StalkingProtection.Web.Infrastructure.GovUk.Components;

public sealed record ContentOptions
{
    public string? Text { get; init; }

    public string? Html { get; init; }
}

public sealed record LabelOptions
{
    public string? Text { get; init; }

    public string? Html { get; init; }

    public string? Classes { get; init; }

    public bool IsPageHeading { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }

    public string? For { get; init; }
}

public sealed record HintOptions
{
    public string? Id { get; init; }

    public string? Text { get; init; }

    public string? Html { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public sealed record ErrorMessageOptions
{
    public string? Id { get; init; }

    public string? Text { get; init; }

    public string? Html { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }

    /// <summary>Defaults to "Error"; an empty string removes the visually hidden prefix.</summary>
    public string? VisuallyHiddenText { get; init; }
}

public sealed record LegendOptions
{
    public string? Text { get; init; }

    public string? Html { get; init; }

    public string? Classes { get; init; }

    public bool IsPageHeading { get; init; }
}

public sealed record FieldsetOptions
{
    public string? DescribedBy { get; init; }

    public LegendOptions? Legend { get; init; }

    public string? Classes { get; init; }

    public string? Role { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }

    public string? Html { get; init; }
}

public sealed record FormGroupOptions
{
    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }

    public ContentOptions? BeforeInput { get; init; }

    public ContentOptions? AfterInput { get; init; }

    public ContentOptions? BeforeInputs { get; init; }

    public ContentOptions? AfterInputs { get; init; }
}
