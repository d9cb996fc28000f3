using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace;

public class AuditLogPageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Get_FilteredByRecord_ListsOnlyThatRecordsEntriesAndAuditsTheSearch()
    {
        // Arrange
        var admin = await factory.CreateUserAsync(StaffRoles.Administrator);
        var recordId = Guid.NewGuid().ToString();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
            var actor = new Actor("officer-7", "PC Seven", StaffRoles.Officer);
            log.Add(actor, AuditEvents.Order.Varied.For(recordId, "Victim moved"));
            log.Add(actor, AuditEvents.Order.Viewed.For(Guid.NewGuid()));
            await scope.ServiceProvider.GetRequiredService<Core.Data.StalkingProtectionDbContext>().SaveChangesAsync();
        }

        var client = factory.CreateBrowser(admin);

        // Act
        var response = await client.GetAsync($"/workspace/audit?RecordId={recordId}");
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = document.QuerySelectorAll("[data-audit-table] tbody tr");
        Assert.Single(rows);
        Assert.Contains("Order.Varied", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Victim moved", rows[0].TextContent, StringComparison.Ordinal);
        var searchAudited = await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "AuditLog.Searched" && e.ActorId == admin.Id.ToString()));
        Assert.True(searchAudited);
    }

    [Fact]
    public async Task Get_MoreThanOnePage_LinksToOlderEntries()
    {
        // Arrange
        var admin = await factory.CreateUserAsync(StaffRoles.Administrator);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
            for (var i = 0; i < Pages.Workspace.Audit.IndexModel.PageSize + 5; i++)
            {
                log.Add(Actor.System, new AuditEvent(AuditKind.Alteration, "Paging.Test", "Thing", i));
            }

            await scope.ServiceProvider.GetRequiredService<Core.Data.StalkingProtectionDbContext>().SaveChangesAsync();
        }

        var client = factory.CreateBrowser(admin);

        // Act
        var first = await client.GetDocumentAsync("/workspace/audit?Action=Paging.Test");
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await client.GetDocumentAsync(next);

        // Assert
        Assert.Equal(Pages.Workspace.Audit.IndexModel.PageSize, first.QuerySelectorAll("[data-audit-table] tbody tr").Length);
        Assert.Equal(5, second.QuerySelectorAll("[data-audit-table] tbody tr").Length);
    }
}
