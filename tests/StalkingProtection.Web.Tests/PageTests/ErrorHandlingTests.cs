using System.Net;
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
