using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Caseload;

public sealed class CaseloadMatrix : IAuthorisationMatrixPart
{
    public IReadOnlyDictionary<string, string[]> Routes { get; } = new Dictionary<string, string[]>
    {
        ["/workspace/caseload"] = [StaffRoles.Coordinator],
    };
}

/// <summary>The coordinators' caseload: each officer's open cases, overdue tasks on them and hearings coming up, the fullest first.</summary>
public class CaseloadTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Get_AsCoordinator_CountsEachOfficersOpenCasesOverdueTasksAndHearingsComingUp()
    {
        // Arrange: in one team, PC Alpha holds two open cases, one with an overdue task; PC Bravo holds one open case with a
        // hearing in three days and one closed case whose overdue task no longer counts.
        var team = $"Caseload {Guid.NewGuid():N}";
        var data = factory.Data();
        var today = factory.Clock.UkToday;
        var alpha1 = await data.CreateCaseAsync(c => c.InTeam(team));
        var alpha2 = await data.CreateCaseAsync(c => c.InTeam(team));
        var bravo = await data.CreateCaseAsync(c => c.InTeam(team));
        var bravoClosed = await data.CreateCaseAsync(c => c.InTeam(team));
        var application = await data.CreateApplicationAsync(a => a.ForCase(bravo));
        var listedFor = LondonTime.ToUtc(today.AddDays(3), new TimeOnly(10, 0));
        await factory.WithDbAsync(async db =>
        {
            var ids = new[] { alpha1.CaseId, alpha2.CaseId, bravo.CaseId, bravoClosed.CaseId };
            await db.StaffTasks.Where(t => t.CaseId != null && ids.Contains(t.CaseId.Value)).ExecuteUpdateAsync(t => t.SetProperty(x => x.Status, StaffTaskStatus.Done));
            await db.Cases.Where(c => c.Id == alpha1.CaseId || c.Id == alpha2.CaseId).ExecuteUpdateAsync(c => c.SetProperty(x => x.OfficerInCharge, "PC Alpha"));
            await db.Cases.Where(c => c.Id == bravo.CaseId).ExecuteUpdateAsync(c => c.SetProperty(x => x.OfficerInCharge, "PC Bravo"));
            await db.Cases.Where(c => c.Id == bravoClosed.CaseId)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.OfficerInCharge, "PC Bravo").SetProperty(x => x.Status, CaseStatus.Closed));
            var now = factory.Clock.GetUtcNow();
            db.StaffTasks.Add(StaffTask.Raise(StaffTaskType.ReviewDue, "caseload-" + alpha1.CaseId, "Review the case", today.AddDays(-2), null, null, alpha1.CaseId, team, null, now));
            db.StaffTasks.Add(StaffTask.Raise(StaffTaskType.ReviewDue, "caseload-" + alpha2.CaseId, "Review the case", today.AddDays(3), null, null, alpha2.CaseId, team, null, now));
            db.StaffTasks.Add(StaffTask.Raise(StaffTaskType.ReviewDue, "caseload-" + bravoClosed.CaseId, "Review the case", today.AddDays(-5), null, null, bravoClosed.CaseId, team, null, now));
            return await db.SaveChangesAsync();
        });
        await data.WithServicesAsync(today, async s => (await s.Hearings.ListHearingAsync(
            new ListHearingOptions(application.ApplicationId, listedFor, "Leeds Magistrates' Court"), TestData.Coordinator)).HearingId);
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Coordinator, team));

        // Act
        var page = await client.GetDocumentAsync("/workspace/caseload");

        // Assert
        var rows = page.QuerySelectorAll($"[data-caseload] tbody tr").Where(r => r.GetAttribute("data-team") == team).ToList();
        Assert.Equal(["PC Alpha", "PC Bravo"], rows.Select(r => r.GetAttribute("data-officer")));
        string Cell(int row, string name) => rows[row].QuerySelector($"[{name}]")!.TextContent.Trim();
        Assert.Equal(("2", "1", "0", "None listed"), (Cell(0, "data-open-cases"), Cell(0, "data-overdue-tasks"), Cell(0, "data-hearings"), Cell(0, "data-next-hearing")));
        Assert.Equal(("1", "0", "1"), (Cell(1, "data-open-cases"), Cell(1, "data-overdue-tasks"), Cell(1, "data-hearings")));
        Assert.Equal(Display.DateTime(listedFor), Cell(1, "data-next-hearing"));
        var casesLink = rows[0].QuerySelector("a")!.GetAttribute("href")!;
        var list = await client.GetDocumentAsync(casesLink);
        var listed = list.QuerySelectorAll("[data-case-table] [data-respondent] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(2, listed.Count);
        Assert.Contains($"/workspace/cases/{alpha1.CaseId}", listed);
        Assert.Contains($"/workspace/cases/{alpha2.CaseId}", listed);
    }
}
