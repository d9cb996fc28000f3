using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Reports;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Triage;

/// <summary>A report closed in triage flashes its outcome's words on the confirmation: the reason and that it is kept (R39).</summary>
public class TriageOutcomeExplanationTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    private static string Journey(Guid id, string page = "") => $"/workspace/triage/triage-report/{(page.Length == 0 ? "" : page + "/")}{id}";

    [Fact]
    public async Task R39_CloseReportWithoutACase_ConfirmationFlashesTheReasonKept()
    {
        // Arrange
        var (id, reference) = await TestData.CreatePublicReportAsync(Factory.Services.GetRequiredService<IDataProtectionProvider>());
        var client = Factory.CreateBrowser(await Factory.CreateUserAsync(Core.Staff.StaffRoles.Officer, CaseTeam));

        // Act
        await client.SubmitFormAsync($"/workspace/triage/{id}", new Dictionary<string, string>(), "form[action*=Start]");
        await client.SubmitFormAsync(Journey(id), new Dictionary<string, string> { ["Outcome"] = nameof(TriageOutcome.Closed) });
        var details = await client.SubmitFormAsync(Journey(id, "details"), new Dictionary<string, string>
        {
            ["CloseReason"] = nameof(TriageCloseReason.NoFurtherAction),
            ["CloseDetails"] = "Advice given on the phone",
        });
        var confirmed = await client.SubmitFormAsync(details.Headers.Location!.OriginalString, new Dictionary<string, string>());
        var confirmation = await client.GetDocumentAsync(confirmed.Headers.Location!.OriginalString);

        // Assert
        Assert.Contains($"Report {reference} closed without a case: no further action. The reason is kept: \"Advice given on the phone\" "
            + "(R39, Malik [2023] EWHC 3213 (Admin)).", confirmation.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Report triaged", confirmation.QuerySelector(".govuk-panel")!.TextContent, StringComparison.Ordinal);
    }
}
