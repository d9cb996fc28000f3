using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

/// <summary>The victim's safe-contact preferences on the case, behind an audited "show" with a reason (DPA 2018 s.62), and the channel warning (R41).</summary>
public class VictimPanelTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    private async Task SetContactAsync(Guid victimId, VictimContact contact)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<VictimContactService>().SetAsync(new SetVictimContactOptions(victimId, contact), TestData.Officer);
    }

    /// <summary>An officer whose staff account is the officer in charge of the case, the "case officer" of need-to-know.</summary>
    private async Task<HttpClient> CaseOfficerAsync(Guid caseId)
    {
        var officer = await Factory.CreateUserAsync(StaffRoles.Officer, CaseTeam);
        await Factory.WithDbAsync(async db =>
        {
            var stalkingCase = await db.Cases.SingleAsync(c => c.Id == caseId);
            stalkingCase.Assign(officer.Id.ToString(), CaseTeam, officer.Id);
            return await db.SaveChangesAsync();
        });
        return Factory.CreateBrowser(officer);
    }

    private static readonly VictimContact _phoneOnly = new("07700 900123", null, null, "Contact by: Phone call. Safe times: weekday mornings", false);

    [Fact]
    public async Task DPA2018_s62_ShowSafeContactPreferences_CaseOfficer_NeedsAReasonAndAuditsTheRead()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        await SetContactAsync(created.VictimId, _phoneOnly);
        var client = await CaseOfficerAsync(created.CaseId);
        var url = $"/workspace/cases/{created.CaseId}";

        // Act
        var casePage = await client.GetDocumentAsync(url);
        var noReason = await (await client.SubmitFormAsync(url, new Dictionary<string, string> { ["ContactReason"] = "" }, "form[data-show-contact]")).GetDocumentAsync();
        var shown = await (await client.SubmitFormAsync(url, new Dictionary<string, string> { ["ContactReason"] = "Calling her about the hearing date" },
            "form[data-show-contact]")).GetDocumentAsync();

        // Assert
        Assert.Null(casePage.QuerySelector("[data-safe-contact]"));
        Assert.DoesNotContain("07700 900123", casePage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Give the reason you need to see the victim's safe-contact preferences"], AllErrors(noReason));
        var panel = shown.QuerySelector("[data-safe-contact]")!.TextContent;
        Assert.Contains("07700 900123 (do not leave a voicemail)", panel, StringComparison.Ordinal);
        Assert.Contains("Safe times: weekday mornings", panel, StringComparison.Ordinal);
        var reads = await Factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "VictimContact.Read" && e.RecordId == created.VictimId.ToString()).ToListAsync());
        var read = Assert.Single(reads);
        Assert.Equal(AuditKind.Consultation, read.Kind);
        Assert.Equal("Calling her about the hearing date", read.Justification);
    }

    [Theory]
    [InlineData(StaffRoles.Officer)]
    [InlineData(StaffRoles.Coordinator)]
    [InlineData(StaffRoles.LegalServices)]
    public async Task DPA2018_s62_ShowSafeContactPreferences_AnyoneButTheCaseOfficer_SeesThatTheyExistButIsRefusedThem(string role)
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        await SetContactAsync(created.VictimId, _phoneOnly);
        await CaseOfficerAsync(created.CaseId);
        var client = await BrowserAsync(role);
        var url = $"/workspace/cases/{created.CaseId}";

        // Act
        var casePage = await client.GetDocumentAsync(url);
        // The sign-out confirmation is a form every member of staff can open, so it gives a valid anti-forgery token.
        var token = (await client.GetDocumentAsync("/sign-out")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forced = await client.PostAsync($"{url}?handler=ShowContact", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["ContactVictimId"] = created.VictimId.ToString(),
            ["ContactReason"] = "Just checking",
        }));

        // Assert
        Assert.Contains("Safe-contact preferences are recorded for", casePage.QuerySelector("[data-contact-withheld]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(casePage.QuerySelector("form[data-show-contact]"));
        Assert.DoesNotContain("07700 900123", casePage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forced.StatusCode);
        Assert.False(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "VictimContact.Read" && e.RecordId == created.VictimId.ToString())));
    }

    [Theory]
    [InlineData(ContactChannel.Email, true)]
    [InlineData(ContactChannel.Phone, false)]
    public async Task R41_ContactOnAChannelTheVictimDidNotChoose_IsWarnedAtCheckAnswers(ContactChannel channel, bool warned)
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        await SetContactAsync(created.VictimId, _phoneOnly);
        var client = await BrowserAsync();
        var answers = new Dictionary<string, string>
        {
            ["VictimId"] = created.VictimId.ToString(),
            ["EventType"] = nameof(VictimContactEventType.ViewsSought),
            ["Channel"] = channel.ToString(),
            ["OccurredAt"] = "10:00",
            ["Summary"] = "Asked for her views on the application.",
        };
        foreach (var (key, value) in Date("OccurredOn", new DateOnly(2026, 11, 27)))
        {
            answers[key] = value;
        }

        // Act
        var question = await client.SubmitFormAsync($"/workspace/cases/record-victim-contact/{created.CaseId}", answers);
        var check = await client.GetDocumentAsync(question.Headers.Location!.OriginalString);

        // Assert
        var warning = check.QuerySelector("[data-channel-warning]");
        Assert.Equal(warned, warning is not null);
        if (warning is not null)
        {
            Assert.Contains("did not choose email as a safe way to contact them", warning.TextContent, StringComparison.Ordinal);
        }

        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "VictimContact.Read" && e.RecordId == created.VictimId.ToString()
            && e.Justification == global::StalkingProtection.Web.Pages.Workspace.Cases.RecordVictimContact.CheckAnswersModel.ChannelCheckReason)));
    }
}
