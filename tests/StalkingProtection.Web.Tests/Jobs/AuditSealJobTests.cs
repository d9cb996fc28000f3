using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Jobs;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.Jobs;

public class AuditSealJobTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task S3_RunOnce_SealsTheSettledEntriesAndTheChainVerifiesIntact()
    {
        // Arrange: past the settle time, and past any lease another test in this class took.
        await new TestData(factory.Database).CreateCaseAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        var job = factory.Services.GetRequiredService<AuditSealJob>();

        // Act
        var result = await job.RunOnceAsync(TestContext.Current.CancellationToken);
        var report = await factory.WithDbAsync(db => new AuditChain(db).VerifyAsync());

        // Assert
        Assert.NotNull(result);
        Assert.True(result.Sealed > 0);
        Assert.True(report.Intact, string.Join(", ", report.Problems));
        Assert.Equal(0, report.AwaitingSeal);
        Assert.Equal(await factory.WithDbAsync(db => db.AuditEntries.LongCountAsync()), report.Sealed);
    }

    [Fact]
    public async Task S3_RunOnce_WhileAnotherInstanceHoldsTheLease_SealsNothing()
    {
        // Arrange
        await factory.WithDbAsync(async db =>
            await new JobLeases(db, factory.Clock).TryAcquireAsync(JobLease.AuditSeal, "another-instance", TimeSpan.FromMinutes(5)));
        var job = factory.Services.GetRequiredService<AuditSealJob>();

        // Act
        var result = await job.RunOnceAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Null(result);
    }
}
