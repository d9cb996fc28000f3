using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Documents;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

public class OrderDocumentsTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task OrderBriefing_FromTheOrderPage_DownloadsAPdfOfTheTermsInForce_AuditedAsADisclosureWithItsPurpose()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.WithCase(c => c.InTeam("Team Documents")));
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, "Team Documents"));
        var orderPage = await client.GetDocumentAsync($"/workspace/orders/{order.OrderId}");
        var link = orderPage.QuerySelector("[data-documents] a")!.GetAttribute("href")!;

        // Act
        var response = await client.SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Document"] = "OrderBriefing", ["Format"] = "Pdf", ["Purpose"] = "Briefing the late turn",
        });
        var pdf = await response.Content.ReadAsByteArrayAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocumentRenderer.PdfContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("order-briefing-", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName,
            StringComparison.Ordinal);
        var text = DocumentText.OfPdf(pdf);
        Assert.Contains(GeneratedDocument.Marking, text, StringComparison.Ordinal);
        Assert.Contains(TestData.NoContact([]).Wording, text, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Document.Generated" && e.Kind == AuditKind.Disclosure
            && e.RecordId == order.OrderId.ToString() && e.Justification == "Briefing the late turn")));
    }

    [Fact]
    public async Task VictimCopyInWelsh_AsAWordDocument_CarriesTheVictimReferenceAndTheReportABreachPage()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.WithCase(c => c.InTeam("Team Documents Welsh")));
        var reference = await factory.WithDbAsync(db => db.Orders.Where(o => o.Id == order.OrderId).Select(o => o.VictimReference).SingleAsync());
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, "Team Documents Welsh"));

        // Act
        var response = await client.SubmitFormAsync($"/workspace/orders/{order.OrderId}/documents", new Dictionary<string, string>
        {
            ["Document"] = "VictimCopyWelsh", ["Format"] = "Docx", ["Purpose"] = "Posting the victim her copy",
        });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocumentRenderer.DocxContentType, response.Content.Headers.ContentType!.MediaType);
        var text = DocumentText.OfDocx(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains($"Eich cyfeirnod {reference}", text, StringComparison.Ordinal);
        Assert.Contains("/report-breach", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAPurpose_ThePageSaysWhatIsMissing_AndNothingIsDisclosed()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.WithCase(c => c.InTeam("Team Documents Missing")));
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, "Team Documents Missing"));

        // Act
        var response = await client.SubmitFormAsync($"/workspace/orders/{order.OrderId}/documents", new Dictionary<string, string>
        {
            ["Document"] = "OrderBriefing", ["Purpose"] = "  ",
        });
        var page = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Select PDF or Word document", "Enter why you need the document"], page.ErrorSummaryMessages());
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Document.Generated" && e.RecordId == order.OrderId.ToString())));
    }

    [Fact]
    public async Task Acknowledgement_FromTheAcknowledgementPage_DownloadsTheReference_SPA2019s10_4_AuditedOnTheNotification()
    {
        // Arrange
        var data = factory.Data();
        var served = new DateOnly(2026, 3, 2);
        var order = await data.CreateOrderAsync(o => o.MadeOn(served).ServedOn(served).WithCase(c => c.InTeam("Team Documents Ack")));
        var at = LondonTime.ToUtc(served.AddDays(1), new TimeOnly(9, 15));
        var recorded = await data.WithServicesAsync(served.AddDays(1), s => s.Notifications.RecordNotificationAsync(new RecordNotificationOptions(
            order.Case.RespondentId, new NotificationEvent.Details(at, "Elland Road Police Station", Core.Applications.PoliceForce.WestYorkshire,
                NotificationMode.InPersonOral, "PC Desk", false, null, "John Smith", "1 High Street", "ACK-WEB-7", at.AddMinutes(10), "SoS-1")), TestData.Officer));
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, "Team Documents Ack"));
        var page = await client.GetDocumentAsync($"/workspace/orders/record-notification/acknowledgement/{order.OrderId}/{recorded.NotificationId}");
        var link = page.QuerySelector("[data-acknowledgement-download]")!.GetAttribute("href")!;

        // Act
        var response = await client.SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Document"] = "Acknowledgement", ["Format"] = "Pdf", ["Purpose"] = "A copy for the respondent",
        });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Reference ACK-WEB-7", DocumentText.OfPdf(await response.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Document.Generated" && e.Kind == AuditKind.Disclosure
            && e.RecordId == recorded.NotificationId.ToString() && e.Justification == "A copy for the respondent")));
    }

    [Fact]
    public async Task VictimCopy_WithThePublicSiteUrlSet_SendsTheVictimToThePublicSitesReportABreachPage_NotTheStaffHost()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.WithCase(c => c.InTeam("Team Documents Public")));
        var officer = await factory.CreateUserAsync(StaffRoles.Officer, "Team Documents Public");
        using var publicSite = factory.WithWebHostBuilder(b => b.UseSetting("StalkingProtection:Web:PublicSiteUrl", "https://report.example.police.uk/"));
        var client = publicSite.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(WebAppFactory.TestUserHeader, officer.Id.ToString());

        // Act
        var response = await client.SubmitFormAsync($"/workspace/orders/{order.OrderId}/documents", new Dictionary<string, string>
        {
            ["Document"] = "VictimCopy", ["Format"] = "Docx", ["Purpose"] = "Posting the victim her copy",
        });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = DocumentText.OfDocx(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Report a breach online at https://report.example.police.uk/report-breach.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("localhost", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("https://report.example.police.uk", true)]
    [InlineData("https://report.example.police.uk/", true)]
    [InlineData("http://report.example.police.uk", false)]
    [InlineData("https://report.example.police.uk/report-breach", false)]
    [InlineData("report.example.police.uk", false)]
    public void PublicSiteUrl_IsRefusedAtStartUnlessAnHttpsAddressWithNoPath(string? url, bool valid)
    {
        // Act
        var errors = Web.Infrastructure.WebOptions.Validate(new Web.Infrastructure.WebOptions { PublicSiteUrl = url }).ToList();

        // Assert
        Assert.Equal(valid, errors.Count == 0);
    }
}
