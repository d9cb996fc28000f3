using Microsoft.AspNetCore.DataProtection;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Statistics;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Infrastructure.Demo;

namespace StalkingProtection.Web.Tests.Infrastructure.Demo;

public class DemoTriageTests
{
    [Fact]
    public async Task Seed_AfterTheDemoCases_FillsTheTriageQueueAndRecordsOnePersonTwice()
    {
        // Arrange
        var today = new DateOnly(2026, 11, 28);
        await using var database = await TestDatabase.CreateAsync();
        await using var context = database.CreateContext();
        await new DemoCases(context, today, "demo-officer", "PC Demo Officer", "Demo Team").SeedAsync();
        context.ChangeTracker.Clear();

        // Act
        await new DemoTriage(context, new EphemeralDataProtectionProvider(), TestClock.At(today).GetUtcNow(), "demo-officer", "PC Demo Officer", "Demo Team").SeedAsync();

        // Assert
        var figures = await new DashboardQueries(context).GetAsync(today, TestContext.Current.CancellationToken);
        Assert.Equal(DemoTriage.Reports, figures.ReportsAwaitingTriage);
        var pairs = await new PersonMergeService(context, TimeProvider.System, new AuditLog(context, TimeProvider.System)).FindPossibleDuplicatesAsync(TestContext.Current.CancellationToken);
        Assert.Contains(pairs, p => p.First.Name.Contains("Hartley", StringComparison.OrdinalIgnoreCase) && p.Second.Name.Contains("Hartley", StringComparison.OrdinalIgnoreCase));
    }
}
