using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StalkingProtection.Core.Jobs;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.Jobs;

/// <summary>The web app with its application log captured at Information, the level a production log collector receives.</summary>
public sealed class InformationLogFactory : WebAppFactory
{
    public CapturingLoggerProvider Logs { get; } = new(LogLevel.Information);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"Logging:LogLevel:{typeof(AuditSealJob).FullName}"] = "Information",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }
}

public class AuditChainHeadLogTests(InformationLogFactory factory) : IClassFixture<InformationLogFactory>
{
    [Fact]
    public async Task V16_4_3_EachSeal_WritesTheChainHeadToTheApplicationLogUnderItsOwnEventId()
    {
        // Arrange
        await new TestData(factory.Database).CreateCaseAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        var job = factory.Services.GetRequiredService<AuditSealJob>();

        // Act
        var result = await job.RunOnceAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.NotNull(result);
        Assert.NotNull(result.HeadHash);
        var head = Assert.Single(factory.Logs.Entries, e => e.EventId == AuditSealJob.ChainHeadEvent.Id);
        Assert.Equal(typeof(AuditSealJob).FullName, head.Category);
        Assert.Contains($"entry {result.LastSealedEntryId} with chain hash {result.HeadHash}", head.Message, StringComparison.Ordinal);
    }
}
