using System.Net;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Public;

public class ReportValidationTests(PublicSiteFactory factory) : IClassFixture<PublicSiteFactory>
{
    private const string PhoneFormat = "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192";

    public static TheoryData<string, string[], string, string> InvalidAnswers => new()
    {
        { "/report/immediate-danger", [], "InImmediateDanger", "Select yes if you are in immediate danger" },
        { "/report/immediate-danger", ["InImmediateDanger=maybe"], "InImmediateDanger", "Select yes if you are in immediate danger" },
        { "/report/reporting-for", [], "ReportingFor", "Select who you are reporting for" },
        { "/report/reporting-for", ["ReportingFor=1"], "ReportingFor", "Select who you are reporting for" },
        { "/report/what-happened", [], "Behaviours", "Select what has been happening" },
        { "/report/what-happened", ["Behaviours=Shouting"], "Behaviours", "Select what has been happening" },
        { "/report/what-happened", ["Behaviours=SomethingElse", "OtherBehaviour= "], "OtherBehaviour", "Tell us what else has been happening" },
        { "/report/what-happened", ["Behaviours=SomethingElse", "OtherBehaviour=" + new string('a', 1001)], "OtherBehaviour", "What else has been happening must be 1000 characters or less" },
        { "/report/when-started", ["StartedWhen="], "StartedWhen", "Enter when it started" },
        { "/report/when-started", ["StartedWhen=" + new string('a', 201)], "StartedWhen", "When it started must be 200 characters or less" },
        { "/report/how-often", [], "HowOften", "Select how often it happens" },
        { "/report/how-often", ["HowOften=Hourly"], "HowOften", "Select how often it happens" },
        { "/report/who-is-doing-it", [], "SuspectKnown", "Select yes if you know who is doing this" },
        { "/report/who-is-doing-it", ["SuspectKnown=perhaps"], "SuspectKnown", "Select yes if you know who is doing this" },
        { "/report/about-them", ["SuspectName= ", "SuspectDetails="], "SuspectName", "Enter their name, or tell us how you know them" },
        { "/report/about-them", ["SuspectName=" + new string('a', 201)], "SuspectName", "Their name must be 200 characters or less" },
        { "/report/about-them", ["SuspectDetails=" + new string('a', 1001)], "SuspectDetails", "How you know them must be 1000 characters or less" },
        { "/report/effect", ["Effect=  "], "Effect", "Tell us how this is affecting you" },
        { "/report/effect", ["Effect=" + new string('a', 2001)], "Effect", "How this is affecting you must be 2000 characters or less" },
        { "/report/safe-contact", [], "ContactMethods", "Select how we can contact you safely, or select that we should not contact you" },
        { "/report/safe-contact", ["ContactMethods=Pigeon"], "ContactMethods", "Select how we can contact you safely, or select that we should not contact you" },
        { "/report/safe-contact", ["ContactMethods=None", "ContactMethods=Phone"], "ContactMethods", "Select ways we can contact you, or select that we should not contact you, not both" },
        { "/report/contact-details", ["PhoneNumber=", "Email=sam@example.com"], "PhoneNumber", "Enter a safe phone number" },
        { "/report/contact-details", ["PhoneNumber=call me", "Email=sam@example.com"], "PhoneNumber", PhoneFormat },
        { "/report/contact-details", ["PhoneNumber=" + new string('1', 31), "Email=sam@example.com"], "PhoneNumber", PhoneFormat },
        { "/report/contact-details", ["PhoneNumber=07700 900982", "Email="], "Email", "Enter a safe email address" },
        { "/report/contact-details", ["PhoneNumber=07700 900982", "Email=sam at example"], "Email", "Enter an email address in the correct format, like name@example.com" },
        { "/report/contact-details", ["PhoneNumber=07700 900982", "Email=" + new string('a', 250) + "@example.com"], "Email", "Email address must be 254 characters or less" },
        { "/report/contact-details", ["ContactName=" + new string('a', 101), "PhoneNumber=07700 900982", "Email=sam@example.com"], "ContactName", "Your name must be 100 characters or less" },
        { "/report/safe-times", ["SafeTimes="], "SafeTimes", "Enter when it is safe to contact you" },
        { "/report/safe-times", ["SafeTimes=" + new string('a', 201)], "SafeTimes", "When it is safe to contact you must be 200 characters or less" },
        { "/report/voicemail", [], "VoicemailAllowed", "Select yes if we can leave a voicemail" },
    };

    [Theory]
    [MemberData(nameof(InvalidAnswers))]
    public async Task Post_InvalidAnswer_ShowsGovUkErrorSummaryAndInlineError(string url, string[] values, string field, string message)
    {
        // Arrange
        var client = factory.CreateBrowser();
        await ReportJourney.AnswerAllAsync(client);
        var fields = values.Select(v => v.Split('=', 2)).Select(p => (p[0], p[1])).ToArray();

        // Act
        var response = await client.SubmitMainFormAsync(url, fields);
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Error: ", document.Title, StringComparison.Ordinal);
        Assert.Contains(message, document.ErrorSummaryMessages());
        Assert.Equal($"#{field}", document.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.NotNull(document.GetElementById(field));
        Assert.Equal($"Error: {message}", document.GetElementById($"{field}-error")!.TextContent.Trim());
    }

    [Fact]
    public async Task Post_InvalidTextAnswer_KeepsWhatWasTyped()
    {
        // Arrange
        var client = factory.CreateBrowser();
        await ReportJourney.AnswerAllAsync(client);
        var tooLong = new string('b', 201);

        // Act
        var response = await client.SubmitMainFormAsync("/report/when-started", ("StartedWhen", tooLong));
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(tooLong, document.GetElementById("StartedWhen")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Post_RandomInputToEveryQuestion_NeverFails()
    {
        // Arrange
        var client = factory.CreateBrowser();
        await ReportJourney.AnswerAllAsync(client);
        var random = new Random(20191215);
        var names = ReportJourney.Steps.SelectMany(s => s.Values.Select(v => v.Name)).Distinct().ToArray();
        // Any character a person can type; control characters are refused whole with a 400 (ErrorHandlingTests).
        char RandomCharacter()
        {
            var c = (char)random.Next(0x20, 0xD7FF);
            return c is >= '\u007F' and <= '\u009F' ? ' ' : c;
        }

        string RandomText() => new(Enumerable.Range(0, random.Next(0, 300)).Select(_ => RandomCharacter()).ToArray());

        // Act
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 60; i++)
        {
            var (url, _, _) = ReportJourney.Steps[i % ReportJourney.Steps.Count];
            var values = Enumerable.Range(0, random.Next(0, 5)).Select(_ => (names[random.Next(names.Length)], RandomText())).ToArray();
            var response = await client.SubmitMainFormAsync(url, values);
            statuses.Add(response.StatusCode);
        }

        // Assert
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.Redirect, $"Unexpected {(int)s}"));
    }
}
