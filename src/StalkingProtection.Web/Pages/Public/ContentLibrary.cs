using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace StalkingProtection.Web.Pages.Public;

public sealed record ContentPage(string Slug, string Title, string Html);

/// <summary>
/// The public site's text, kept in Markdown files under Content/ so that the force's content team can change it
/// without code. Raw HTML in the files is not rendered; headings, paragraphs, lists and links get GOV.UK classes.
/// </summary>
public sealed partial class ContentLibrary(IWebHostEnvironment environment)
{
    private static readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();
    private readonly ConcurrentDictionary<string, (DateTime Written, ContentPage Page)> _cache = new(StringComparer.Ordinal);

    private string Folder => Path.Combine(environment.ContentRootPath, "Content");

    /// <summary>The page for a slug such as "what-is-stalking", or null when there is no such file.</summary>
    public ContentPage? Find(string? slug)
    {
        // Only plain slugs name a file, so a request can never reach outside the content folder.
        if (slug is null || !SlugPattern().IsMatch(slug))
        {
            return null;
        }

        var path = Path.Combine(Folder, slug + ".md");
        if (!File.Exists(path))
        {
            return null;
        }

        var written = File.GetLastWriteTimeUtc(path);
        if (_cache.TryGetValue(slug, out var cached) && cached.Written == written)
        {
            return cached.Page;
        }

        var page = Render(slug, File.ReadAllText(path));
        _cache[slug] = (written, page);
        return page;
    }

    public static ContentPage Render(string slug, string markdown)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        string? title = null;
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HeadingBlock heading:
                    if (heading.Level == 1)
                    {
                        title ??= InlineText(heading.Inline);
                    }

                    heading.GetAttributes().AddClass(heading.Level switch
                    {
                        1 => "govuk-heading-l",
                        2 => "govuk-heading-m",
                        _ => "govuk-heading-s",
                    });
                    break;
                case ParagraphBlock paragraph when paragraph.Parent is MarkdownDocument or QuoteBlock:
                    paragraph.GetAttributes().AddClass("govuk-body");
                    break;
                case ListBlock list:
                    list.GetAttributes().AddClass(list.IsOrdered ? "govuk-list govuk-list--number" : "govuk-list govuk-list--bullet");
                    break;
                case QuoteBlock quote:
                    quote.GetAttributes().AddClass("govuk-inset-text");
                    break;
                case ThematicBreakBlock rule:
                    rule.GetAttributes().AddClass("govuk-section-break govuk-section-break--l govuk-section-break--visible");
                    break;
                case LinkInline { IsImage: false } link:
                    link.GetAttributes().AddClass("govuk-link");
                    break;
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return new ContentPage(slug, title ?? slug, writer.ToString());
    }

    private static string InlineText(ContainerInline? inline) =>
        inline is null ? string.Empty : string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
