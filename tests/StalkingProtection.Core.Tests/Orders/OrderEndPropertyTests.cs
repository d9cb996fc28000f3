using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Statistics;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Orders;

public enum EndKind
{
    Expiry,
    Discharge,
    ReplacementByFullOrder,
    QuashedOnAppeal,
}

/// <summary>
/// SPA 2019 s.9, R25–R28, R33: the end of an order, however it comes (expiry, s.3(1); discharge, s.4; replacement by the full order,
/// s.5(6)(b), R17, R19; quashing on appeal, s.7(4)), ends everything that hangs on it. Orders are ended in every way at random points
/// of their life (fixed seed): served or not, with a new address at any day before the end, so that some duties fall due while the
/// order is in force and some after it ended.
/// </summary>
public class OrderEndPropertyTests
{
    private static readonly StaffTaskType[] _outliveTheOrder =
        [StaffTaskType.RecordOnPnc, StaffTaskType.PotentialS11Offence, StaffTaskType.LegalReview, StaffTaskType.ConsiderAppeal];

    [Fact]
    public async Task SPA2019_s9_R25_R28_R33_OrdersEndedInEveryWayAtRandomPoints_NoDutyTaskOrDashboardFigureOutlivesThem()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var random = new Random(20191215);
        var ended = new List<(EndKind Kind, CreatedOrder Order, DateOnly CheckOn)>();
        for (var i = 0; i < 12; i++)
        {
            var kind = (EndKind)(i % 4);
            ended.Add(await EndAnOrderAsync(testData, kind, random));
        }

        var ct = TestContext.Current.CancellationToken;
        foreach (var (kind, created, checkOn) in ended)
        {
            var because = $"{kind} of order {created.OrderId}, checked on {checkOn:yyyy-MM-dd}";

            // Act: the dashboard before the deadline check has run, then the deadline check itself.
            List<NotificationObligation> countedBefore;
            await using (var before = db.CreateContext())
            {
                var dashboard = new DashboardQueries(before);
                countedBefore = await dashboard.NotificationsOverdue(checkOn).Concat(dashboard.NotificationsDueSoon(checkOn)).ToListAsync(ct);
                Assert.DoesNotContain(created.OrderId, await dashboard.LiveOrders(checkOn).Select(o => o.Id).ToListAsync(ct));
                Assert.DoesNotContain(created.OrderId, await dashboard.OrdersNotServed(checkOn).Select(o => o.Id).ToListAsync(ct));
            }

            await testData.WithServicesAsync(checkOn, s => s.Deadlines.RunAsync(TestData.NoonOn(checkOn), ct: ct));

            // Assert
            await using var ctx = db.CreateContext();
            var respondentId = created.Case.RespondentId;
            var orders = await ctx.Orders.IgnoreAutoIncludes().AsNoTracking().Where(o => o.RespondentId == respondentId).ToListAsync(ct);
            bool Supported(NotificationObligation d) => orders.Any(o => o.IsInForceOn(d.DueBy));
            Assert.All(countedBefore.Where(d => d.RespondentId == respondentId), d => Assert.True(Supported(d), because));

            var duties = await ctx.NotificationObligations.AsNoTracking().Where(d => d.RespondentId == respondentId).ToListAsync(ct);
            Assert.All(duties.Where(d => d.Status is ObligationStatus.Open or ObligationStatus.Overdue), d => Assert.True(Supported(d), because));
            Assert.All(duties.Where(d => d.Status == ObligationStatus.Excused), d => Assert.Contains("SPA 2019 s.9", d.ExcusedReason, StringComparison.Ordinal));

            var order = orders.Single(o => o.Id == created.OrderId);
            Assert.True(order.NoLongerInForceFrom <= checkOn, because);
            var open = await ctx.StaffTasks.AsNoTracking().Where(t => t.Status == StaffTaskStatus.Open).ToListAsync(ct);
            Assert.All(open.Where(t => t.OrderId == order.Id), t => Assert.Contains(t.Type, _outliveTheOrder));
            Assert.All(open.GroupBy(t => (t.Type, t.OrderId, t.ObligationId, t.RecordId, t.CaseId)), g => Assert.Single(g));

            await using var after = db.CreateContext();
            var dashboardAfter = new DashboardQueries(after);
            var countedAfter = await dashboardAfter.NotificationsOverdue(checkOn).Concat(dashboardAfter.NotificationsDueSoon(checkOn)).ToListAsync(ct);
            Assert.All(countedAfter.Where(d => d.RespondentId == respondentId), d => Assert.True(Supported(d), because));
        }

        Assert.Contains(ended, e => e.Kind == EndKind.QuashedOnAppeal);
    }

    private static async Task<(EndKind, CreatedOrder, DateOnly)> EndAnOrderAsync(TestData testData, EndKind kind, Random random)
    {
        var made = new DateOnly(2026, 1, 5).AddDays(random.Next(0, 200));
        DateOnly? served = random.Next(10) < 7 ? made.AddDays(random.Next(0, 3)) : null;
        var endsOn = made.AddDays(random.Next(3, 40));
        CreatedOrder order;
        switch (kind)
        {
            case EndKind.Expiry:
            case EndKind.ReplacementByFullOrder:
                order = await testData.CreateOrderAsync(o =>
                {
                    o.Interim().MadeOn(made).LastDay(kind == EndKind.Expiry ? endsOn.AddDays(-1) : made.AddDays(45));
                    if (served is { } s)
                    {
                        o.ServedOn(s);
                    }
                });
                break;
            default:
                order = await testData.CreateOrderAsync(o =>
                {
                    o.MadeOn(made).UntilFurtherOrder();
                    if (served is { } s)
                    {
                        o.ServedOn(s);
                    }
                });
                break;
        }

        Guid? appealId = null;
        if (kind == EndKind.QuashedOnAppeal)
        {
            var deadline = StatutoryDates.AppealLodgingDeadline(made, BankHolidayCalendar.EnglandAndWales, StatutoryDates.DefaultAppealBusinessDays);
            appealId = await testData.WithServicesAsync(made.AddDays(1), async s => (await s.Appeals.LodgeAsync(new LodgeAppealOptions(order.OrderId, null,
                AppellantType.Defendant, AppealableDecision.MakingOfOrder, made, deadline, made.AddDays(1), "No evidence of fixation"), TestData.Officer)).AppealId);
        }

        // A new address on any day of the order's life: its 3-day period may run past the end (SPA 2019 s.9(4), R28).
        var movedOn = made.AddDays(random.Next(0, endsOn.DayNumber - made.DayNumber));
        await testData.WithServicesAsync(movedOn, s => s.Notifications.RecordAddressChangeAsync(new RecordAddressChangeOptions(order.Case.RespondentId,
            $"{random.Next(1, 200)} Moss Lane, Leeds", PoliceForce.WestYorkshire, movedOn, AddressSource.Notification), TestData.Officer));

        switch (kind)
        {
            case EndKind.Discharge:
                // SPA 2019 s.4, R22: inside the first 2 years, with both consents.
                await testData.WithServicesAsync(endsOn, s => s.Orders.DischargeAsync(new DischargeOrderOptions(order.OrderId, ApplicantParty.Defendant, null,
                    endsOn, endsOn, [new DischargeConsent(ConsentParty.Defendant, endsOn, ConsentMethod.InCourt),
                        new DischargeConsent(ConsentParty.RelevantChiefOfficer, endsOn, ConsentMethod.InCourt)]), TestData.Officer));
                break;
            case EndKind.ReplacementByFullOrder:
                var full = await testData.CreateOrderAsync(o => o.ReplacingInterim(order).MadeOn(endsOn).UntilFurtherOrder());
                _ = full;
                break;
            case EndKind.QuashedOnAppeal:
                await testData.WithServicesAsync(endsOn, s => s.Appeals.DecideAsync(new DecideAppealOptions(appealId!.Value, AppealOutcome.Allowed, endsOn,
                    "T20260001"), TestData.Officer));
                break;
        }

        return (kind, order, endsOn.AddDays(random.Next(0, 8)));
    }
}
