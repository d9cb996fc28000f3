using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Jobs;
using StalkingProtection.Core.Notifications;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.Jobs;

public class DeadlineCheckJobTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task R33_RunOnce_MarksAnOverdueNotificationAndRunningAgainChangesNothing()
    {
        // Arrange: served on 20 November, due by the end of 22 November; today is 28 November.
        var order = await new TestData(factory.Database).CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 11, 19)).ServedOn(new DateOnly(2026, 11, 20)));
        var job = factory.Services.GetRequiredService<DeadlineCheckJob>();

        // Act
        var first = await job.RunOnceAsync(TestContext.Current.CancellationToken);
        var auditCount = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());
        var second = await job.RunOnceAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.NotNull(first);
        Assert.NotNull(second);
        var obligation = await factory.WithDbAsync(db => db.NotificationObligations.AsNoTracking().SingleAsync(o => o.Id == order.ObligationId));
        Assert.Equal(ObligationStatus.Overdue, obligation.Status);
        Assert.True(await factory.WithDbAsync(db => db.StaffTasks.AnyAsync(t => t.ObligationId == order.ObligationId)));
        Assert.Equal(auditCount, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task RunOnce_WhileAnotherInstanceHoldsTheLease_DoesNothing()
    {
        // Arrange
        await factory.WithDbAsync(async db =>
            await new JobLeases(db, factory.Clock).TryAcquireAsync(JobLease.DeadlineCheck, "another-instance", TimeSpan.FromMinutes(5)));
        var job = factory.Services.GetRequiredService<DeadlineCheckJob>();

        // Act
        var result = await job.RunOnceAsync(TestContext.Current.CancellationToken);
        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        var afterExpiry = await job.RunOnceAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Null(result);
        Assert.NotNull(afterExpiry);
    }
}
