using System.Net;
using Microsoft.AspNetCore.Http;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure;
using StalkingProtection.Web.Pages.Public.ReportBreach;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.SignIn;

namespace StalkingProtection.Web.Tests.PageTests.Public;

/// <summary>ASVS V3.5.4: one deployment serving the public site and the staff side on host names of their own.</summary>
public class SeparateHostNamesFactory : WebAppFactory
{
    public const string StaffHost = "spo.force.example";
    public const string PublicHost = "report.force.example";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["AllowedHosts"] = $"{StaffHost};{PublicHost}",
        ["StalkingProtection:Web:StaffHostName"] = StaffHost,
        ["StalkingProtection:Web:PublicHostName"] = PublicHost,
    };

    public HttpClient CreateBrowserOn(string host, StaffUser? user = null)
    {
        var client = CreateBrowser(user);
        client.BaseAddress = new Uri($"http://{host}/");
        return client;
    }
}

public class SeparateHostNamesTests(SeparateHostNamesFactory factory) : IClassFixture<SeparateHostNamesFactory>
{
    [Theory]
    [InlineData("/workspace")]
    [InlineData("/workspace/feedback")]
    [InlineData("/sign-in")]
    [InlineData("/sign-in/two-factor")]
    [InlineData("/sign-out")]
    [InlineData("/account/two-factor")]
    [InlineData("/set-up-account/abc")]
    [InlineData("/api/orders")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/calendar/abc.ics")]
    [InlineData("/WORKSPACE/Feedback")]
    public async Task V3_5_4_StaffRoute_OnThePublicHostName_Returns404(string url)
    {
        // Arrange
        var client = factory.CreateBrowserOn(SeparateHostNamesFactory.PublicHost);

        // Act
        var response = await client.GetAsync(url);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task V3_5_4_StaffRouteAsSignedInUser_OnThePublicHostName_Returns404_AndIsServedOnTheStaffHostName()
    {
        // Arrange
        var administrator = await factory.CreateUserAsync(StaffRoles.Administrator);

        // Act
        var onPublic = await factory.CreateBrowserOn(SeparateHostNamesFactory.PublicHost, administrator).GetAsync("/workspace/feedback");
        var onStaff = await factory.CreateBrowserOn(SeparateHostNamesFactory.StaffHost, administrator).GetAsync("/workspace/feedback");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, onPublic.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onStaff.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/report")]
    [InlineData("/report-breach")]
    [InlineData("/what-is-stalking")]
    [InlineData("/cookies")]
    [InlineData("/feedback")]
    [InlineData("/Report")]
    public async Task V3_5_4_PublicPage_OnTheStaffHostName_Returns404_AndIsServedOnThePublicHostName(string url)
    {
        // Act
        var onStaff = await factory.CreateBrowserOn(SeparateHostNamesFactory.StaffHost).GetAsync(url);
        var onPublic = await factory.CreateBrowserOn(SeparateHostNamesFactory.PublicHost).GetAsync(url);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, onStaff.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onPublic.StatusCode);
    }

    [Theory]
    [InlineData(SeparateHostNamesFactory.StaffHost)]
    [InlineData(SeparateHostNamesFactory.PublicHost)]
    public async Task V3_5_4_HealthAndStaticAssets_AreServedOnBothHostNames(string host)
    {
        // Arrange
        var client = factory.CreateBrowserOn(host);

        // Act
        var live = await client.GetAsync("/health/live");
        var css = await client.GetAsync("/css/app.min.css");

        // Assert
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
    }

    [Fact]
    public async Task V3_5_4_SignIn_OnTheStaffHostName_SetsAHostOnlySessionCookie_ThatTheWorkspaceOnThePublicHostNameNeverAnswers()
    {
        // Arrange
        var officer = await factory.CreateUserAsync(StaffRoles.Officer, password: StaffSignIn.Password);
        var staff = factory.CreateBrowserOn(SeparateHostNamesFactory.StaffHost);

        // Act
        var signIn = await staff.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = officer.Email!, ["Password"] = StaffSignIn.Password });
        var onPublic = await factory.CreateBrowserOn(SeparateHostNamesFactory.PublicHost).GetAsync("/account/two-factor");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var session = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("sp-session=", StringComparison.Ordinal));
        Assert.DoesNotContain("domain=", session, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, onPublic.StatusCode);
    }

    [Fact]
    public void V3_5_4_BreachReportAddress_MadeOnTheStaffHostName_IsOnThePublicHostName()
    {
        // Arrange
        var request = new DefaultHttpContext().Request;
        request.Scheme = "https";
        request.Host = new HostString(SeparateHostNamesFactory.StaffHost);

        // Act
        var url = BreachSteps.PublicStartUrl(request, new WebOptions { StaffHostName = SeparateHostNamesFactory.StaffHost, PublicHostName = SeparateHostNamesFactory.PublicHost });

        // Assert
        Assert.Equal($"https://{SeparateHostNamesFactory.PublicHost}/report-breach", url);
    }

    [Theory]
    [InlineData("spo.force.example", "report.force.example", true)]
    [InlineData("spo.force.example", null, true)]
    [InlineData("https://spo.force.example", null, false)]
    [InlineData("spo.force.example:8443", null, false)]
    [InlineData("spo.force.example/workspace", null, false)]
    [InlineData("spo.force.example", "SPO.force.example", false)]
    public void V3_5_4_HostNames_AreRefusedAtStartUnlessBareAndDifferent(string staff, string? publicHost, bool valid)
    {
        // Act
        var errors = WebOptions.Validate(new WebOptions { StaffHostName = staff, PublicHostName = publicHost }).ToList();

        // Assert
        Assert.Equal(valid, errors.Count == 0);
    }
}
