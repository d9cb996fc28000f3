using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;
using StalkingProtection.Web.Infrastructure.GovUk.Components;

namespace StalkingProtection.Web.Infrastructure.GovUk.TagHelpers;

public abstract class GovUkContentTagHelper : TagHelper
{
    /// <summary>Extra classes for the component (the GOV.UK <c>classes</c> param).</summary>
    [HtmlAttributeName("class")]
    public string? Classes { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var content = await output.GetChildContentAsync();
        var html = content.IsEmptyOrWhiteSpace ? null : content.GetContent();
        var attributes = ModelStateFields.UnboundAttributes(output);
        output.TagName = null;
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.Clear();
        output.Content.SetHtmlContent(Render(html, attributes));
    }

    protected abstract IHtmlContent Render(string? html, IReadOnlyDictionary<string, string?>? attributes);
}

/// <summary><c>&lt;govuk-button&gt;Save and continue&lt;/govuk-button&gt;</c>, or a link button with <c>href</c>.</summary>
[HtmlTargetElement("govuk-button")]
public sealed class GovUkButtonTagHelper : GovUkContentTagHelper
{
    [HtmlAttributeName("type")]
    public string? Type { get; set; }

    [HtmlAttributeName("name")]
    public string? Name { get; set; }

    [HtmlAttributeName("value")]
    public string? Value { get; set; }

    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    [HtmlAttributeName("disabled")]
    public bool Disabled { get; set; }

    [HtmlAttributeName("is-start-button")]
    public bool IsStartButton { get; set; }

    [HtmlAttributeName("prevent-double-click")]
    public bool? PreventDoubleClick { get; set; }

    [HtmlAttributeName("id")]
    public string? Id { get; set; }

    protected override IHtmlContent Render(string? html, IReadOnlyDictionary<string, string?>? attributes) => GovUkHtml.Button(new ButtonOptions
    {
        Html = html,
        Type = Type,
        Name = Name,
        Value = Value,
        Href = Href,
        Disabled = Disabled ? true : null,
        IsStartButton = IsStartButton ? true : null,
        PreventDoubleClick = PreventDoubleClick,
        Id = Id,
        Classes = Classes,
        Attributes = attributes,
    });
}

/// <summary><c>&lt;govuk-tag class="govuk-tag--green"&gt;Active&lt;/govuk-tag&gt;</c></summary>
[HtmlTargetElement("govuk-tag")]
public sealed class GovUkTagTagHelper : GovUkContentTagHelper
{
    protected override IHtmlContent Render(string? html, IReadOnlyDictionary<string, string?>? attributes) =>
        GovUkHtml.Tag(new TagOptions { Html = html, Classes = Classes, Attributes = attributes });
}

/// <summary>
/// <c>&lt;govuk-notification-banner type="success" text="Order recorded" /&gt;</c> for a one-line heading, or with
/// Razor content for anything longer.
/// </summary>
[HtmlTargetElement("govuk-notification-banner")]
public sealed class GovUkNotificationBannerTagHelper : GovUkContentTagHelper
{
    [HtmlAttributeName("type")]
    public string? Type { get; set; }

    /// <summary>Defaults to "Success" or "Important".</summary>
    [HtmlAttributeName("title")]
    public string? Title { get; set; }

    [HtmlAttributeName("text")]
    public string? Text { get; set; }

    [HtmlAttributeName("role")]
    public string? Role { get; set; }

    [HtmlAttributeName("disable-auto-focus")]
    public bool? DisableAutoFocus { get; set; }

    protected override IHtmlContent Render(string? html, IReadOnlyDictionary<string, string?>? attributes) => GovUkHtml.NotificationBanner(new NotificationBannerOptions
    {
        Html = html,
        Text = Text,
        Type = Type,
        TitleText = Title,
        Role = Role,
        DisableAutoFocus = DisableAutoFocus,
        Classes = Classes,
        Attributes = attributes,
    });
}

/// <summary><c>&lt;govuk-panel title="Application complete"&gt;Your reference is &lt;strong&gt;HDJ2123F&lt;/strong&gt;&lt;/govuk-panel&gt;</c></summary>
[HtmlTargetElement("govuk-panel")]
public sealed class GovUkPanelTagHelper : GovUkContentTagHelper
{
    [HtmlAttributeName("title")]
    public string? Title { get; set; }

    [HtmlAttributeName("heading-level")]
    public int? HeadingLevel { get; set; }

    protected override IHtmlContent Render(string? html, IReadOnlyDictionary<string, string?>? attributes) => GovUkHtml.Panel(new PanelOptions
    {
        TitleText = Title,
        Html = html,
        HeadingLevel = HeadingLevel,
        Classes = Classes,
        Attributes = attributes,
    });
}

/// <summary><c>&lt;govuk-back-link href="/orders" /&gt;</c>; content replaces the default "Back".</summary>
[HtmlTargetElement("govuk-back-link")]
public sealed class GovUkBackLinkTagHelper : GovUkContentTagHelper
{
    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    protected override IHtmlContent Render(string? html, IReadOnlyDictionary<string, string?>? attributes) =>
        GovUkHtml.BackLink(new BackLinkOptions { Href = Href, Html = html, Classes = Classes, Attributes = attributes });
}

/// <summary><c>&lt;govuk-phase-banner tag="Beta"&gt;This is a new service.&lt;/govuk-phase-banner&gt;</c></summary>
[HtmlTargetElement("govuk-phase-banner")]
public sealed class GovUkPhaseBannerTagHelper : GovUkContentTagHelper
{
    [HtmlAttributeName("tag")]
    public string Tag { get; set; } = "Beta";

    protected override IHtmlContent Render(string? html, IReadOnlyDictionary<string, string?>? attributes) => GovUkHtml.PhaseBanner(new PhaseBannerOptions
    {
        Tag = new TagOptions { Text = Tag },
        Html = html,
        Classes = Classes,
        Attributes = attributes,
    });
}

/// <summary>
/// <c>&lt;govuk-cookie-banner heading="Cookies on Stalking Protection" cookies-href="/cookies"&gt;&lt;p class="govuk-body"&gt;We use essential cookies…&lt;/p&gt;&lt;/govuk-cookie-banner&gt;</c>:
/// the essential-cookies-only banner, with a hide button (<c>data-govuk-cookie-banner-hide</c>) and a link to the cookies page.
/// </summary>
[HtmlTargetElement("govuk-cookie-banner")]
public sealed class GovUkCookieBannerTagHelper : GovUkContentTagHelper
{
    [HtmlAttributeName("heading")]
    public string? Heading { get; set; }

    [HtmlAttributeName("aria-label")]
    public string? AriaLabel { get; set; }

    [HtmlAttributeName("hide-text")]
    public string HideText { get; set; } = "Hide cookie message";

    [HtmlAttributeName("cookies-href")]
    public string? CookiesHref { get; set; }

    [HtmlAttributeName("cookies-text")]
    public string CookiesText { get; set; } = "View cookies";

    protected override IHtmlContent Render(string? html, IReadOnlyDictionary<string, string?>? attributes)
    {
        var actions = new List<BannerAction>
        {
            new() { Text = HideText, Type = "button", Attributes = new Dictionary<string, string?> { ["data-govuk-cookie-banner-hide"] = "true" } },
        };
        if (!string.IsNullOrEmpty(CookiesHref))
        {
            actions.Add(new BannerAction { Text = CookiesText, Href = CookiesHref });
        }

        return GovUkHtml.CookieBanner(new CookieBannerOptions
        {
            AriaLabel = AriaLabel,
            Classes = Classes,
            Attributes = attributes,
            Messages = [new CookieBannerMessage { HeadingText = Heading, Html = html, Actions = actions }],
        });
    }
}

/// <summary><c>&lt;govuk-exit-this-page href="https://www.bbc.co.uk/weather" text="Exit this page" /&gt;</c></summary>
[HtmlTargetElement("govuk-exit-this-page")]
public sealed class GovUkExitThisPageTagHelper : GovUkContentTagHelper
{
    /// <summary>Where the button goes; defaults to BBC Weather, as GOV.UK does.</summary>
    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    /// <summary>Without text or content the button reads "Emergency Exit this page" to screen readers.</summary>
    [HtmlAttributeName("text")]
    public string? Text { get; set; }

    [HtmlAttributeName("id")]
    public string? Id { get; set; }

    protected override IHtmlContent Render(string? html, IReadOnlyDictionary<string, string?>? attributes) => GovUkHtml.ExitThisPage(new ExitThisPageOptions
    {
        RedirectUrl = Href,
        Text = Text,
        Html = html,
        Id = Id,
        Classes = Classes,
        Attributes = attributes,
    });
}

/// <summary><c>&lt;govuk-inset-text&gt;…&lt;/govuk-inset-text&gt;</c></summary>
[HtmlTargetElement("govuk-inset-text")]
public sealed class GovUkInsetTextTagHelper : GovUkContentTagHelper
{
    protected override IHtmlContent Render(string? html, IReadOnlyDictionary<string, string?>? attributes) =>
        GovUkHtml.InsetText(new InsetTextOptions { Html = html, Classes = Classes, Attributes = attributes });
}

/// <summary><c>&lt;govuk-warning-text&gt;You can be fined up to £5,000…&lt;/govuk-warning-text&gt;</c></summary>
[HtmlTargetElement("govuk-warning-text")]
public sealed class GovUkWarningTextTagHelper : GovUkContentTagHelper
{
    [HtmlAttributeName("icon-fallback-text")]
    public string? IconFallbackText { get; set; }

    protected override IHtmlContent Render(string? html, IReadOnlyDictionary<string, string?>? attributes) =>
        GovUkHtml.WarningText(new WarningTextOptions { Html = html, IconFallbackText = IconFallbackText, Classes = Classes, Attributes = attributes });
}

/// <summary><c>&lt;govuk-details summary="Help with dates"&gt;…&lt;/govuk-details&gt;</c></summary>
[HtmlTargetElement("govuk-details")]
public sealed class GovUkDetailsTagHelper : GovUkContentTagHelper
{
    [HtmlAttributeName("summary")]
    public string? Summary { get; set; }

    [HtmlAttributeName("open")]
    public bool Open { get; set; }

    protected override IHtmlContent Render(string? html, IReadOnlyDictionary<string, string?>? attributes) =>
        GovUkHtml.Details(new DetailsOptions { SummaryText = Summary, Html = html, Open = Open ? true : null, Classes = Classes, Attributes = attributes });
}
