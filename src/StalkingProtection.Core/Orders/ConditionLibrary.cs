using System.Globalization;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Orders;

public enum TemplateParameterKind
{
    Text,
    Number,
    DistanceInMetres,
    Person,
    Place,
    Station,
    Programme,
}

/// <summary>One blank in a template's wording: what to ask for, and how much may be entered.</summary>
public sealed record TemplateParameter(string Key, string Label, string? Hint, TemplateParameterKind Kind, bool Required, int MaxLength)
{
    /// <summary>The largest distance a condition may name: 100 km.</summary>
    public const int MaxMetres = 100_000;

    public bool IsWholeNumber => Kind is TemplateParameterKind.Number or TemplateParameterKind.DistanceInMetres;
}

/// <summary>
/// A typical prohibition or requirement (spo-rules.md §2.1) with the blanks its wording needs. Free text is the
/// <see cref="ConditionLibrary.OtherKey"/> template, whose type and category the user chooses.
/// </summary>
public sealed class ConditionTemplate(string key, string title, string description, ConditionType? type, ConditionCategory? category,
    IReadOnlyList<TemplateParameter> parameters, Func<Func<string, string?>, string> wording, ConditionScope scope = ConditionScope.AllUk,
    string? localityParameter = null, string? mapReferenceParameter = null)
{
    public string Key => key;

    public string Title => title;

    public string Description => description;

    /// <summary>Null only for the free-text template.</summary>
    public ConditionType? Type => type;

    public ConditionCategory? Category => category;

    public ConditionScope Scope => scope;

    public IReadOnlyList<TemplateParameter> Parameters => parameters;

    /// <summary>For a locality-limited template (R10), the parameter that describes the locality.</summary>
    public string? LocalityParameter => localityParameter;

    public string? MapReferenceParameter => mapReferenceParameter;

    /// <summary>Checks the values against the parameters; fields are named "parameters.{key}".</summary>
    public RuleCheck Check(IReadOnlyDictionary<string, string>? values)
    {
        var check = new RuleCheck();
        foreach (var p in parameters)
        {
            var value = Value(values, p.Key);
            var field = "parameters." + p.Key;
            if (value is null)
            {
                check.Must(!p.Required, "Input", field, $"Enter {Lower(p.Label)}", "");
                continue;
            }

            check.Must(p.IsWholeNumber || value.Length <= p.MaxLength, "Input", field, $"{p.Label} must be {p.MaxLength} characters or fewer", "");
            if (p.IsWholeNumber)
            {
                var max = p.Kind == TemplateParameterKind.DistanceInMetres ? TemplateParameter.MaxMetres : int.MaxValue;
                var ok = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= max;
                check.Must(ok, "Input", field, p.Kind == TemplateParameterKind.DistanceInMetres
                    ? $"{p.Label} must be a whole number of metres from 1 to {TemplateParameter.MaxMetres:N0}"
                    : $"{p.Label} must be a whole number, 1 or more", "");
            }
        }

        return check;
    }

    /// <summary>The wording with the blanks filled in. Call only after <see cref="Check"/> passed.</summary>
    public string Wording(IReadOnlyDictionary<string, string>? values) => wording(k => Value(values, k));

    /// <summary>
    /// The draft with the template's type, category, scope, wording and locality; the rest (who it protects, why, R9, how long)
    /// comes from <paramref name="rest"/>. The free-text template keeps the type, category and wording of <paramref name="rest"/>.
    /// </summary>
    public ConditionDraft Apply(IReadOnlyDictionary<string, string>? values, ConditionDraft rest)
    {
        ArgumentNullException.ThrowIfNull(rest);
        var locality = scope == ConditionScope.Locality;
        return rest with
        {
            Type = type ?? rest.Type,
            Category = category ?? rest.Category,
            Wording = Wording(values),
            Scope = type is null ? rest.Scope : scope,
            LocalityText = locality && localityParameter is not null ? Value(values, localityParameter) : type is null ? rest.LocalityText : null,
            MapReference = locality && mapReferenceParameter is not null ? Value(values, mapReferenceParameter) : type is null ? rest.MapReference : null,
            LocalityPolygon = locality || type is null ? rest.LocalityPolygon : null,
        };
    }

    private static string? Value(IReadOnlyDictionary<string, string>? values, string key) =>
        values is not null && values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    private static string Lower(string label) => label.Length == 0 ? label : char.ToLowerInvariant(label[0]) + label[1..];
}

/// <summary>
/// The condition library: the typical prohibitions and requirements of stalking protection orders (spo-rules.md §2.1, from CPS
/// and practitioner guidance), each written from a few answers, plus free text.
/// </summary>
public static class ConditionLibrary
{
    public const string OtherKey = "other";

    private const int NameLength = 200;

    private static TemplateParameter Person(string label = "Name of the person to protect") =>
        new("person", label, "Their full name, as it will appear in the order", TemplateParameterKind.Person, true, NameLength);

    public static IReadOnlyList<ConditionTemplate> Templates { get; } =
    [
        new("no-contact", "No contact by any means", "Not to contact the person directly or indirectly, including through social media or a third party",
            ConditionType.Prohibition, ConditionCategory.NoContact, [Person()],
            v => $"Not to contact {v("person")} directly or indirectly by any means, including through social media or a third party."),
        new("exclusion-zone", "Not to enter a named area", "Not to enter an area, described in words and optionally shown on a map",
            ConditionType.Prohibition, ConditionCategory.ExclusionZone,
            [
                new("area", "Area the respondent must not enter", "For example, the streets bounded by Park Road, Hill Street and the A58, Leeds",
                    TemplateParameterKind.Place, true, Condition.LocalityMaxLength),
                new("mapReference", "Map reference (optional)", "For example, an OS grid reference or 'annexed to the order as exhibit AB/1'",
                    TemplateParameterKind.Text, false, LocalityMap.MapReferenceMaxLength),
            ],
            v => v("mapReference") is { } map
                ? $"Not to enter the area of {v("area")} as shown on the map {map}."
                : $"Not to enter the area of {v("area")}.",
            ConditionScope.Locality, "area", "mapReference"),
        new("no-approach-distance", "Not to come within a distance", "Not to come within a stated number of metres of the person",
            ConditionType.Prohibition, ConditionCategory.NoApproach,
            [
                new("distance", "Distance in metres", "A whole number, for example 100", TemplateParameterKind.DistanceInMetres, true, 6),
                Person(),
            ],
            v => $"Not to come within {v("distance")} metres of {v("person")}."),
        new("no-online-reference", "Not to refer to the person online", "Not to refer to the person online, including on social media",
            ConditionType.Prohibition, ConditionCategory.OnlineOrSocialMedia, [Person()],
            v => $"Not to refer to {v("person")} online, including on social media."),
        new("device-access", "Give police access to devices and accounts", "To give police access to devices and accounts, with their passwords, on request",
            ConditionType.Requirement, ConditionCategory.DeviceSurrenderOrAccess,
            [
                new("devices", "Devices and accounts", "For example, any mobile phone, computer and social media account he owns or uses",
                    TemplateParameterKind.Text, true, 500),
            ],
            v => $"To give police access to {v("devices")} with their passwords on request."),
        new("attend-assessment", "Attend an assessment", "To attend an assessment, for example of suitability for treatment or of mental health",
            ConditionType.Requirement, ConditionCategory.Assessment,
            [
                new("assessment", "Assessment", "For example, an assessment of suitability for treatment by the stalking clinic",
                    TemplateParameterKind.Programme, true, 500),
            ],
            v => $"To attend {v("assessment")} at the time and place notified to him by the police."),
        new("attend-programme", "Attend a programme", "To attend and take part in a programme, for example a perpetrator intervention programme",
            ConditionType.Requirement, ConditionCategory.ProgrammeAttendance,
            [
                new("programme", "Programme", "For example, a perpetrator intervention programme (MASIP)", TemplateParameterKind.Programme, true, 500),
            ],
            v => $"To attend and take part in {v("programme")} as arranged by the police, until it is completed."),
        new("sign-on", "Sign on at a police station", "To report at a named police station at stated times",
            ConditionType.Requirement, ConditionCategory.ReportingOrSignOn,
            [
                new("station", "Police station", "For example, Elland Road", TemplateParameterKind.Station, true, NameLength),
                new("frequency", "When to sign on", "For example, every Monday between 9am and 5pm", TemplateParameterKind.Text, true, NameLength),
            ],
            v => $"To sign on at {Station(v("station"))} police station {v("frequency")}."),
        new(OtherKey, "Other (write the condition)", "Write the prohibition or requirement in full",
            null, null,
            [
                new("wording", "Wording of the condition", "As you want the court to make it", TemplateParameterKind.Text, true, Condition.WordingMaxLength),
            ],
            v => v("wording") ?? ""),
    ];

    public static ConditionTemplate? Find(string? key) => Templates.FirstOrDefault(t => t.Key == key);

    /// <summary>
    /// The draft a proposal describes: from its template and parameters when it names one, otherwise as written. Unknown templates
    /// and bad parameter values are broken rules.
    /// </summary>
    public static ConditionDraft Compose(string? templateKey, IReadOnlyDictionary<string, string>? parameters, ConditionDraft rest, RuleCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (templateKey is null)
        {
            return rest;
        }

        if (Find(templateKey) is not { } template)
        {
            check.Must(false, "Input", "templateKey", $"There is no condition template called '{templateKey}'", "");
            return rest;
        }

        var unknown = (parameters?.Keys ?? []).Where(k => template.Parameters.All(p => p.Key != k)).ToList();
        check.Must(unknown.Count == 0, "Input", "parameters", $"The template '{templateKey}' has no parameter called {string.Join(", ", unknown.Select(k => $"'{k}'"))}", "");
        var parameterCheck = template.Check(parameters);
        check.Add(parameterCheck);
        return parameterCheck.Violations.Count == 0 ? template.Apply(parameters, rest) : rest;
    }

    // "Elland Road Police Station" and "Elland Road" both read "Elland Road police station".
    // Before the blanks are filled (the journey shows the wording so far), the station is left blank like any other.
    private static string? Station(string? station) =>
        station?.EndsWith(" police station", StringComparison.OrdinalIgnoreCase) == true ? station[..^" police station".Length] : station;
}
