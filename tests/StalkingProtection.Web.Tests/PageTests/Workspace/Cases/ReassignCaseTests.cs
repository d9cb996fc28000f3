using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

/// <summary>A coordinator gives a case to another officer and team, with the reason; its open tasks go with it.</summary>
public class ReassignCaseTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    [Fact]
    public async Task Post_AnotherOfficerAndTeamThenConfirm_ReassignsTheCaseMovesItsOpenTasksAndAuditsTheReason()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var (before, task) = await Factory.WithDbAsync<(string, Guid)>(async db =>
        {
            var c = await db.Cases.SingleAsync(x => x.Id == created.CaseId);
            var raised = StaffTask.Raise(StaffTaskType.ReviewDue, $"reassign-{c.Id}", "Review the case", Factory.Clock.UkToday.AddDays(2), null, null, c.Id,
                c.Team, c.OfficerInCharge, Factory.Clock.GetUtcNow());
            db.StaffTasks.Add(raised);
            await db.SaveChangesAsync();
            return (c.OfficerInCharge, raised.Id);
        });
        var newOfficer = await Factory.CreateUserAsync(StaffRoles.Officer, "North Team");
        var client = await BrowserAsync(StaffRoles.Coordinator, null);

        // Act
        var question = await client.SubmitFormAsync($"/workspace/cases/reassign-case/{created.CaseId}", new Dictionary<string, string>
        {
            ["OfficerInCharge"] = newOfficer.Id.ToString(),
            ["Team"] = "North Team",
            ["Reason"] = "Workload: the case moves to the north team's stalking lead",
        });
        var checkUrl = question.Headers.Location!.OriginalString;
        var check = await client.GetDocumentAsync(checkUrl);
        var saved = await client.SubmitFormAsync(checkUrl, new Dictionary<string, string>());
        var casePage = await client.GetDocumentAsync($"/workspace/cases/{created.CaseId}");

        // Assert
        Assert.Contains(newOfficer.DisplayName, check.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/workspace/cases/{created.CaseId}", saved.Headers.Location!.OriginalString);
        Assert.Contains($"Case reassigned to {newOfficer.DisplayName}", casePage.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var stalkingCase = await Factory.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == created.CaseId));
        Assert.Equal((newOfficer.Id.ToString(), "North Team", newOfficer.Id), (stalkingCase.OfficerInCharge, stalkingCase.Team, stalkingCase.OfficerInChargeId));
        var moved = await Factory.WithDbAsync(db => db.StaffTasks.AsNoTracking().SingleAsync(t => t.Id == task));
        Assert.Equal((newOfficer.Id.ToString(), "North Team"), (moved.AssignedOfficer, moved.AssignedTeam));
        var entry = await Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "Case.Reassigned" && e.RecordId == created.CaseId.ToString()));
        Assert.Equal(AuditKind.Alteration, entry.Kind);
        Assert.Equal("Workload: the case moves to the north team's stalking lead", entry.Justification);
        Assert.Contains(before, entry.OldValues, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NothingChangedAndNoReason_ShowsErrorsAndChangesNothing()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var holder = await Factory.CreateUserAsync(StaffRoles.Officer, CaseTeam);
        await Factory.WithDbAsync(async db =>
        {
            var c = await db.Cases.SingleAsync(x => x.Id == created.CaseId);
            c.Assign(holder.Id.ToString(), CaseTeam, holder.Id);
            return await db.SaveChangesAsync();
        });
        var client = await BrowserAsync(StaffRoles.Coordinator, null);
        var page = await client.GetDocumentAsync($"/workspace/cases/reassign-case/{created.CaseId}");
        var officer = page.QuerySelector("#OfficerInCharge option[selected]")!.GetAttribute("value")!;

        // Act
        var blank = await (await client.SubmitFormAsync($"/workspace/cases/reassign-case/{created.CaseId}", new Dictionary<string, string>
        {
            ["OfficerInCharge"] = "",
            ["Team"] = "",
            ["Reason"] = "",
        })).GetDocumentAsync();
        var same = await (await client.SubmitFormAsync($"/workspace/cases/reassign-case/{created.CaseId}", new Dictionary<string, string>
        {
            ["OfficerInCharge"] = officer,
            ["Team"] = CaseTeam,
            ["Reason"] = "No change really",
        })).GetDocumentAsync();

        // Assert
        Assert.Equal(["Select the officer in charge", "Enter the team", "Enter why the case is changing hands"], blank.ErrorSummaryMessages());
        Assert.Equal(holder.Id.ToString(), officer);
        Assert.Equal(["Select another officer or enter another team: the case is already theirs"], same.ErrorSummaryMessages());
        Assert.False(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Case.Reassigned" && e.RecordId == created.CaseId.ToString())));
    }

    [Fact]
    public async Task Post_AfterSomeoneElseChangedTheCase_RL4_ShowsTheConflictAndReassignsNothing()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var newOfficer = await Factory.CreateUserAsync(StaffRoles.Officer, "East Team");
        var client = await BrowserAsync(StaffRoles.Coordinator, null);
        var version = await VersionOnPageAsync(client, $"/workspace/cases/reassign-case/{created.CaseId}");
        var question = await client.SubmitFormAsync($"/workspace/cases/reassign-case/{created.CaseId}", new Dictionary<string, string>
        {
            ["OfficerInCharge"] = newOfficer.Id.ToString(),
            ["Team"] = "East Team",
            ["Reason"] = "Covering leave",
            ["Version"] = version,
        });
        await Factory.WithDbAsync(async db =>
        {
            var c = await db.Cases.SingleAsync(x => x.Id == created.CaseId);
            c.Assign("Someone else", "West Team");
            return await db.SaveChangesAsync();
        });

        // Act
        var document = await (await client.SubmitFormAsync(question.Headers.Location!.OriginalString, new Dictionary<string, string>())).GetDocumentAsync();

        // Assert
        Assert.Equal([ConflictMessage], AllErrors(document));
        var stalkingCase = await Factory.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == created.CaseId));
        Assert.Equal(("Someone else", "West Team"), (stalkingCase.OfficerInCharge, stalkingCase.Team));
    }
}
