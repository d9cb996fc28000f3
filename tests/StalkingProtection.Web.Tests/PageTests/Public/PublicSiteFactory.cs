using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using AngleSharp.Html.Dom;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Public;

/// <summary>The app with a rate limit high enough for a test class that starts many reports from one address.</summary>
public class PublicSiteFactory : WebAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["StalkingProtection:PublicSite:FormSubmissionsPerAddress"] = "100000",
    };
}

public static class PublicFormExtensions
{
    /// <summary>
    /// Submits the form in the page's main content (not the cookie banner's) with its hidden fields and the given
    /// values; a name may repeat, as checkboxes do.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitMainFormAsync(this HttpClient client, string pageUrl, params (string Name, string Value)[] values)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var form = page.QuerySelector<IHtmlFormElement>("main form[method=post]") ?? throw new InvalidOperationException($"No form on {pageUrl}");
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)))
            .ToList();
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public static string? Location(this HttpResponseMessage response) => response.Headers.Location?.OriginalString;

    public static void AssertRedirectTo(this HttpResponseMessage response, string location)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"Expected a redirect to {location} but got {(int)response.StatusCode}");
        Assert.Equal(location, response.Location());
    }
}

/// <summary>Drives the report journey over HTTP with a full set of valid answers.</summary>
public static class ReportJourney
{
    public static IReadOnlyList<(string Url, (string Name, string Value)[] Values, string Next)> Steps { get; } =
    [
        ("/report/reporting-for", [("ReportingFor", "Myself")], "/report/immediate-danger"),
        ("/report/immediate-danger", [("InImmediateDanger", "no")], "/report/what-happened"),
        ("/report/what-happened", [("Behaviours", "Following"), ("Behaviours", "SomethingElse"), ("OtherBehaviour", "Leaves notes on my car")], "/report/when-started"),
        ("/report/when-started", [("StartedWhen", "About 3 months ago")], "/report/how-often"),
        ("/report/how-often", [("HowOften", "SeveralTimesAWeek")], "/report/who-is-doing-it"),
        ("/report/who-is-doing-it", [("SuspectKnown", "yes")], "/report/about-them"),
        ("/report/about-them", [("SuspectName", "Alex Example"), ("SuspectDetails", "My former partner")], "/report/effect"),
        ("/report/effect", [("Effect", "I am scared to go out on my own.")], "/report/safe-contact"),
        ("/report/safe-contact", [("ContactMethods", "Phone"), ("ContactMethods", "Email")], "/report/contact-details"),
        ("/report/contact-details", [("ContactName", "Sam"), ("PhoneNumber", "07700 900982"), ("Email", "sam@example.com")], "/report/safe-times"),
        ("/report/safe-times", [("SafeTimes", "Weekdays between 9am and 3pm")], "/report/voicemail"),
        ("/report/voicemail", [("VoicemailAllowed", "no")], "/report/check-answers"),
    ];

    /// <summary>Starts a report and returns its draft id, read from the journey cookie.</summary>
    public static async Task<Guid> StartAsync(HttpClient client, IServiceProvider? services = null)
    {
        var response = await client.SubmitMainFormAsync("/report/staying-safe");
        response.AssertRedirectTo("/report/reporting-for");
        if (services is null)
        {
            return Guid.Empty;
        }

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sp-report=", StringComparison.Ordinal));
        var value = cookie["sp-report=".Length..].Split(';')[0];
        var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector("StalkingProtection.ReportCookie.v1");
        return Guid.Parse(protector.Unprotect(value));
    }

    /// <summary>Starts a report and answers every question.</summary>
    public static async Task AnswerAllAsync(HttpClient client)
    {
        await StartAsync(client);
        foreach (var (url, values, next) in Steps)
        {
            var response = await client.SubmitMainFormAsync(url, values);
            response.AssertRedirectTo(next);
        }
    }

    /// <summary>The antiforgery token of the check answers page, to send the same page more than once.</summary>
    public static async Task<string> SendTokenAsync(HttpClient client)
    {
        var page = await client.GetDocumentAsync("/report/check-answers");
        return page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    public static Task<HttpResponseMessage> SendWithTokenAsync(HttpClient client, string token) =>
        client.PostAsync("/report/submit", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Website", "")]));

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, string website = "") =>
        client.SubmitMainFormAsync("/report/check-answers", ("Website", website));
}
