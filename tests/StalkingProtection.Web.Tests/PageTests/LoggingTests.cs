using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests;

public class LoggingTests(LoggingTests.VerboseLoggingFactory factory) : IClassFixture<LoggingTests.VerboseLoggingFactory>
{
    [Fact]
    public async Task Logs_DuringSignInAndBrowsing_NeverContainTheEmailOrPassword()
    {
        // Arrange
        const string password = "velvet tractor meadow";
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: password);
        var client = factory.CreateBrowser();

        // Act
        await client.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = "wrong wrong wrong" });
        await client.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = password });
        await client.GetAsync("/workspace?name=" + Uri.EscapeDataString(user.Email!));

        // Assert
        Assert.NotEmpty(factory.Logs.Messages);
        Assert.DoesNotContain(factory.Logs.Messages, m => m.Contains(user.Email!, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(factory.Logs.Messages, m => m.Contains(password, StringComparison.Ordinal));
    }

    [Fact]
    public void Telemetry_IsWiredWithoutAnExporterByDefault()
    {
        // Arrange, Act
        var tracer = factory.Services.GetService<TracerProvider>();

        // Assert
        Assert.NotNull(tracer);
    }

    public sealed class VerboseLoggingFactory : WebAppFactory
    {
        public CapturingLoggerProvider Logs { get; } = new(LogLevel.Information);

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // The production log levels from appsettings.json, with everything else at Information.
            builder.UseSetting("Logging:LogLevel:Default", "Information");
            builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(Logs));
        }
    }
}
