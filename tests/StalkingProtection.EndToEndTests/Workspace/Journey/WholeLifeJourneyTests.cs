using System.Globalization;
using Microsoft.Playwright;
using StalkingProtection.Core.Staff;
using StalkingProtection.EndToEndTests.PublicSite;

namespace StalkingProtection.EndToEndTests.Workspace.Journey;

/// <summary>
/// A stalking protection order's whole life in the browser, as the people who do each part of it: a victim reports online;
/// an officer triages it into a case and builds the applications; legal services advise; a coordinator authorises; the officer lodges
/// them and records the court's orders, service and notification; legal services record the variation and the discharge.
/// axe-core checks every page on the way, error pages included.
/// </summary>
public class WholeLifeJourneyTests(JourneyServer server) : IClassFixture<JourneyServer>
{
    private const string Respondent = "Jo Bloggs";
    private const string Court = "Leeds Magistrates' Court";
    private readonly AccessibilityAudit _audit = new();
    private string _caseHeading = "";

    private DateOnly Today => server.Today;

    [Fact]
    public async Task Journey_ReportToDischarge_R17_R19_R22_R25_EachPageShowsTheLawWithNoAccessibilityViolation()
    {
        // Arrange: the victim reports online; staff sign in.
        var reportReference = await ReportOnlineAsync();
        var officer = await server.SignInAsync(_audit, StaffRoles.Officer, "PC Alex Morgan");
        var legal = await server.SignInAsync(_audit, StaffRoles.LegalServices, "Priya Shah (legal services)");
        var coordinator = await server.SignInAsync(_audit, StaffRoles.Coordinator, "DS Chris Lee");

        // Act and assert, step by step.
        var caseUrl = await TriageReportIntoCaseAsync(officer, reportReference);
        await AddRespondentAndVictimAsync(officer);
        await RecordActWithAnErrorFirstAsync(officer);
        await RecordRiskScreeningAsync(officer);
        await RecordSpoDecisionAsync(officer);
        var fullUrl = await DraftFullApplicationAsync(officer);
        await PrepareApplicationAsync(officer);
        await AskForAuthorisationAsync(officer);
        var interimUrl = await DraftInterimApplicationAsync(officer, caseUrl);
        await PrepareApplicationAsync(officer);
        await CommentAsLegalServicesAsync(legal, fullUrl);
        await AuthoriseFromTheQueueAsync(coordinator, fullUrl, "Asked for authorisation");
        await ChangeJurisdictionAfterAuthorisationAsync(officer, fullUrl);
        await AuthoriseFromTheQueueAsync(coordinator, fullUrl, "Changed after it was authorised");
        await AuthoriseAsync(coordinator, interimUrl, "Interim application for a stalking protection order");
        await LodgeAsync(officer, fullUrl, "Full application for a stalking protection order");
        await LodgeAsync(officer, interimUrl, "Interim application for a stalking protection order");

        server.At(10, 30);
        await HearAndGrantAsync(officer, interimUrl, "Interim application for a stalking protection order", "10:00", "Record the interim stalking protection order");
        var interimOrderUrl = await RecordInterimOrderAsync(officer);
        server.At(11, 0);
        await RecordServiceAsync(officer, "10:45", "10:45am", expectNotificationDuty: true);
        server.At(11, 30);
        await RecordNotificationAtStationAsync(officer, interimOrderUrl);

        server.At(14, 30);
        await HearAndGrantAsync(officer, fullUrl, "Full application for a stalking protection order", "14:00", "Record the stalking protection order");
        var fullOrderUrl = await RecordFullOrderReplacingInterimAsync(officer);
        await CheckInterimCeasedAsync(officer, interimOrderUrl);
        await officer.OpenAsync(fullOrderUrl, Respondent);
        server.At(15, 0);
        await RecordServiceAsync(officer, "14:50", "2:50pm", expectNotificationDuty: false);
        server.At(16, 0);
        await RecordBreachAsync(officer, caseUrl);
        server.At(16, 30);
        await RecordVariationAsync(legal, fullOrderUrl);
        server.At(17, 0);
        await RecordDischargeWithConsentsAsync(legal, fullOrderUrl);
        await CheckTheEndedOrderOffersOnlyWhatTheLawAllowsAsync(legal, fullOrderUrl);
        await CheckTheCasesTasksAsync(officer);
        await ReassignFromTheCaseloadAsync(coordinator, caseUrl);

        // Assert: every page was checked, and none had a WCAG 2.2 A or AA violation.
        Assert.True(_audit.Unchecked().Count == 0, "Pages not checked by axe: " + string.Join(Environment.NewLine, _audit.Unchecked()));
        Assert.True(_audit.Checked.Count >= 80, $"Only {_audit.Checked.Count} pages were checked.");
        Assert.True(_audit.Violations.Count == 0, string.Join(Environment.NewLine, _audit.Violations));
    }

    private string D(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>The victim's report through the public site, every page checked; returns the reference they are given.</summary>
    private async Task<string> ReportOnlineAsync()
    {
        var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        _audit.Watch(page, "The victim");
        var victim = new Screen(page, _audit);
        await victim.OpenAsync("/report", "Report stalking");
        await victim.PressAsync("Start now", "Before you start: staying safe");
        await victim.PressAsync("Start the report", "Who are you reporting for?");
        await ReportBrowser.AnswerAllAsync(page, _audit.CheckAsync);
        await _audit.CheckAsync(page);
        var reference = await ReportBrowser.SendAsync(page);
        await _audit.CheckAsync(page);
        return reference;
    }

    /// <summary>
    /// Triage turns the online report into a case: the officer finds it in the queue, reads it and opens a new case, which
    /// is reported on the day the report was sent.
    /// </summary>
    private async Task<string> TriageReportIntoCaseAsync(Screen officer, string reportReference)
    {
        await officer.OpenAsync("/workspace/triage", "Online reports to triage");
        await officer.FollowAsync(reportReference, reportReference);
        Assert.Contains("Jo Bloggs", await officer.SummaryAsync("Who is doing it"), StringComparison.Ordinal);
        await officer.PressAsync("Triage this report", "What do you want to do with this report?");
        await officer.ChooseAsync("Outcome", "CaseOpened");
        await officer.PressAsync("Continue", "Open a new case");
        await officer.FillAsync("CrimeReferences", "CR/40117/26");
        await officer.ChooseAsync("Offences", "StalkingPha2A");
        await officer.ChooseAsync("AddVictim", "false");
        await officer.PressAsync("Continue", "Check your answers");
        await officer.PressAsync("Confirm", "Report triaged");
        await officer.FollowAsync("Go to the case", "CR/40117/26");
        _caseHeading = "CR/40117/26";
        Assert.Equal(D(Today), await officer.SummaryAsync("Date reported"));
        Assert.Contains("No decision on seeking a stalking protection order", await officer.TextAsync("[data-spo-decision-missing]"), StringComparison.Ordinal);
        return officer.Path;
    }

    private async Task AddRespondentAndVictimAsync(Screen officer)
    {
        await officer.FollowAsync("Add a person", "Add a person to the case");
        await officer.ChooseAsync("Role", "Respondent");
        await officer.FillAsync("GivenNames", "Jo");
        await officer.FillAsync("FamilyName", "Bloggs");
        await officer.FillDateAsync("DateOfBirth", new DateOnly(1986, 4, 12));
        await officer.ChooseAsync("Gender", "Male");
        await officer.FillAsync("PncId", "86/123456X");
        await officer.FillAsync("HomeAddress", "14 Harehills Lane, Leeds LS8 4AB");
        await officer.SelectAsync("HomeAddressPoliceArea", "WestYorkshire");
        await officer.PressAsync("Continue", "Check your answers");
        await officer.PressAsync("Add person", _caseHeading);

        await officer.FollowAsync("Add a person", "Add a person to the case");
        await officer.ChooseAsync("Role", "Both");
        await officer.FillAsync("GivenNames", "Sam");
        await officer.FillAsync("FamilyName", "Carter");
        await officer.ChooseAsync("Gender", "Female");
        await officer.ChooseAsync("Relationship", "ExIntimate");
        await officer.PressAsync("Continue", "Check your answers");
        await officer.PressAsync("Add person", _caseHeading);

        var people = await officer.TextAsync("[data-people]");
        Assert.Contains("Respondent Jo Bloggs, born 12 April 1986", people, StringComparison.Ordinal);
        Assert.Contains("Victim and protected person Sam Carter", people, StringComparison.Ordinal);
    }

    /// <summary>Continue with nothing entered first: the error summary names each question (and is checked by axe too).</summary>
    private async Task RecordActWithAnErrorFirstAsync(Screen officer)
    {
        await officer.FollowAsync("Record an act", "Record an act associated with stalking");
        var errors = await officer.PressExpectingErrorsAsync("Continue");
        Assert.Contains("Enter the date it happened", errors);
        Assert.Contains("Select at least one kind of act associated with stalking (SPA 2019 s.1(6), R6)", errors);

        await officer.FillDateAsync("OccurredFrom", Today.AddDays(-40));
        await officer.FillDateAsync("OccurredTo", Today.AddDays(-10));
        await officer.FillAsync("LocationCountry", "United Kingdom");
        await officer.FillAsync("Location", "Outside her home in Leeds");
        await officer.ChooseAsync("Categories", "Following");
        await officer.ChooseAsync("Categories", "WatchingOrSpying");
        await officer.ChooseAsync("Channel", "InPerson");
        await officer.SelectFirstAsync("TargetVictimId");
        await officer.FillAsync("Description", "Followed her home from work and waited outside most evenings.");
        await officer.PressAsync("Continue", "Check your answers");
        await officer.PressAsync("Record act", _caseHeading);
        Assert.Contains("Sam Carter", await officer.TextAsync("[data-acts]"), StringComparison.Ordinal);
    }

    private async Task RecordRiskScreeningAsync(Screen officer)
    {
        await officer.FollowAsync("Record a risk screening", "Which screening tool did you use?");
        await officer.ChooseAsync("Tool", "SDash");
        await officer.PressAsync("Continue", "S-DASH answers");
        for (var i = 0; i < 11; i++)
        {
            await officer.ChooseAsync($"Answers[{i}]", i < 7 ? "Y" : "N");
        }

        await officer.ChooseAsync("Level", "High");
        await officer.FillDateAsync("NextReviewOn", Today.AddDays(28));
        await officer.PressAsync("Continue", "Check your answers");
        await officer.PressAsync("Record screening", _caseHeading);
        Assert.StartsWith($"S-DASH on {D(Today)} High risk", await officer.TextAsync("[data-risk]"), StringComparison.Ordinal);
    }

    private async Task RecordSpoDecisionAsync(Screen officer)
    {
        await officer.FollowAsync("Record the SPO decision", "Decision on seeking a stalking protection order");
        await officer.ChooseAsync("Decision", "Apply");
        await officer.FillAsync("Rationale", "High risk on S-DASH; the victim supports an order; an order is needed while the investigation continues.");
        await officer.FillAsync("AuthorisingOfficer", "DI Asha Patel");
        await officer.PressAsync("Continue", "Check your answers");
        await officer.PressAsync("Record decision", _caseHeading);
        Assert.Equal(0, await officer.Page.Locator("[data-spo-decision-missing]").CountAsync());
        Assert.Contains("Apply for an order", await officer.TextAsync("[data-decisions]"), StringComparison.Ordinal);
    }

    private async Task<string> DraftFullApplicationAsync(Screen officer)
    {
        await officer.FollowAsync("Draft an application", "Draft an application to the magistrates' court");
        await officer.ChooseAsync("Type", "Full");
        await officer.SelectAsync("ApplicantForce", "WestYorkshire");
        await officer.PressAsync("Continue", "Check your answers");
        await officer.PressAsync("Create draft", "Full application for a stalking protection order");
        Assert.Equal("Draft", await officer.TextAsync("[data-status]"));
        Assert.Equal("Not yet started", await officer.TaskStatusAsync("Evidence for the three limbs of the test"));
        return officer.Path;
    }

    private async Task<string> DraftInterimApplicationAsync(Screen officer, string caseUrl)
    {
        await officer.OpenAsync(caseUrl, _caseHeading);
        await officer.FollowAsync("Draft an application", "Draft an application to the magistrates' court");
        await officer.ChooseAsync("Type", "Interim");
        await officer.SelectFirstAsync("MainApplicationId");
        await officer.SelectAsync("ApplicantForce", "WestYorkshire");
        await officer.PressAsync("Continue", "Check your answers");
        await officer.PressAsync("Create draft", "Interim application for a stalking protection order");
        Assert.Equal("Full order application", await officer.SummaryAsync("Main application"));
        return officer.Path;
    }

    /// <summary>The task list of a draft application: jurisdiction (R2), the three limbs (R3), the person to protect (R4), the court (R7).</summary>
    private async Task PrepareApplicationAsync(Screen officer)
    {
        var heading = await officer.TextAsync("h1");
        await officer.FollowAsync("Why the force may apply (jurisdiction)", "Why the force may apply");
        await officer.ChooseAsync("Basis", "ResidesInArea");
        await officer.FillAsync("Notes", "Lives at 14 Harehills Lane, Leeds, in West Yorkshire.");
        await officer.PressAsync("Continue", "Check why the force may apply");
        await officer.PressAsync("Confirm and save", heading);

        await LinkEvidenceAsync(officer, heading, "ActsAssociatedWithStalking", "Act", 1, "Following and watching over 30 days.");
        await LinkEvidenceAsync(officer, heading, "RiskAssociatedWithStalking", "RiskAssessment", 2, "S-DASH screening: high risk.");
        await LinkEvidenceAsync(officer, heading, "NecessaryToProtect", "NecessityRationale", null, "Without an order he will keep following her.");
        Assert.Equal("Completed", await officer.TaskStatusAsync("Evidence for the three limbs of the test"));

        await officer.FollowAsync("People the order is to protect", "People the order is to protect");
        await officer.Page.Locator("input[name='VictimId']").First.CheckAsync();
        await officer.PressAsync("Continue", "Check the person to protect");
        await officer.PressAsync("Confirm and save", heading);

        await officer.FollowAsync("Court", "Court");
        await officer.ChooseAsync("Venue", "MagistratesCourt");
        await officer.FillAsync("CourtName", Court);
        await officer.PressAsync("Continue", "Check the court");
        await officer.PressAsync("Confirm and save", heading);
        Assert.Equal("Cannot start yet", await officer.TaskStatusAsync("Lodge with the court"));
        Assert.Contains("Sam Carter", await officer.TextAsync("[data-protected]"), StringComparison.Ordinal);
    }

    private static async Task LinkEvidenceAsync(Screen officer, string heading, string limb, string kind, int? record, string description)
    {
        await officer.FollowAsync("Evidence for the three limbs of the test", "Link evidence to the test");
        await officer.ChooseAsync("Limb", limb);
        await officer.ChooseAsync("Kind", kind);
        if (record is { } index)
        {
            await officer.Page.Locator("select[name='ReferenceId']").SelectOptionAsync(new SelectOptionValue { Index = index });
        }

        await officer.FillAsync("Description", description);
        await officer.PressAsync("Continue", "Check the evidence");
        await officer.PressAsync("Confirm and save", heading);
    }

    private static async Task CommentAsLegalServicesAsync(Screen legal, string applicationUrl)
    {
        await legal.OpenAsync(applicationUrl, "Full application for a stalking protection order");
        await legal.FollowAsync("Add a comment", "Comment on the application");
        await legal.FillAsync("Comment", "The evidence meets all three limbs; ask for the exclusion zone at the full hearing.");
        await legal.PressAsync("Continue", "Check your comment");
        await legal.PressAsync("Add comment", "Full application for a stalking protection order");
        Assert.Contains("ask for the exclusion zone", await legal.TextAsync("[data-comments]"), StringComparison.Ordinal);
    }

    private static async Task AuthoriseAsync(Screen coordinator, string applicationUrl, string heading)
    {
        await coordinator.OpenAsync(applicationUrl, heading);
        await coordinator.FollowAsync("Authorisation by an SPO coordinator", "Authorise the application");
        await coordinator.ChooseAsync("Decision", "Approve");
        await coordinator.PressAsync("Continue", "Check your decision");
        await coordinator.PressAsync("Confirm and save", heading);
        Assert.Contains("Application authorised", await coordinator.BannerAsync(), StringComparison.Ordinal);
        Assert.Equal("Completed", await coordinator.TaskStatusAsync("Authorisation by an SPO coordinator"));
        Assert.Equal("Authorised", await coordinator.TextAsync("[data-status]"));
    }

    private static async Task AskForAuthorisationAsync(Screen officer)
    {
        var heading = await officer.TextAsync("h1");
        await officer.PressAsync("Ask a coordinator to authorise the application", heading);
        Assert.Equal("Awaiting authorisation", await officer.TextAsync("[data-status]"));
    }

    /// <summary>The coordinator works from the queue: the application is listed with why it waits, and leaves the queue once authorised.</summary>
    private static async Task AuthoriseFromTheQueueAsync(Screen coordinator, string applicationUrl, string why)
    {
        const string Queue = "/workspace/applications/awaiting-authorisation";
        var row = $"[data-application='{applicationUrl[(applicationUrl.LastIndexOf('/') + 1)..]}']";
        await coordinator.OpenAsync(Queue, "Applications awaiting authorisation");
        Assert.Equal(why, await coordinator.TextAsync($"{row} [data-why]"));
        Assert.Equal(Respondent, await coordinator.TextAsync($"{row} [data-respondent]"));
        await coordinator.FollowAsync($"Full order application for {Respondent}, CR/40117/26", "Authorise the application");
        await coordinator.ChooseAsync("Decision", "Approve");
        await coordinator.PressAsync("Continue", "Check your decision");
        await coordinator.PressAsync("Confirm and save", "Full application for a stalking protection order");
        Assert.Contains("Application authorised", await coordinator.BannerAsync(), StringComparison.Ordinal);
        Assert.Equal("Authorised", await coordinator.TextAsync("[data-status]"));
        await coordinator.OpenAsync(Queue, "Applications awaiting authorisation");
        Assert.Equal(0, await coordinator.Page.Locator(row).CountAsync());
    }

    /// <summary>What is lodged is what was authorised: a change after authorisation sends the application back to the coordinators.</summary>
    private static async Task ChangeJurisdictionAfterAuthorisationAsync(Screen officer, string applicationUrl)
    {
        const string Heading = "Full application for a stalking protection order";
        await officer.OpenAsync(applicationUrl, Heading);
        await officer.FollowAsync("Why the force may apply (jurisdiction)", "Why the force may apply");
        await officer.FillAsync("Notes", "Lives at 14 Harehills Lane, Leeds, in West Yorkshire, and works in Leeds.");
        await officer.PressAsync("Continue", "Check why the force may apply");
        await officer.PressAsync("Confirm and save", Heading);
        Assert.Equal("Awaiting authorisation", await officer.TextAsync("[data-status]"));
    }

    /// <summary>
    /// SPA 2019 s.7: once discharged, the order page offers only what the law still allows (an appeal, a breach dated while it
    /// was in force), and the orders list says how and when the order ended.
    /// </summary>
    private async Task CheckTheEndedOrderOffersOnlyWhatTheLawAllowsAsync(Screen legal, string orderUrl)
    {
        Assert.StartsWith("Discharged on ", await legal.TextAsync("[data-order-ended]"), StringComparison.Ordinal);
        Assert.Equal(["Record a breach committed while the order was in force", "Record an appeal"], await legal.TextsAsync("[data-actions] a"));
        await legal.OpenAsync("/workspace/orders?Filter=All", "Orders");
        Assert.Equal($"Discharged on {D(Today)}", await legal.TextAsync($"[data-orders-table] tr:has(a[href='{orderUrl}']) [data-order-status]"));
    }

    /// <summary>One open task per duty and record, each naming its owner, and none left open for the discharged order's duties.</summary>
    /// <summary>The coordinator finds the officer in the caseload and gives the case to themselves, with the reason.</summary>
    private async Task ReassignFromTheCaseloadAsync(Screen coordinator, string caseUrl)
    {
        await coordinator.OpenAsync("/workspace/caseload", "Caseload");
        var row = coordinator.Page.Locator("[data-caseload] tbody tr").Filter(new() { HasText = "PC Alex Morgan" });
        Assert.True(int.Parse(await row.Locator("[data-open-cases]").First.InnerTextAsync(), CultureInfo.InvariantCulture) >= 1);
        await coordinator.OpenAsync(caseUrl, _caseHeading);
        await coordinator.FollowAsync("Change officer in charge", "Reassign the case");
        await coordinator.SelectAsync("OfficerInCharge", await coordinator.Page.Locator("select[name='OfficerInCharge'] option", new() { HasText = "(you)" })
            .First.GetAttributeAsync("value") ?? "");
        await coordinator.FillAsync("Reason", "Covering the officer's leave");
        await coordinator.PressAsync("Continue", "Check your answers");
        await coordinator.PressAsync("Reassign case", _caseHeading);
        Assert.Contains("Case reassigned to DS Chris Lee", await coordinator.BannerAsync(), StringComparison.Ordinal);
        Assert.Equal("DS Chris Lee", await coordinator.SummaryAsync("Officer in charge"));
    }

    private static async Task CheckTheCasesTasksAsync(Screen officer)
    {
        await officer.OpenAsync("/workspace/tasks", "My tasks and deadlines");
        var rows = officer.Page.Locator("[data-tasks] tbody tr").Filter(new() { HasText = "CR/40117/26" });
        var tasks = new List<string>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var row = rows.Nth(i);
            Assert.False(string.IsNullOrWhiteSpace(await row.Locator("[data-task-owner]").InnerTextAsync()));
            tasks.Add($"{await row.Locator("td").Nth(1).InnerTextAsync()} {await row.Locator("td a").First.GetAttributeAsync("href")} {await row.Locator("td").First.InnerTextAsync()}");
        }

        Assert.NotEmpty(tasks);
        Assert.True(tasks.Distinct().Count() == tasks.Count, "The same task is open twice: " + string.Join(" | ", tasks));
        Assert.DoesNotContain(tasks, t => t.Contains("Notification overdue", StringComparison.Ordinal));
    }

    private async Task LodgeAsync(Screen officer, string applicationUrl, string heading)
    {
        await officer.OpenAsync(applicationUrl, heading);
        await officer.FollowAsync("Lodge with the court", "When was the application made to the court?");
        await officer.PressAsync("Continue", "Check your answers before lodging the application");
        Assert.StartsWith("DS Chris Lee", await officer.SummaryAsync("Authorised by"), StringComparison.Ordinal);
        await officer.PressAsync("Lodge application", heading);
        Assert.Equal("Lodged", await officer.TextAsync("[data-status]"));
        Assert.Equal(D(Today), await officer.SummaryAsync("Lodged"));
    }

    /// <summary>Lists today's hearing and records that the court granted the application, which leads on to recording the order.</summary>
    private async Task HearAndGrantAsync(Screen officer, string applicationUrl, string heading, string time, string orderHeading)
    {
        await officer.OpenAsync(applicationUrl, heading);
        await officer.FollowAsync("Add a hearing date", "Add a hearing date");
        await officer.FillDateAsync("HearingOn", Today);
        await officer.FillAsync("HearingAt", time);
        await officer.FillAsync("CourtName", Court);
        await officer.PressAsync("Continue", "Check the hearing");
        await officer.PressAsync("Confirm and save", heading);
        Assert.Equal("Hearing listed", await officer.TextAsync("[data-status]"));

        await officer.FollowAsync("Record the outcome", "Record the hearing outcome");
        await officer.ChooseAsync("Outcome", "Granted");
        await officer.PressAsync("Continue", orderHeading);
    }

    private async Task<string> RecordInterimOrderAsync(Screen officer)
    {
        Assert.Equal(Court, await officer.Page.InputValueAsync("[name='CourtName']"));
        await officer.FillDateAsync("MadeOn", Today);
        await officer.ChooseAsync("DurationType", "FixedPeriod");
        await officer.FillDateAsync("LastInForceDay", Today.AddDays(27));
        await FillConditionAsync(officer, 0, "NoContact", "Must not contact Sam Carter directly or indirectly, by any means.", null);
        await officer.PressAsync("Continue", "Check the order before you record it");
        Assert.Equal("Interim order", await officer.SummaryAsync("Kind of order"));
        await officer.PressAsync("Confirm and save", Respondent);
        Assert.Contains("Order recorded", await officer.BannerAsync(), StringComparison.Ordinal);
        Assert.Equal("In force", await officer.SummaryAsync("Status today"));
        Assert.Equal($"Until the end of {D(Today.AddDays(27))}", await officer.SummaryAsync("Lasts"));
        Assert.Contains("Must not contact Sam Carter", await officer.TextAsync("[data-terms-today]"), StringComparison.Ordinal);
        return officer.Path;
    }

    private static async Task FillConditionAsync(Screen officer, int i, string category, string wording, string? locality)
    {
        var p = $"Conditions[{i}].";
        await officer.ChooseAsync(p + "Type", "Prohibition");
        await officer.SelectAsync(p + "Category", category);
        await officer.FillAsync(p + "Wording", wording);
        await officer.ChooseAsync(p + "Scope", locality is null ? "AllUk" : "Locality");
        if (locality is not null)
        {
            await officer.FillAsync(p + "LocalityText", locality);
        }

        var people = officer.Page.Locator($"input[name='{p}ProtectedPersonIds']");
        for (var n = 0; n < await people.CountAsync(); n++)
        {
            await people.Nth(n).CheckAsync();
        }

        await officer.FillAsync(p + "NecessityRationale", "To protect Sam Carter from the risk of further following and contact.");
        await officer.ChooseAsync(p + "ConflictFound", "No");
        await officer.ChooseAsync(p + "Duration", "AsOrder");
    }

    /// <summary>SPA 2019 s.9(1), R25: service starts the 3-day notification duty, except for a full order replacing an interim (R19).</summary>
    private async Task RecordServiceAsync(Screen officer, string time, string shownAs, bool expectNotificationDuty)
    {
        await officer.FollowAsync("Record service", "Record service of the order");
        await officer.FillDateAsync("ServedOn", Today);
        await officer.FillAsync("ServedTime", time);
        await officer.ChooseAsync("Method", "Personal");
        await officer.FillAsync("ServedBy", "PC Dan Hughes");
        await officer.PressAsync("Continue", "Check the service details");
        await officer.PressAsync("Confirm and save", Respondent);
        Assert.StartsWith($"{D(Today)} at {shownAs}", await officer.SummaryAsync("Served"), StringComparison.Ordinal);
        var deadlines = await officer.TextAsync("[data-deadlines]");
        if (expectNotificationDuty)
        {
            Assert.Contains($"Notification (After service of the order, SPA 2019 s.9) {D(Today.AddDays(2))} Due", deadlines, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("Notification (", deadlines, StringComparison.Ordinal);
        }
    }

    /// <summary>SPA 2019 s.10: in person at a station in the area of the home address, with the written acknowledgement (R29–R31).</summary>
    private async Task RecordNotificationAtStationAsync(Screen officer, string orderUrl)
    {
        await officer.FollowAsync("Record a notification", "Record a notification at a police station");
        await officer.FillDateAsync("NotifiedOn", Today);
        await officer.FillAsync("NotifiedTime", "11:15");
        await officer.FillAsync("StationName", "Elland Road Police Station");
        await officer.SelectAsync("StationPoliceArea", "WestYorkshire");
        await officer.ChooseAsync("Mode", "InPersonOral");
        await officer.FillAsync("ReceivedBy", "PC Lee Moore");
        await officer.ChooseAsync("ReceivedByAuthorisedPerson", "No");
        await officer.FillAsync("NamesGiven", "Jo Bloggs");
        await officer.FillAsync("AddressGiven", "14 Harehills Lane, Leeds LS8 4AB");
        await officer.PressAsync("Continue", "Check the notification");
        await officer.PressAsync("Confirm and save", "Notification recorded");
        var reference = await officer.TextAsync("[data-reference]");
        Assert.False(string.IsNullOrWhiteSpace(reference));
        Assert.Equal("Elland Road Police Station (West Yorkshire)", await officer.SummaryAsync("Police station"));
        await officer.FollowAsync("Back to the order", Respondent);
        Assert.Equal(orderUrl, officer.Path);
        Assert.Contains($"Met on {D(Today)}", await officer.TextAsync("[data-deadlines]"), StringComparison.Ordinal);
    }

    private async Task<string> RecordFullOrderReplacingInterimAsync(Screen officer)
    {
        await officer.FillDateAsync("MadeOn", Today);
        await officer.ChooseAsync("DurationType", "FixedPeriod");
        await officer.FillDateAsync("LastInForceDay", Today.AddYears(3).AddDays(-1));
        await FillConditionAsync(officer, 0, "NoContact", "Must not contact Sam Carter directly or indirectly, by any means.", null);
        await officer.PressAsync("Add another condition", "Record the stalking protection order");
        await FillConditionAsync(officer, 1, "ExclusionZone", "Must not enter Harehills Avenue, Leeds.", "Harehills Avenue, Leeds");
        await officer.PressAsync("Continue", "Check the order before you record it");
        Assert.Contains("replaces the interim order in force, so it brings no new initial notification duty (SPA 2019 s.9(1), R19)",
            await officer.TextAsync(".govuk-inset-text"), StringComparison.Ordinal);
        await officer.PressAsync("Confirm and save", Respondent);
        Assert.Equal("In force", await officer.SummaryAsync("Status today"));
        Assert.Equal("An interim order (no new initial notification duty, R19)", await officer.SummaryAsync("Replaces"));
        var terms = await officer.TextAsync("[data-terms-today]");
        Assert.Contains("Must not enter Harehills Avenue, Leeds.", terms, StringComparison.Ordinal);
        Assert.Contains("only in: Harehills Avenue, Leeds", terms, StringComparison.Ordinal);
        return officer.Path;
    }

    /// <summary>SPA 2019 s.5(6)(b), R17: the interim order ceased when the main application was determined.</summary>
    private static async Task CheckInterimCeasedAsync(Screen officer, string interimOrderUrl)
    {
        await officer.OpenAsync(interimOrderUrl, Respondent);
        Assert.StartsWith("Replaced by the full order on ", await officer.SummaryAsync("Status today"), StringComparison.Ordinal);
        Assert.Equal("No terms are in force today.", await officer.TextAsync("[data-terms-today]"));
        Assert.Contains("Recorded that the interim order ceased", await officer.TextAsync("[data-timeline]"), StringComparison.Ordinal);
    }

    /// <summary>SPA 2019 s.8: a breach of a condition in force, after service (R35); the case asks for the risk to be screened again.</summary>
    private async Task RecordBreachAsync(Screen officer, string caseUrl)
    {
        await officer.FollowAsync("Record a breach", "Record a breach");
        await officer.Page.Locator("input[name='ConditionId']").Nth(1).CheckAsync();
        await officer.FillDateAsync("IncidentOn", Today);
        await officer.FillAsync("IncidentTime", "15:40");
        await officer.FillAsync("IncidentLocation", "Harehills Avenue, Leeds");
        await officer.FillAsync("Description", "Seen standing outside the victim's house on Harehills Avenue.");
        await officer.PressAsync("Continue", "Check the breach");
        Assert.Contains("Must not enter Harehills Avenue", await officer.SummaryAsync("Condition broken"), StringComparison.Ordinal);
        await officer.PressAsync("Confirm and save", "Record what happened after the breach");
        Assert.Contains("Breach recorded (offence code H20164)", await officer.BannerAsync(), StringComparison.Ordinal);
        Assert.Contains("on indictment, 5 years' imprisonment", await officer.TextAsync("main"), StringComparison.Ordinal);

        await officer.FillAsync("CrimeReference", "CR/40188/26");
        await officer.FillDateAsync("ArrestedOn", Today);
        await officer.ChooseAsync("Outcome", "UnderInvestigation");
        await officer.FillDateAsync("VictimInformedOn", Today);
        await officer.PressAsync("Continue", "Check what happened after the breach");
        await officer.PressAsync("Confirm and save", Respondent);
        Assert.Contains("Seen standing outside the victim's house", await officer.TextAsync("[data-breaches]"), StringComparison.Ordinal);
        Assert.Contains("Under investigation", await officer.TextAsync("[data-breaches]"), StringComparison.Ordinal);

        await officer.OpenAsync(caseUrl, _caseHeading);
        Assert.Contains("A breach was reported after the last risk screening", await officer.TextAsync("[data-rescreen]"), StringComparison.Ordinal);
    }

    /// <summary>SPA 2019 s.4, R21: a variation that tightens a condition records why it is necessary; the new terms apply from today.</summary>
    private async Task RecordVariationAsync(Screen legal, string orderUrl)
    {
        await legal.OpenAsync(orderUrl, Respondent);
        await legal.FollowAsync("Record a variation", "Record a variation of the order");
        await legal.ChooseAsync("ApplicantParty", "ChiefOfficer");
        await legal.SelectAsync("ApplicantForce", "WestYorkshire");
        await legal.FillDateAsync("DecidedOn", Today);
        await legal.FillDateAsync("EffectiveFrom", Today);
        await legal.ChooseAsync("AddsOrTightens", "Yes");
        await legal.FillAsync("NecessityRationale", "He breached the exclusion zone the same day; the zone must cover the whole estate.");
        await legal.FillAsync("Conditions[1].Wording", "Must not enter the Harehills estate, Leeds, as shown on the map in the order.");
        await legal.FillAsync("Conditions[1].LocalityText", "The Harehills estate, Leeds");
        await legal.PressAsync("Continue", "Check the variation");
        await legal.PressAsync("Confirm and save", Respondent);
        Assert.Contains("Must not enter the Harehills estate", await legal.TextAsync("[data-terms-today]"), StringComparison.Ordinal);
        Assert.Contains("Version 2 (varied)", await legal.TextAsync("[data-terms-version='2']"), StringComparison.Ordinal);
        Assert.Contains("Variation decided", await legal.TextAsync("[data-changes]"), StringComparison.Ordinal);
    }

    /// <summary>SPA 2019 s.4, R22: within two years of the order a discharge needs both consents; without them the question page says so on Continue.</summary>
    private async Task RecordDischargeWithConsentsAsync(Screen legal, string orderUrl)
    {
        await legal.FollowAsync("Record a discharge", "Record a discharge of the order");
        Assert.Contains($"cannot be discharged before {D(Today.AddYears(2))}", await legal.TextAsync(".govuk-inset-text"), StringComparison.Ordinal);
        await legal.ChooseAsync("ApplicantParty", "ChiefOfficer");
        await legal.SelectAsync("ApplicantForce", "WestYorkshire");
        await legal.FillDateAsync("DecidedOn", Today);
        await legal.FillDateAsync("EffectiveOn", Today);
        await legal.FillAsync("Reason", "The victim has moved abroad and the risk has ended.");
        var errors = await legal.PressExpectingErrorsAsync("Continue");
        Assert.Contains(errors, e => e.Contains("R22", StringComparison.Ordinal));

        await legal.FillDateAsync("DefendantConsentedOn", Today);
        await legal.ChooseAsync("DefendantConsentMethod", "InWriting");
        await legal.FillDateAsync("ChiefOfficerConsentedOn", Today);
        await legal.ChooseAsync("ChiefOfficerConsentMethod", "InWriting");
        await legal.PressAsync("Continue", "Check the discharge");
        await legal.PressAsync("Confirm and save", Respondent);
        Assert.Equal(orderUrl, legal.Path);
        Assert.StartsWith("Discharged on ", await legal.SummaryAsync("Status today"), StringComparison.Ordinal);
        Assert.Equal("No terms are in force today.", await legal.TextAsync("[data-terms-today]"));
        Assert.Contains("Discharge decided", await legal.TextAsync("[data-changes]"), StringComparison.Ordinal);
    }
}
