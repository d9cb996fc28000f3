using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Tasks;

public sealed class TasksMatrix : IAuthorisationMatrixPart
{
    public IReadOnlyDictionary<string, string[]> Routes { get; } = new Dictionary<string, string[]>
    {
        ["/workspace/tasks"] = [.. StaffRoles.CaseRoles],
    };
}

public class TasksTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private async Task<StaffTask> RaiseAsync(StaffTaskType type, DateOnly due, string team, string? officer = null)
    {
        return await factory.WithDbAsync(async db =>
        {
            var task = StaffTask.Raise(type, $"{type}:{Guid.NewGuid()}", $"{type} task", due, null, null, null, team, officer, factory.Clock.GetUtcNow());
            db.StaffTasks.Add(task);
            await db.SaveChangesAsync();
            return task;
        });
    }

    [Fact]
    public async Task Get_AsOfficer_ListsTeamTasksOverdueFirstAndNotOtherTeams()
    {
        // Arrange
        var team = $"Team {Guid.NewGuid():N}";
        var officer = await factory.CreateUserAsync(StaffRoles.Officer, team);
        await RaiseAsync(StaffTaskType.ReviewDue, new DateOnly(2026, 12, 10), team);
        await RaiseAsync(StaffTaskType.PotentialS11Offence, new DateOnly(2026, 11, 25), team);
        await RaiseAsync(StaffTaskType.ServeOrder, new DateOnly(2026, 12, 1), "Another team");
        await RaiseAsync(StaffTaskType.RecordOnPnc, new DateOnly(2026, 12, 2), "Another team", officer.Id.ToString());

        // Act
        var document = await factory.CreateBrowser(officer).GetDocumentAsync("/workspace/tasks");

        // Assert
        var rows = document.QuerySelectorAll("[data-tasks] tbody tr");
        Assert.Equal(["PotentialS11Offence", "RecordOnPnc", "ReviewDue"], rows.Select(r => r.GetAttribute("data-task")));
        Assert.Contains("Overdue", rows[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MarkAsDone_ClosesTheTaskAndAuditsIt()
    {
        // Arrange
        var team = $"Team {Guid.NewGuid():N}";
        var officer = await factory.CreateUserAsync(StaffRoles.Officer, team);
        var task = await RaiseAsync(StaffTaskType.ReviewDue, new DateOnly(2026, 12, 10), team);
        var client = factory.CreateBrowser(officer);

        // Act
        var response = await client.SubmitFormAsync("/workspace/tasks", new Dictionary<string, string>(), $"form:has(input[value='{task.Id}'])");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.WithDbAsync(db => db.StaffTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id));
        Assert.Equal(StaffTaskStatus.Done, saved.Status);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.RecordId == task.Id.ToString() && e.Action == "Task.Completed")));
    }

    [Theory]
    [InlineData("taskId", "not-a-task")]
    [InlineData("version", "not-a-number")]
    [InlineData("taskId", "")]
    public async Task Post_MarkAsDoneWithAFieldTheButtonNeverHeld_AnswersTheBadRequestPageAndChangesNothing(string field, string value)
    {
        // Arrange
        var team = $"Team {Guid.NewGuid():N}";
        var officer = await factory.CreateUserAsync(StaffRoles.Officer, team);
        var task = await RaiseAsync(StaffTaskType.ReviewDue, new DateOnly(2026, 12, 10), team);
        var client = factory.CreateBrowser(officer);

        // Act
        var response = await client.SubmitFormAsync("/workspace/tasks", new Dictionary<string, string> { [field] = value }, $"form:has(input[value='{task.Id}'])");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Sorry, there is a problem with your request", (await response.GetDocumentAsync()).HeadingText());
        Assert.Equal(StaffTaskStatus.Open, (await factory.WithDbAsync(db => db.StaffTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id))).Status);
    }

    [Fact]
    public async Task Post_MarkAsDoneWithAStaleVersion_SaysSomeoneElseChangedIt()
    {
        // Arrange
        var team = $"Team {Guid.NewGuid():N}";
        var officer = await factory.CreateUserAsync(StaffRoles.Officer, team);
        var task = await RaiseAsync(StaffTaskType.ReviewDue, new DateOnly(2026, 12, 10), team);
        await factory.WithDbAsync(async db =>
        {
            var tracked = await db.StaffTasks.SingleAsync(t => t.Id == task.Id);
            tracked.Assign(team, "someone else");
            return await db.SaveChangesAsync();
        });
        var client = factory.CreateBrowser(officer);

        // Act
        var response = await client.SubmitFormAsync("/workspace/tasks",
            new Dictionary<string, string> { ["taskId"] = task.Id.ToString(), ["version"] = task.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            $"form:has(input[value='{task.Id}'])");
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(["Someone else changed this task. Its current state is shown below"], document.ErrorSummaryMessages());
        Assert.Equal(StaffTaskStatus.Open, (await factory.WithDbAsync(db => db.StaffTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id))).Status);
    }

    [Fact]
    public async Task V14_2_1_ByDefault_TheDeadlinesDownloadWhileSignedIn_AndNoAddressStandsForTheUser()
    {
        // Arrange
        var team = $"Team {Guid.NewGuid():N}";
        var officer = await factory.CreateUserAsync(StaffRoles.Officer, team);
        await RaiseAsync(StaffTaskType.ConsiderRenewal, new DateOnly(2027, 1, 15), team);
        var client = factory.CreateBrowser(officer);

        // Act
        var page = await client.GetDocumentAsync("/workspace/tasks");
        var download = await client.GetAsync(page.QuerySelector("[data-calendar-download]")!.GetAttribute("href"));
        var body = await download.Content.ReadAsStringAsync();
        var signedOut = await factory.CreateBrowser().GetAsync("/workspace/tasks?handler=Calendar");

        // Assert
        Assert.Null(page.QuerySelector("[data-calendar-url]"));
        Assert.Null(page.QuerySelector("form[action*=ResetCalendar]"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/calendar", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("deadlines.ics", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("SUMMARY:Consider renewing the order", body, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20270115", body, StringComparison.Ordinal);
        Assert.DoesNotContain(officer.Email!, body, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(HttpStatusCode.OK, signedOut.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.ActorId == officer.Id.ToString() && e.Action == "CalendarFeed.Read")));
    }

    [Fact]
    public async Task V14_2_1_ByDefault_ResettingAnAddressAnswers404AndChangesNothing()
    {
        // Arrange
        var team = $"Team {Guid.NewGuid():N}";
        var officer = await factory.CreateUserAsync(StaffRoles.Officer, team);
        await RaiseAsync(StaffTaskType.ConsiderRenewal, new DateOnly(2027, 1, 15), team);
        var client = factory.CreateBrowser(officer);
        var stampBefore = await factory.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.Id == officer.Id).Select(u => u.SecurityStamp).SingleAsync());

        // Act: the page's own antiforgery token, posted to the handler the page does not offer.
        var token = ((AngleSharp.Html.Dom.IHtmlInputElement)(await client.GetDocumentAsync("/workspace/tasks")).QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        var response = await client.PostAsync("/workspace/tasks?handler=ResetCalendar",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(stampBefore, await factory.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.Id == officer.Id).Select(u => u.SecurityStamp).SingleAsync()));
    }

    [Fact]
    public async Task V14_2_1_ByDefault_AnAddressWithAValidToken_Answers404()
    {
        // Arrange
        var officer = await factory.CreateUserAsync(StaffRoles.Officer);
        string token;
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffUser>>();
            token = await scope.ServiceProvider.GetRequiredService<StalkingProtection.Web.Infrastructure.Security.CalendarFeedTokens>()
                .CreateAsync((await users.FindByIdAsync(officer.Id.ToString()))!);
        }

        // Act
        var response = await factory.CreateBrowser().GetAsync($"/calendar/{token}.ics");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class CalendarSubscriptionsFactory : WebAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["StalkingProtection:Web:CalendarSubscriptions"] = "true",
    };
}

/// <summary>ASVS V14.2.1: a force that chooses calendar subscriptions gets an address per user that a reset ends.</summary>
public class CalendarSubscriptionTests(CalendarSubscriptionsFactory factory) : IClassFixture<CalendarSubscriptionsFactory>
{
    private async Task RaiseAsync(StaffTaskType type, DateOnly due, string team)
    {
        await factory.WithDbAsync(async db =>
        {
            db.StaffTasks.Add(StaffTask.Raise(type, $"{type}:{Guid.NewGuid()}", $"{type} task", due, null, null, null, team, null, factory.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task CalendarFeed_FromTheTasksPage_ListsDeadlinesWithoutPersonalDataAndStopsAfterReset()
    {
        // Arrange
        var team = $"Team {Guid.NewGuid():N}";
        var officer = await factory.CreateUserAsync(StaffRoles.Officer, team);
        await RaiseAsync(StaffTaskType.ConsiderRenewal, new DateOnly(2027, 1, 15), team);
        var client = factory.CreateBrowser(officer);
        var url = new Uri((await client.GetDocumentAsync("/workspace/tasks")).QuerySelector("[data-calendar-url]")!.TextContent.Trim());
        var calendarApp = factory.CreateBrowser();

        // Act
        var feed = await calendarApp.GetAsync(url.PathAndQuery);
        var body = await feed.Content.ReadAsStringAsync();
        await client.SubmitFormAsync("/workspace/tasks", new Dictionary<string, string>(), "form[action*=ResetCalendar]");
        var afterReset = await calendarApp.GetAsync(url.PathAndQuery);

        // Assert
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        Assert.Contains("BEGIN:VEVENT", body, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Consider renewing the order", body, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20270115", body, StringComparison.Ordinal);
        Assert.DoesNotContain(officer.Email!, body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, afterReset.StatusCode);
    }

    [Fact]
    public async Task CalendarFeed_WithAMadeUpToken_Answers404()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync("/calendar/not-a-real-token.ics");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
