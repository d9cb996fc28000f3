using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests;

public class ErrorHandlingTests(ErrorHandlingTests.FailingAppFactory factory) : IClassFixture<ErrorHandlingTests.FailingAppFactory>
{
    [Fact]
    public async Task Get_PageThatThrows_ShowsTechnicalProblemWithAReferenceThatIsLoggedAndNoStackTrace()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync("/?fail=yes");
        var html = await response.Content.ReadAsStringAsync();
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Sorry, there was a technical problem", document.HeadingText());
        Assert.Contains("Please try again.", html, StringComparison.Ordinal);
        var reference = document.QuerySelector("[data-error-reference]")!.TextContent;
        Assert.Matches("^SP-[0-9A-F]{8}$", reference);
        Assert.Contains(factory.Logs.Messages, m => m.Contains(reference, StringComparison.Ordinal));
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", html, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector(".app-quick-exit__button"));
    }

    [Fact]
    public async Task Get_WorkspacePageThatThrows_ShowsTheProblemInsideTheWorkspaceWithAWayBack()
    {
        // Arrange
        var client = factory.CreateBrowser(await factory.CreateUserAsync(Core.Staff.StaffRoles.Officer));

        // Act
        var response = await client.GetAsync("/workspace?fail=yes");
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Sorry, there was a technical problem", document.HeadingText());
        Assert.Matches("^SP-[0-9A-F]{8}$", document.QuerySelector("[data-error-reference]")!.TextContent);
        Assert.Equal("/workspace", document.QuerySelector("[data-workspace-way-back] a")!.GetAttribute("href"));
        Assert.NotNull(document.QuerySelector("nav[aria-label=Menu] a[href='/sign-out']"));
        Assert.Null(document.QuerySelector(".app-quick-exit__button"));
        Assert.DoesNotContain("call 101", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_MaintenanceMode_Answers503WithTheMaintenancePage()
    {
        // Arrange
        var client = factory.WithWebHostBuilder(b => b.UseSetting("StalkingProtection:Web:MaintenanceMode", "true"))
            .CreateClient(new() { AllowAutoRedirect = false });

        // Act
        var response = await client.GetAsync("/");
        var document = await response.GetDocumentAsync();
        var health = await client.GetAsync("/health");

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Sorry, the service is unavailable", document.HeadingText());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Get_ErrorPageOpenedByHand_LogsNothingAtErrorLevel()
    {
        // Arrange
        var client = factory.CreateBrowser();
        var before = factory.Logs.Messages.Count;

        // Act
        var response = await client.GetAsync("/error/500");

        // Assert
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Sorry, there was a technical problem", (await response.GetDocumentAsync()).HeadingText());
        Assert.Equal(before, factory.Logs.Messages.Count);
    }

    public static TheoryData<string, string> HostileBodies() => new()
    {
        { "/sign-in", "Email=%01%1B&Password=x" },
        { "/sign-in", "Email=a%40example.com&Password=a%00b" },
        { "/sign-in", "Email=%FF%FE%C3%28&Password=x" },
        { "/feedback", "Comments=%C0%AF" },
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task Post_FormBodyWithControlCharactersOrBytesThatAreNotUtf8_Answers400WithTheErrorPage(string url, string body)
    {
        // Arrange
        var client = factory.CreateBrowser();
        var page = await client.GetDocumentAsync(url);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        var content = new StringContent($"__RequestVerificationToken={Uri.EscapeDataString(token!)}&{body}");
        content.Headers.ContentType = new("application/x-www-form-urlencoded");

        // Act
        var response = await client.PostAsync(url, content);
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Sorry, there is a problem with your request", document.HeadingText());
        Assert.NotNull(document.QuerySelector(".app-quick-exit__button"));
    }

    [Fact]
    public async Task Post_AFormWithoutItsAntiforgeryToken_Answers400WithTheErrorPageRenderedForThePost()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "a@example.com" }));
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Sorry, there is a problem with your request", document.HeadingText());
    }

    [Fact]
    public async Task Api_WrongMethodAndWrongMediaType_AreTitledForWhatTheyAre()
    {
        // Arrange
        var api = (await ApiTests.ApiSession.CreateAsync(factory)).Client;

        // Act
        var wrongMethod = await api.DeleteAsync("/api/v1/cases");
        var wrongMediaType = await api.PostAsync("/api/v1/cases", new StringContent("caseType=x", System.Text.Encoding.UTF8, "text/plain"));

        // Assert
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal("Method Not Allowed", (await wrongMethod.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongMediaType.StatusCode);
        Assert.Equal("Unsupported Media Type", (await wrongMediaType.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
    }

    public sealed class FailingAppFactory : WebAppFactory
    {
        public CapturingLoggerProvider Logs { get; } = new();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.Configure<MvcOptions>(o => o.Filters.Add(new FailOnRequestFilter()));
                services.AddSingleton<ILoggerProvider>(Logs);
            });
        }
    }

    private sealed class FailOnRequestFilter : IPageFilter
    {
        public void OnPageHandlerSelected(PageHandlerSelectedContext context)
        {
        }

        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
            if (context.HttpContext.Request.Query.ContainsKey("fail") && !context.HttpContext.Request.Path.StartsWithSegments("/error"))
            {
                throw new InvalidOperationException("Simulated failure");
            }
        }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
        {
        }
    }
}
