using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace StalkingProtection.Web.Tests.Infrastructure;

public static class HtmlExtensions
{
    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return await response.GetDocumentAsync();
    }

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return (IHtmlDocument)await context.OpenAsync(r => r.Content(html));
    }

    /// <summary>
    /// Submits the page's form (the first, or the one matching <paramref name="formSelector"/>) as a browser would:
    /// its hidden fields, including the antiforgery token, plus the given values.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, string pageUrl, IDictionary<string, string> values, string? formSelector = null)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var form = (IHtmlFormElement?)(formSelector is null ? page.Forms.FirstOrDefault(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)) : page.QuerySelector(formSelector))
            ?? throw new InvalidOperationException($"No form on {pageUrl}");
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (key, value) in values)
        {
            fields[key] = value;
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// Submits a journey's question page and, when Continue leads to "check your answers", confirms there as a browser would. The
    /// answer is the question page with its errors, the check page with the rules refused on save or a conflict, or the redirect
    /// after saving.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAndConfirmAsync(this HttpClient client, string pageUrl, IDictionary<string, string> values)
    {
        var continued = await client.SubmitFormAsync(pageUrl, values);
        return IsCheckAnswers(continued)
            ? await client.SubmitFormAsync(continued.Headers.Location!.OriginalString, new Dictionary<string, string>())
            : continued;
    }

    /// <summary>Submits a journey's question page: the answer is the "check your answers" page, or the question page with its errors.</summary>
    public static async Task<IHtmlDocument> ContinueAsync(this HttpClient client, string pageUrl, IDictionary<string, string> values)
    {
        var continued = await client.SubmitFormAsync(pageUrl, values);
        return IsCheckAnswers(continued) ? await client.GetDocumentAsync(continued.Headers.Location!.OriginalString) : await continued.GetDocumentAsync();
    }

    /// <summary>Where Continue went: the "check your answers" page's address.</summary>
    public static string CheckAnswersUrl(this IDocument check) =>
        check.QuerySelector("form[method=post]")?.GetAttribute("action") ?? throw new InvalidOperationException("No form on the check page");

    private static bool IsCheckAnswers(HttpResponseMessage response) =>
        response.StatusCode == System.Net.HttpStatusCode.Redirect
        && response.Headers.Location!.OriginalString.Contains("/check-answers/", StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<string> ErrorSummaryMessages(this IDocument document) =>
        document.QuerySelectorAll(".govuk-error-summary__list li").Select(a => a.TextContent.Trim()).ToList();

    public static string? HeadingText(this IDocument document) => document.QuerySelector("h1")?.TextContent.Trim();
}
