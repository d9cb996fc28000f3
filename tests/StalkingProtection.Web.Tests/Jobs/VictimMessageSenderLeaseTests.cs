using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Jobs;
using StalkingProtection.Core.People;
using StalkingProtection.Core.VictimUpdates;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.Jobs;

/// <summary>Two instances of the service each run a sender; the lease lets one send at a time, so no update goes twice.</summary>
public class VictimMessageSenderLeaseTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private VictimMessageSender Sender() => new(factory.Services.GetRequiredService<IServiceScopeFactory>(), factory.Services.GetRequiredService<IOptions<NotifyOptions>>(),
        factory.Clock, NullLogger<VictimMessageSender>.Instance);

    /// <summary>A victim who asked to hear of the application at any time of day, and the application made: one update waits in the outbox.</summary>
    private async Task<Guid> PendingUpdateAsync()
    {
        var data = new TestData(factory.Database);
        var created = await data.CreateCaseAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<VictimContactService>()
                .SetAsync(new SetVictimContactOptions(created.VictimId, new VictimContact("07700 900654", null, null, null, false)), TestData.Officer);
            await scope.ServiceProvider.GetRequiredService<VictimUpdateService>().SetPreferencesAsync(new SetVictimUpdatePreferencesOptions(created.VictimId, false,
                VictimUpdateEvent.ApplicationMade, VictimUpdateChannel.Sms, new SafeTimeWindow(SafeDays.Every, new TimeOnly(0, 0), new TimeOnly(23, 59))), TestData.Officer);
        }

        await data.CreateApplicationAsync(a => a.ForCase(created));
        return created.VictimId;
    }

    [Fact]
    public async Task R41_TwoSendersOneLease_EachUpdateIsSentOnceAndNotWhileAnotherInstanceHoldsTheLease()
    {
        // Arrange
        var victimId = await PendingUpdateAsync();
        var (first, second) = (Sender(), Sender());
        await factory.WithDbAsync(async db =>
            await new JobLeases(db, factory.Clock).TryAcquireAsync(JobLease.VictimMessages, "another-instance", TimeSpan.FromMinutes(5)));
        var ct = TestContext.Current.CancellationToken;

        // Act
        var whileHeld = await Task.WhenAll(first.RunOnceAsync(ct), second.RunOnceAsync(ct));
        var pendingWhileHeld = await factory.WithDbAsync(db => db.Set<VictimMessage>().SingleAsync(m => m.VictimId == victimId));
        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        var together = await Task.WhenAll(first.RunOnceAsync(ct), second.RunOnceAsync(ct));
        var again = await Task.WhenAll(second.RunOnceAsync(ct), first.RunOnceAsync(ct));

        // Assert
        Assert.All(whileHeld, Assert.Null);
        Assert.Equal(VictimMessageStatus.Pending, pendingWhileHeld.Status);
        Assert.Equal(1, together.Concat(again).Sum(r => r?.Sent ?? 0));
        var message = await factory.WithDbAsync(db => db.Set<VictimMessage>().SingleAsync(m => m.VictimId == victimId));
        Assert.Equal(VictimMessageStatus.Delivered, message.Status);
        Assert.Equal(1, message.Attempts);
        Assert.Equal(LocalSinkChannel.SinkStatus, message.NotifyStatus);
    }
}
