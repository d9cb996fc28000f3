using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

/// <summary>S4: the order list is for the case roles only.</summary>
public sealed class OrdersMatrix : IAuthorisationMatrixPart
{
    public IReadOnlyDictionary<string, string[]> Routes { get; } = new Dictionary<string, string[]>
    {
        ["/workspace/orders"] = [.. StaffRoles.CaseRoles],
    };
}

/// <summary>Shared steps of the order page tests: a browser-like form post and the question → check answers → save journey.</summary>
public static class OrderPages
{
    /// <summary>The team of the cases TestData creates.</summary>
    public const string CaseTeam = "Stalking Team";

    public static TestData Data(this WebAppFactory factory) => new(factory.Database);

    public static Task<StaffUser> OfficerAsync(this WebAppFactory factory) => factory.CreateUserAsync(StaffRoles.Officer, CaseTeam);

    /// <summary>Posts the page's first post form as a browser would (every successful control), with <paramref name="values"/> replacing fields of
    /// the same name; <paramref name="handler"/> picks the button whose formaction names that handler.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, IDocument page, string pageUrl,
        IEnumerable<KeyValuePair<string, string>>? values = null, string? handler = null, string? buttonName = null, string? buttonValue = null)
    {
        var form = page.QuerySelectorAll<IHtmlFormElement>("form").FirstOrDefault(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException("No post form on the page:\n" + page.QuerySelector("main")?.TextContent);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button"):
                    if (input.Type is "checkbox" or "radio")
                    {
                        if (input.IsChecked)
                        {
                            fields.Add(new(input.Name!, input.Value));
                        }
                    }
                    else
                    {
                        fields.Add(new(input.Name!, input.Value));
                    }

                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name!, select.Value ?? ""));
                    break;
            }
        }

        var given = (values ?? []).ToList();
        var keys = given.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        fields.RemoveAll(f => keys.Contains(f.Key));
        fields.AddRange(given);
        if (buttonName is not null)
        {
            fields.Add(new(buttonName, buttonValue ?? ""));
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        if (handler is not null)
        {
            var button = form.QuerySelectorAll("button[formaction]").FirstOrDefault(b => b.GetAttribute("formaction")!.Contains("handler=" + handler, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidOperationException($"No {handler} button on the page.");
            action = WebUtility.HtmlDecode(button.GetAttribute("formaction")!);
        }

        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>Opens the page, answers, continues to "check your answers" and confirms. Returns the check page and the final response.</summary>
    public static async Task<(IHtmlDocument Check, HttpResponseMessage Saved)> AnswerCheckAndSaveAsync(this HttpClient client, string url,
        IEnumerable<KeyValuePair<string, string>> answers)
    {
        var question = await client.GetDocumentAsync(url);
        var continued = await client.PostFormAsync(question, url, answers);
        var checkUrl = IsCheckAnswers(continued) ? continued.Headers.Location!.OriginalString : url;
        var check = await (await client.FollowToCheckAnswersAsync(continued)).GetDocumentAsync();
        Assert.True(check.ErrorSummaryMessages().Count == 0, string.Join("; ", check.ErrorSummaryMessages()));
        var saved = checkUrl == url ? await client.PostFormAsync(check, url, handler: "Save") : await client.PostFormAsync(check, checkUrl);
        return (check, saved);
    }

    /// <summary>Opens the page, answers and continues: the page comes back with errors or the answers to check.</summary>
    public static async Task<IHtmlDocument> AnswerAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> answers)
    {
        var question = await client.GetDocumentAsync(url);
        return await (await client.FollowToCheckAnswersAsync(await client.PostFormAsync(question, url, answers))).GetDocumentAsync();
    }

    /// <summary>A journey with its own "check your answers" page sends the user there after Continue.</summary>
    public static async Task<HttpResponseMessage> FollowToCheckAnswersAsync(this HttpClient client, HttpResponseMessage response) =>
        IsCheckAnswers(response) ? await client.GetAsync(response.Headers.Location) : response;

    private static bool IsCheckAnswers(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/check-answers/", StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<KeyValuePair<string, string>> Date(string name, DateOnly date) =>
    [
        new($"{name}.Day", date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new($"{name}.Month", date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new($"{name}.Year", date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    public static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    public static string InlineError(this IDocument page, string id) =>
        page.QuerySelector($"#{id}-error")?.TextContent.Trim() ?? "";

    public static void AssertRedirectTo(this HttpResponseMessage response, string path)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(path, response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    public static async Task<long> OrderVersionAsync(this WebAppFactory factory, Guid orderId) =>
        await factory.WithDbAsync(db => Task.FromResult(db.Orders.Single(o => o.Id == orderId).Version));

    /// <summary>Someone else changes the order (records the PNC entry), so its version moves on.</summary>
    public static Task SomeoneElseChangesAsync(this WebAppFactory factory, Guid orderId) =>
        factory.Data().WithServicesAsync(new DateOnly(2026, 11, 28), s => s.Orders.RecordPncEntryAsync(new RecordPncEntryOptions(orderId, "26/0000123X"), TestData.Coordinator));
}
