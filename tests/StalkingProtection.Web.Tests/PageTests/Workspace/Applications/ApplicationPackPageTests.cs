using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Documents;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Applications;

public class ApplicationPackPageTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    [Fact]
    public async Task ApplicationPack_FromTheApplicationPage_DownloadsAWordDocumentOfTheThreeLimbs_SPA2019s1_AuditedAsADisclosureWithItsPurpose()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Draft());
        var client = await BrowserAsync();
        var applicationPage = await client.GetDocumentAsync($"/workspace/applications/{created.ApplicationId}");
        var link = applicationPage.QuerySelector("[data-application-pack] a[href*='format=Docx']")!.GetAttribute("href")!;
        var form = await client.GetDocumentAsync(link);
        var chosen = form.QuerySelector("input[name=Format]:checked")!.GetAttribute("value")!;

        // Act
        var response = await client.SubmitFormAsync(link, new Dictionary<string, string> { ["Format"] = chosen, ["Purpose"] = "Lodging with the court" });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocumentRenderer.DocxContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var text = DocumentText.OfDocx(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("(a) The defendant has carried out acts associated with stalking", text, StringComparison.Ordinal);
        Assert.Contains("Escalating behaviour; no other order protects her", text, StringComparison.Ordinal);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Document.Generated" && e.Kind == AuditKind.Disclosure
            && e.RecordId == created.ApplicationId.ToString() && e.Justification == "Lodging with the court")));
    }

    [Fact]
    public async Task ApplicationPack_AsPdf_FromTheSameForm()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Draft());
        var client = await BrowserAsync();
        var applicationPage = await client.GetDocumentAsync($"/workspace/applications/{created.ApplicationId}");
        var link = applicationPage.QuerySelector("[data-application-pack] a[href*='format=Pdf']")!.GetAttribute("href")!;
        var form = await client.GetDocumentAsync(link);
        var chosen = form.QuerySelector("input[name=Format]:checked")!.GetAttribute("value")!;

        // Act
        var response = await client.SubmitFormAsync(link, new Dictionary<string, string> { ["Format"] = chosen, ["Purpose"] = "Sending to legal services" });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocumentRenderer.PdfContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("application-pack-", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName,
            StringComparison.Ordinal);
        Assert.Contains("Draft order", DocumentText.OfPdf(await response.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAPurpose_ThePageSaysWhatIsMissing_AndNothingIsGeneratedOrAudited_DPA2018s62()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Draft());
        var client = await BrowserAsync();

        // Act
        var response = await client.SubmitFormAsync($"/workspace/applications/{created.ApplicationId}/documents?format=Pdf",
            new Dictionary<string, string> { ["Format"] = "Pdf", ["Purpose"] = "  " });
        var page = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["Enter why you need the document"], page.ErrorSummaryMessages());
        Assert.NotNull(page.QuerySelector("#Purpose-error"));
        Assert.False(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Document.Generated" && e.RecordId == created.ApplicationId.ToString())));
    }

    [Fact]
    public async Task OfficerOfAnotherTeam_IsRefusedTheFormAndTheDownload_AsIfTheApplicationDidNotExist()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Draft());
        var theirs = await TestData.CreateApplicationAsync(a => a.Draft().WithCase(c => c.InTeam("Another Team")));
        var otherTeam = await BrowserAsync(StaffRoles.Officer, "Another Team");
        var ownForm = await otherTeam.GetDocumentAsync($"/workspace/applications/{theirs.ApplicationId}/documents");
        var token = ownForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // Act
        var get = await otherTeam.GetAsync($"/workspace/applications/{created.ApplicationId}/documents");
        var post = await otherTeam.PostAsync($"/workspace/applications/{created.ApplicationId}/documents", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Format"] = "Pdf", ["Purpose"] = "Curious",
        }));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.False(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Document.Generated" && e.RecordId == created.ApplicationId.ToString())));
    }
}
