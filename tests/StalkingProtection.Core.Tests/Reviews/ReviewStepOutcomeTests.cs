using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Core.Tasks;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Reviews;

/// <summary>Reviews, management plans, victim contact and tasks answer with what they decided, and one <c>Explain</c> gives the words (R41, R42).</summary>
public class ReviewStepOutcomeTests
{
    private static readonly DateOnly _made = new(2026, 2, 2);

    private static ManagementPlanContent Content(DateOnly nextReview, string lead = "DC Priya Shah") =>
        new(lead, "Two years of contact after the relationship ended; victim moved house.", null, "Monthly home visits; check social media.",
            "Refer to MASIP", nextReview);

    [Fact]
    public async Task R42_RecordReview_OutcomeGivesTheNextReviewDateAndWhomTheTaskIsFor()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 1, 5)).UntilFurtherOrder().ServedOn(new DateOnly(2026, 1, 5)));

        // Act
        var recorded = await testData.WithServicesAsync(new DateOnly(2026, 4, 1), s => s.Reviews.RecordReviewAsync(new RecordReviewOptions(order.OrderId, "PC Lead",
            "Compliant; attends programme; no contact reported", true, new DateOnly(2026, 7, 1)), TestData.Officer));

        // Assert
        Assert.Equal((order.OrderId, new DateOnly(2026, 7, 1), "PC Lead"), (recorded.OrderId!.Value, recorded.NextReviewOn!.Value, recorded.LeadOfficer!));
        Assert.Equal("Review recorded, with the order's PNC entry checked. The next review is due by 1 July 2026: a task to review the order's management "
            + "was raised for PC Lead (R42).", recorded.Explain());
    }

    [Fact]
    public async Task R42_CreateAndRevisePlan_OutcomesGiveTheVersionAndTheNextReviewDate()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(_made).ServedOn(_made));

        // Act
        var created = await testData.WithServicesAsync(_made.AddDays(1), s => s.Reviews.CreatePlanAsync(
            new CreateManagementPlanOptions(order.OrderId, Content(_made.AddDays(29))), TestData.Officer));
        var revised = await testData.WithServicesAsync(_made.AddDays(20), s => s.Reviews.RevisePlanAsync(
            new ReviseManagementPlanOptions(created.RecordId, Content(_made.AddDays(60), "DC Sam Other"), "Lead officer moved team", 1), TestData.Coordinator));

        // Assert
        Assert.Equal((ReviewStep.PlanCreated, ReviewStep.PlanRevised, (int?)2), (created.Step, revised.Step, revised.PlanVersion));
        Assert.Equal("Management plan created (version 1), with DC Priya Shah as lead officer. The next review is due by 3 March 2026: a task to review the "
            + "order's management was raised for DC Priya Shah (R42).", created.Explain());
        Assert.Equal("Management plan revised (version 2); the earlier versions are kept. The next review is due by 3 April 2026: a task to review the "
            + "order's management was raised for DC Sam Other (R42).", revised.Explain());
    }

    [Fact]
    public async Task R41_RecordVictimContact_OutcomeSaysWhatTheVictimWasToldHowAndWhen()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 1, 5)).ServedOn(new DateOnly(2026, 1, 5)));
        var at = TestData.NoonOn(new DateOnly(2026, 1, 6)).AddHours(-1);

        // Act
        var recorded = await testData.WithServicesAsync(new DateOnly(2026, 1, 6), s => s.Reviews.RecordVictimContactAsync(new RecordVictimContactOptions(
            order.Case.VictimId, order.OrderId, VictimContactEventType.Service, at, ContactChannel.Phone, "Told her the order was served this morning"), TestData.Officer));

        // Assert
        Assert.Equal(at, recorded.OccurredAt);
        Assert.Equal("Contact recorded: the victim was told the order was served, by phone, on 6 January 2026 at 11:00am (R41).", recorded.Explain());
    }

    [Fact]
    public async Task CompleteTask_OutcomeNamesTheTaskDone()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(_made).ServedOn(_made));
        await using var ctx = db.CreateContext();
        var task = await ctx.StaffTasks.FirstAsync(t => t.OrderId == order.OrderId && t.Type == StaffTaskType.ReviewDue && t.Status == StaffTaskStatus.Open);

        // Act
        var completed = await testData.WithServicesAsync(_made.AddDays(1), s => s.Reviews.CompleteTaskAsync(task.Id, task.Version, TestData.Officer));

        // Assert
        Assert.Equal((task.Id, ReviewStep.TaskCompleted), (completed.RecordId, completed.Step));
        Assert.NotNull(completed.CompletedAt);
        Assert.Equal($"Task marked as done: {task.Title}.", completed.Explain());
    }
}
