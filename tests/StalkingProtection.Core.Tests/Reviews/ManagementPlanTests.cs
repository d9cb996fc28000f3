using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Tasks;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Reviews;

/// <summary>The SPMP-style management plan of an order (spo-rules.md §7.1, R42).</summary>
public class ManagementPlanTests
{
    private static readonly DateOnly _made = new(2026, 2, 2);

    private static ManagementPlanContent Content(DateOnly nextReview, string lead = "DC Priya Shah") =>
        new(lead, "Two years of contact after the relationship ended; victim moved house.", null, "Monthly home visits; check social media.",
            "Refer to MASIP", nextReview);

    [Fact]
    public async Task R42_CreatePlanAsync_RaisesTheReviewTaskForTheLeadOfficer()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(_made).ServedOn(_made));

        // Act
        var id = (await testData.WithServicesAsync(_made.AddDays(1), s => s.Reviews.CreatePlanAsync(
            new CreateManagementPlanOptions(order.OrderId, Content(_made.AddDays(29))), TestData.Officer))).RecordId;

        // Assert
        await using var ctx = db.CreateContext();
        var plan = await ctx.ManagementPlans.SingleAsync(p => p.Id == id);
        Assert.Equal((1, "DC Priya Shah"), (plan.Current.Number, plan.Current.LeadOfficer));
        Assert.True(await ctx.StaffTasks.AnyAsync(t => t.OrderId == order.OrderId && t.Type == StaffTaskType.ReviewDue && t.DueOn == _made.AddDays(29)));
    }

    [Fact]
    public async Task R42_RevisePlanAsync_KeepsEveryVersion()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(_made).ServedOn(_made));
        var id = (await testData.WithServicesAsync(_made.AddDays(1), s => s.Reviews.CreatePlanAsync(
            new CreateManagementPlanOptions(order.OrderId, Content(_made.AddDays(29))), TestData.Officer))).RecordId;

        // Act
        var number = (await testData.WithServicesAsync(_made.AddDays(20), s => s.Reviews.RevisePlanAsync(
            new ReviseManagementPlanOptions(id, Content(_made.AddDays(60), "DC Sam Other"), "Lead officer moved team", 1), TestData.Coordinator))).PlanVersion;

        // Assert
        await using var ctx = db.CreateContext();
        var plan = await ctx.ManagementPlans.SingleAsync(p => p.Id == id);
        Assert.Equal(2, number);
        Assert.Equal(["DC Priya Shah", "DC Sam Other"], plan.Revisions.OrderBy(r => r.Number).Select(r => r.LeadOfficer));
        Assert.Equal("Lead officer moved team", plan.Current.ReasonForRevision);
    }

    [Fact]
    public async Task R42_SecondPlanForAnOrder_IsRefused()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(_made).ServedOn(_made));
        await testData.WithServicesAsync(_made.AddDays(1), s => s.Reviews.CreatePlanAsync(
            new CreateManagementPlanOptions(order.OrderId, Content(_made.AddDays(29))), TestData.Officer));

        // Act
        var ex = await Record.ExceptionAsync(() => testData.WithServicesAsync(_made.AddDays(2), s => s.Reviews.CreatePlanAsync(
            new CreateManagementPlanOptions(order.OrderId, Content(_made.AddDays(29))), TestData.Officer)));

        // Assert
        Assert.Equal("orderId", Assert.Single(Assert.IsType<RuleViolationException>(ex).Violations).Field);
    }

    [Fact]
    public void R42_PlanWithoutLeadOfficerOrFutureReview_IsRefusedNamingR42()
    {
        // Arrange
        var (order, _) = TestData.NewOrder(OrderKind.Full, _made);

        // Act
        var ex = Record.Exception(() => ManagementPlan.Create(order, Content(_made, lead: ""), "PC Alex Test", _made, TestData.NoonOn(_made)));

        // Assert
        var violations = Assert.IsType<RuleViolationException>(ex).Violations;
        Assert.Equal(["leadOfficer", "nextReviewOn"], violations.Where(v => v.RuleId == "R42").Select(v => v.Field));
    }
}
