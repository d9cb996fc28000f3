using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.SignIn;

/// <summary>Real sign-ins through the pages (password, then two-factor), for the tests of sessions and accounts.</summary>
public static class StaffSignIn
{
    public const string Password = "quiet harbour lantern";

    /// <summary>Signs in with the password, enrols an authenticator app, and answers its key and recovery codes.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(this WebAppFactory factory, HttpClient client, StaffUser user)
    {
        var signIn = await client.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var key = (await client.GetDocumentAsync("/account/two-factor")).QuerySelector("[data-authenticator-key]")!.TextContent;
        var enabled = await (await client.SubmitFormAsync("/account/two-factor",
            new Dictionary<string, string> { ["Code"] = Totp.Compute(key, factory.Clock.GetUtcNow()) })).GetDocumentAsync();
        var codes = enabled.QuerySelectorAll("[data-recovery-code]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    /// <summary>Signs an enrolled person in again in another browser, half a minute later so that the code is a new one.</summary>
    public static async Task SignInAgainAsync(this WebAppFactory factory, HttpClient client, StaffUser user, string key)
    {
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        await client.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = Password });
        var signedIn = await client.SubmitFormAsync("/sign-in/two-factor", new Dictionary<string, string> { ["Code"] = Totp.Compute(key, factory.Clock.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    /// <summary>Posts a form with repeated fields (checkboxes), with the antiforgery token from <paramref name="form"/>.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string action, IHtmlDocument form, params (string Name, string Value)[] values)
    {
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value))
            .Append(new("__RequestVerificationToken", token));
        return client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>Every hidden field of the page's form, repeated ones included.</summary>
    public static (string Name, string Value)[] HiddenFields(this IHtmlDocument page) =>
        [.. page.QuerySelectorAll<IHtmlInputElement>("form input[type=hidden]").Where(i => i.Name != "__RequestVerificationToken").Select(i => (i.Name!, i.Value))];

    public static string? SessionCookie(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.StartsWith("sp-session=", StringComparison.Ordinal))?.Split(';')[0]
            : null;
}
