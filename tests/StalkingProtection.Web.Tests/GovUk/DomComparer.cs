using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace StalkingProtection.Web.Tests.GovUk;

/// <summary>
/// Compares two HTML fragments as parsed DOM: whitespace-only text nodes and comments are ignored, text is compared
/// with each run of whitespace collapsed to one space, attribute order is irrelevant and the class attribute is compared as a set.
/// </summary>
internal static partial class DomComparer
{
    private static readonly HtmlParser Parser = new();

    public static string? Compare(string expectedHtml, string actualHtml)
    {
        var expected = Parse(expectedHtml);
        var actual = Parse(actualHtml);
        return CompareNodes(Significant(expected), Significant(actual), "fragment");
    }

    public static IReadOnlyList<INode> Parse(string html)
    {
        var document = Parser.ParseDocument(string.Empty);
        return [.. Parser.ParseFragment(html, document.Body!)];
    }

    private static List<INode> Significant(IEnumerable<INode> nodes) =>
        [.. nodes.Where(n => n.NodeType == NodeType.Element || (n.NodeType == NodeType.Text && !string.IsNullOrWhiteSpace(n.TextContent)))];

    private static string? CompareNodes(List<INode> expected, List<INode> actual, string path)
    {
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            if (i >= expected.Count)
            {
                return $"{path}: unexpected extra node {Describe(actual[i])}";
            }

            if (i >= actual.Count)
            {
                return $"{path}: missing node {Describe(expected[i])}";
            }

            var difference = CompareNode(expected[i], actual[i], path);
            if (difference is not null)
            {
                return difference;
            }
        }

        return null;
    }

    private static string? CompareNode(INode expected, INode actual, string path)
    {
        if (expected.NodeType != actual.NodeType)
        {
            return $"{path}: expected {Describe(expected)} but found {Describe(actual)}";
        }

        if (expected is IText)
        {
            var expectedText = Collapse(expected.TextContent);
            var actualText = Collapse(actual.TextContent);
            return expectedText == actualText ? null : $"{path}: expected text \"{expectedText}\" but found \"{actualText}\"";
        }

        var expectedElement = (IElement)expected;
        var actualElement = (IElement)actual;
        var elementPath = $"{path} > {expectedElement.LocalName}";
        if (expectedElement.LocalName != actualElement.LocalName)
        {
            return $"{path}: expected <{expectedElement.LocalName}> but found <{actualElement.LocalName}>";
        }

        var expectedAttributes = Attributes(expectedElement);
        var actualAttributes = Attributes(actualElement);
        if (!expectedAttributes.SetEquals(actualAttributes))
        {
            return $"{elementPath}: attributes differ; expected [{string.Join(", ", expectedAttributes.Order())}] but found [{string.Join(", ", actualAttributes.Order())}]";
        }

        return CompareNodes(Significant(expectedElement.ChildNodes), Significant(actualElement.ChildNodes), elementPath);
    }

    private static HashSet<string> Attributes(IElement element) =>
        [.. element.Attributes.Select(a => a.Name == "class"
            ? "class=" + string.Join(' ', a.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Order(StringComparer.Ordinal))
            : a.Name + "=" + a.Value)];

    private static string Collapse(string text) => Whitespace().Replace(text, " ");

    private static string Describe(INode node) => node switch
    {
        IElement element => $"<{element.LocalName} class=\"{element.ClassName}\">",
        _ => $"text \"{Collapse(node.TextContent)}\"",
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
