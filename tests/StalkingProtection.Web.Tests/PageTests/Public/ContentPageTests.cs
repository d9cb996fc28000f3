using System.Net;
using StalkingProtection.Web.Pages.Public;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Public;

public class ContentPageTests(PublicSiteFactory factory) : IClassFixture<PublicSiteFactory>
{
    public static TheoryData<string, string> Pages => new()
    {
        { "/", "Stalking: get help and report it" },
        { "/what-is-stalking", "What stalking is" },
        { "/stalking-protection-orders", "Stalking Protection Orders" },
        { "/after-you-report", "What happens after you report" },
        { "/support", "Get support" },
        { "/cover-your-tracks", "Cover your tracks online" },
        { "/accessibility", "Accessibility statement" },
        { "/privacy", "Privacy notice" },
        { "/cookies", "Cookies" },
        { "/feedback", "Give feedback on this website" },
        { "/report", "Report stalking" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Get_PublicPage_ShowsHeadingQuickExitAndStrictHeaders(string url, string heading)
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync(url);
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(heading, document.HeadingText());
        Assert.Equal(heading == "Stalking: get help and report it" ? "Stalking Protection - Demo Constabulary" : $"{heading} - Stalking Protection - Demo Constabulary", document.Title);
        var exit = document.QuerySelector("a.app-quick-exit__button")!;
        Assert.Equal("/leave", exit.GetAttribute("href"));
        Assert.Contains("To leave this site quickly, select the Leave this site button", document.QuerySelector(".app-quick-exit")!.TextContent, StringComparison.Ordinal);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Empty(document.QuerySelectorAll("[onclick], [onload], [onsubmit], [onchange]"));
        Assert.All(document.QuerySelectorAll("script:not([src])"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("nonce"))));
        Assert.All(document.QuerySelectorAll("script[src], link[href], img[src]"),
            e => Assert.StartsWith("/", e.GetAttribute("src") ?? e.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_ContentPage_RendersMarkdownWithGovUkClasses()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var document = await client.GetDocumentAsync("/what-is-stalking");

        // Assert
        var main = document.QuerySelector("main")!;
        Assert.NotNull(main.QuerySelector("h1.govuk-heading-l"));
        Assert.NotEmpty(main.QuerySelectorAll("h2.govuk-heading-m"));
        Assert.NotEmpty(main.QuerySelectorAll("p.govuk-body"));
        Assert.NotEmpty(main.QuerySelectorAll("ul.govuk-list.govuk-list--bullet"));
        Assert.NotEmpty(main.QuerySelectorAll("a.govuk-link[href='/report']"));
        foreach (var word in new[] { "Fixated", "Obsessive", "Unwanted", "Repeated" })
        {
            Assert.Contains(word, main.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Get_SpoPage_ExplainsTheOrderInPlainEnglish()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var text = (await client.GetDocumentAsync("/stalking-protection-orders")).QuerySelector("main")!.TextContent;

        // Assert
        Assert.Contains("magistrates' court", text, StringComparison.Ordinal);
        Assert.Contains("not an alternative to prosecution", text, StringComparison.Ordinal);
        Assert.Contains("at least 2 years", text, StringComparison.Ordinal);
        Assert.Contains("step in early", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_SupportPage_ListsHelplines()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var text = (await client.GetDocumentAsync("/support")).QuerySelector("main")!.TextContent;

        // Assert
        Assert.Contains("0808 802 0300", text, StringComparison.Ordinal);
        Assert.Contains("Paladin", text, StringComparison.Ordinal);
        Assert.Contains("Victim Support", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/What-Is-Stalking.md")]
    [InlineData("/..%2F..%2Fappsettings")]
    [InlineData("/what-is-stalking/extra")]
    public async Task Get_UnknownSlug_Returns404WithQuickExit(string url)
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync(url);
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", document.HeadingText());
        Assert.NotNull(document.QuerySelector(".app-quick-exit__button"));
    }

    [Fact]
    public void Render_RawHtmlInMarkdown_IsNotRendered()
    {
        // Arrange
        const string markdown = "# Title\n\n<script>alert(1)</script>\n\nText with <b>bold</b>.";

        // Act
        var page = ContentLibrary.Render("test", markdown);

        // Assert
        Assert.Equal("Title", page.Title);
        Assert.DoesNotContain("<script>", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OrderedListAndQuote_GetGovUkClasses()
    {
        // Arrange
        const string markdown = "# T\n\n1. one\n2. two\n\n> inset\n\n---\n\n[link](/x)";

        // Act
        var page = ContentLibrary.Render("test", markdown);

        // Assert
        Assert.Contains("<ol class=\"govuk-list govuk-list--number\">", page.Html, StringComparison.Ordinal);
        Assert.Contains("<blockquote class=\"govuk-inset-text\">", page.Html, StringComparison.Ordinal);
        Assert.Contains("govuk-section-break--visible", page.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/x\" class=\"govuk-link\">", page.Html, StringComparison.Ordinal);
    }
}
