using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Notifications;

/// <summary>Excusing a notification duty answers with the duty and the excuse, and one <c>Explain</c> gives the words (SPA 2019 s.11, R33).</summary>
public class ObligationExcusedOutcomeTests
{
    [Fact]
    public async Task R33_ExcuseTheDutyAfterService_OutcomeCitesSection11AndSuggestsNoOffence()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var served = new DateOnly(2026, 6, 1);
        var order = await testData.CreateOrderAsync(o => o.Interim().MadeOn(served).ServedOn(served));

        // Act
        var excused = await testData.WithServicesAsync(new DateOnly(2026, 6, 3), s => s.Notifications.ExcuseAsync(
            new ExcuseObligationOptions(order.ObligationId!.Value, "In hospital from 1 to 5 June"), TestData.Officer));

        // Assert
        Assert.Equal((ObligationStatus.Open, ObligationStatus.Excused, new DateOnly(2026, 6, 3)), (excused.StatusBefore, excused.Status, excused.DueBy));
        Assert.Equal(
            "Notification duty excused on 3 June 2026: the duty to notify after service of the order (SPA 2019 s.9(1)), due by the end of 3 June 2026, no longer runs. "
            + "Reason: In hospital from 1 to 5 June. A reasonable excuse is a defence to failing to notify, so no offence is suggested for this duty (SPA 2019 s.11, R33).",
            excused.Explain());
    }

    [Fact]
    public async Task R33_ExcuseAnOverdueDuty_OutcomeSaysItWasOverdue()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var served = new DateOnly(2026, 6, 1);
        var order = await testData.CreateOrderAsync(o => o.Interim().MadeOn(served).ServedOn(served));
        await testData.WithServicesAsync(new DateOnly(2026, 6, 4), s => s.Deadlines.RunAsync(LondonTime.StartOfDayUtc(new DateOnly(2026, 6, 4)).AddMinutes(1)));

        // Act
        var excused = await testData.WithServicesAsync(new DateOnly(2026, 6, 5), s => s.Notifications.ExcuseAsync(
            new ExcuseObligationOptions(order.ObligationId!.Value, "In hospital from 1 to 5 June"), TestData.Officer));

        // Assert
        Assert.Equal(ObligationStatus.Overdue, excused.StatusBefore);
        Assert.StartsWith("Notification duty excused on 5 June 2026: the duty to notify after service of the order (SPA 2019 s.9(1)), due by the end of 3 June 2026 and overdue, no longer runs.",
            excused.Explain(), StringComparison.Ordinal);
    }
}
