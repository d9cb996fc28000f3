using System.Net;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Public;

/// <summary>The internet-facing deployment: the public site only, with no workspace, sign-in or API.</summary>
public class PublicOnlyFactory : WebAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["StalkingProtection:Web:EnableWorkspace"] = "false",
    };
}

public class PublicOnlyDeploymentTests(PublicOnlyFactory factory) : IClassFixture<PublicOnlyFactory>
{
    [Theory]
    [InlineData("/workspace")]
    [InlineData("/workspace/feedback")]
    [InlineData("/workspace/audit")]
    [InlineData("/sign-in")]
    [InlineData("/sign-in/two-factor")]
    [InlineData("/sign-in/external")]
    [InlineData("/sign-out")]
    [InlineData("/account/two-factor")]
    [InlineData("/set-up-account/abc")]
    [InlineData("/calendar/abc.ics")]
    [InlineData("/api")]
    [InlineData("/api/orders")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/WORKSPACE/Feedback")]
    public async Task Get_StaffRoute_Returns404(string url)
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync(url);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_StaffRouteAsSignedInUser_Returns404()
    {
        // Arrange
        var administrator = await factory.CreateUserAsync(StaffRoles.Administrator);
        var client = factory.CreateBrowser(administrator);

        // Act
        var response = await client.GetAsync("/workspace/feedback");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_SignIn_Returns404()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent([new("Email", "a@b.c"), new("Password", "x")]));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/report")]
    [InlineData("/what-is-stalking")]
    [InlineData("/cookies")]
    [InlineData("/feedback")]
    public async Task Get_PublicPage_IsServedWithoutStaffLinks(string url)
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync(url);
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(document.QuerySelectorAll("a[href^='/workspace'], a[href^='/sign-in']"));
    }
}
