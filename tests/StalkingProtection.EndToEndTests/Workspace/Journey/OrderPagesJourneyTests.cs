using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;

namespace StalkingProtection.EndToEndTests.Workspace.Journey;

/// <summary>
/// In the browser, from a case to its order and back: the case lists its orders, the victim's safe-contact preferences are shown only
/// with a reason, the order is shown "as at" a date, the PNC reference and a suspected s.11 offence are recorded on their pages and the
/// acknowledgement is reprinted. axe-core checks every page and state on the way.
/// </summary>
public class OrderPagesJourneyTests(JourneyServer server) : IClassFixture<JourneyServer>
{
    private readonly AccessibilityAudit _audit = new();

    [Fact]
    public async Task Journey_CaseOrderAndBack_SPA2019_s11_NewPagesAndStatesHaveNoAccessibilityViolation()
    {
        // Arrange: an order served a month ago whose initial notification was never made, and a victim who chose phone calls only.
        var data = new TestData(server.Database);
        var made = server.Today.AddDays(-30);
        var order = await data.CreateOrderAsync(o => o.WithCase(c => c.InTeam(JourneyServer.Team)).MadeOn(made).ServedOn(made.AddDays(1)));
        await using (var scope = server.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<VictimContactService>().SetAsync(new SetVictimContactOptions(order.Case.VictimId,
                new VictimContact("07700 900456", null, null, "Contact by: Phone call. Safe times: after 6pm", true)), TestData.Officer);
        }

        var crimeReference = await server.WithDbAsync(db => db.Cases.Where(c => c.Id == order.Case.CaseId).Select(c => c.CrimeReferences).SingleAsync());
        var respondent = await server.WithDbAsync(async db =>
        {
            var personId = await db.Respondents.Where(r => r.Id == order.Case.RespondentId).Select(r => r.PersonId).SingleAsync();
            return (await db.People.Include(p => p.Names).SingleAsync(p => p.Id == personId)).PrimaryName.FullName;
        });
        var officer = await server.SignInAsync(_audit, StaffRoles.Officer, "PC Sam Reid");

        // The officer in charge of the case by staff account: only they may open the victim's safe-contact preferences (DPA 2018 s.62).
        await server.WithDbAsync(async db =>
        {
            var officerId = await db.Users.Where(u => u.DisplayName == "PC Sam Reid").OrderByDescending(u => u.CreatedAt).Select(u => u.Id).FirstAsync();
            var stalkingCase = await db.Cases.SingleAsync(c => c.Id == order.Case.CaseId);
            stalkingCase.Assign(officerId.ToString(), JourneyServer.Team, officerId);
            return await db.SaveChangesAsync();
        });

        // The lists for daily work, as they open and with a sort they do not understand (the error summary says so).
        foreach (var (list, heading) in new[] { ("/workspace/cases", "Cases"), ("/workspace/applications", "Applications") })
        {
            await officer.OpenAsync(list, heading);
            await officer.OpenAsync($"{list}?Sort=Nonsense", heading);
            Assert.True(await officer.Page.Locator("[data-list-ignored]").IsVisibleAsync());
        }

        // Act and assert: the case, its victim panel and its order.
        await officer.OpenAsync($"/workspace/cases/{order.Case.CaseId}", crimeReference.Replace(",", ", ", StringComparison.Ordinal));
        Assert.Equal(["Give the reason you need to see the victim's safe-contact preferences"], await officer.PressExpectingErrorsAsync("Show safe-contact preferences"));
        await officer.FillAsync("ContactReason", "Arranging a call about the order");
        await officer.PressAsync("Show safe-contact preferences", crimeReference.Replace(",", ", ", StringComparison.Ordinal));
        Assert.Contains("07700 900456", await officer.TextAsync("[data-safe-contact]"), StringComparison.Ordinal);
        await officer.FollowAsync($"Stalking protection order made {D(made)}", respondent);
        Assert.Equal(crimeReference.Replace(",", ", ", StringComparison.Ordinal), await officer.TextAsync("[data-case-link]"));

        // The order as at the day before it was made.
        await officer.FillDateAsync("AsAt", made.AddDays(-1));
        await officer.PressAsync("Show the order on this date", respondent);
        Assert.StartsWith($"On {D(made.AddDays(-1))}: not yet made", await officer.TextAsync("[data-as-at]"), StringComparison.Ordinal);

        // The PNC reference, with an error first.
        await officer.FollowAsync("Record the PNC reference", "Record the PNC reference");
        Assert.Equal(["Enter the PNC reference"], await officer.PressExpectingErrorsAsync("Continue"));
        await officer.FillAsync("PncReference", "26/0045678B");
        await officer.PressAsync("Continue", "Check the PNC reference");
        await officer.PressAsync("Confirm and save", respondent);
        Assert.Contains("PNC reference 26/0045678B recorded.", await officer.BannerAsync(), StringComparison.Ordinal);

        // A suspected failure to notify (SPA 2019 s.11(1)(a)) and its outcome, with the outcome date asked for at the question.
        await officer.FollowAsync("Record a suspected notification offence", "Record a suspected notification offence");
        Assert.Equal(["Select the suspected offence"], await officer.PressExpectingErrorsAsync("Continue"));
        await officer.Page.Locator("input[name='Offence']").First.CheckAsync();
        await officer.PressAsync("Continue", "Check the suspected offence");
        await officer.PressAsync("Confirm and save", respondent);
        await officer.FollowAsync("Record the outcome of this offence", "Record the outcome of a suspected notification offence");
        await officer.ChooseAsync("Outcome", nameof(NotificationOffenceOutcome.Cautioned));
        Assert.Equal(["Enter the date of the outcome"], await officer.PressExpectingErrorsAsync("Continue"));
        await officer.FillDateAsync("OutcomeOn", server.Today);
        await officer.PressAsync("Continue", "Check the outcome of the suspected offence");
        await officer.PressAsync("Confirm and save", respondent);
        Assert.Contains("cautioned", await officer.TextAsync("[data-offences]"), StringComparison.Ordinal);

        // A notification at the station, then its acknowledgement reprinted from the order.
        server.At(9, 0);
        await officer.FollowAsync("Record a notification", "Record a notification at a police station");
        await officer.FillAsync("NotifiedTime", "08:30");
        await officer.FillAsync("StationName", "Leeds Central");
        await officer.SelectAsync("StationPoliceArea", "WestYorkshire");
        await officer.ChooseAsync("ReceivedByAuthorisedPerson", "No");
        await officer.FillAsync("NamesGiven", respondent);
        await officer.FillAsync("AddressGiven", "4 Canal Street, Leeds");
        await officer.PressAsync("Continue", "Check the notification");
        await officer.PressAsync("Confirm and save", "Notification recorded");
        await officer.FollowAsync("Back to the order", respondent);
        await officer.Page.Locator("[data-reprint]").First.ClickAsync();
        await officer.Page.Locator("h1", new() { HasText = "Acknowledgement of notification" }).WaitForAsync();
        await _audit.CheckAsync(officer.Page);
        await officer.Page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        Assert.False(await officer.Page.Locator(".govuk-service-navigation").IsVisibleAsync());
        Assert.False(await officer.Page.Locator("[data-print-hint]").IsVisibleAsync());
        Assert.True(await officer.Page.Locator("[data-acknowledgement]").IsVisibleAsync());

        // Assert: every page was checked, with no WCAG 2.2 A or AA violation.
        Assert.True(_audit.Unchecked().Count == 0, "Pages not checked by axe: " + string.Join(Environment.NewLine, _audit.Unchecked()));
        Assert.True(_audit.Violations.Count == 0, string.Join(Environment.NewLine, _audit.Violations));
    }

    private static string D(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
