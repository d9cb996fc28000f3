using System.Text;

namespace StalkingProtection.Web.Infrastructure.GovUk.Components;

internal static class HtmlText
{
    public static string Encode(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(value.Length + 16);
        foreach (var character in value)
        {
            builder.Append(character switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => character.ToString(),
            });
        }

        return builder.ToString();
    }

    // GOV.UK templates prefer html (unescaped, trimmed) and fall back to text (escaped).
    public static string Content(string? html, string? text) =>
        !string.IsNullOrEmpty(html) ? html.Trim() : Encode(text);

    public static bool HasContent(string? html, string? text) =>
        !string.IsNullOrEmpty(html) || !string.IsNullOrEmpty(text);

    public static string Classes(string baseClasses, params string?[] extra)
    {
        var builder = new StringBuilder(baseClasses);
        foreach (var value in extra)
        {
            if (!string.IsNullOrEmpty(value))
            {
                builder.Append(' ').Append(value);
            }
        }

        return builder.ToString();
    }

    public static string Attributes(IReadOnlyDictionary<string, string?>? attributes)
    {
        if (attributes is null || attributes.Count == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var (name, value) in attributes)
        {
            builder.Append(' ').Append(Encode(name)).Append("=\"").Append(Encode(value)).Append('"');
        }

        return builder.ToString();
    }

    public static string Attribute(string name, string? value) =>
        value is null ? string.Empty : " " + name + "=\"" + Encode(value) + "\"";

    public static string AttributeIfNotEmpty(string name, string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty : Attribute(name, value);

    public static string JoinIds(string? first, string? second) =>
        string.IsNullOrEmpty(first) ? second ?? string.Empty : string.IsNullOrEmpty(second) ? first : first + " " + second;
}
