using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.ImportTracker;

public sealed class ImportTrackerMatrix : IAuthorisationMatrixPart
{
    public IReadOnlyDictionary<string, string[]> Routes { get; } = new Dictionary<string, string[]>
    {
        ["/workspace/import-tracker"] = [StaffRoles.Coordinator, StaffRoles.Administrator],
        ["/workspace/export-register"] = [StaffRoles.Coordinator],
    };
}

public class ImportTrackerPageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly byte[] _sample = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "docs", "samples", "spo-tracker.csv"));

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName)
    {
        var page = await client.GetDocumentAsync("/workspace/import-tracker");
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "Tracker", fileName);
        return await client.PostAsync("/workspace/import-tracker?handler=Check", content);
    }

    [Theory]
    [InlineData("", "tracker.csv", "Select a tracker file to upload")]
    [InlineData("not a tracker at all", "tracker.pdf", "The file must be a CSV file (.csv) or an Excel workbook (.xlsx)")]
    [InlineData("Name,Date\nA,B", "tracker.csv", "is missing")]
    [InlineData("Order reference", "tracker.xlsx", "not an Excel workbook")]
    public async Task BadFile_IsAnsweredWithAnErrorSummary(string text, string fileName, string message)
    {
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Coordinator));

        var response = await UploadAsync(client, Encoding.UTF8.GetBytes(text), fileName);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.GetDocumentAsync();
        Assert.Contains(document.ErrorSummaryMessages(), m => m.Contains(message, StringComparison.Ordinal));
        Assert.NotNull(document.QuerySelector("a[href='#Tracker']"));
    }

    [Fact]
    public async Task Sample_DryRunThenImport_RecordsEveryOrderOnce()
    {
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Coordinator));
        var before = await factory.WithDbAsync(db => db.Orders.CountAsync());

        var checkedPage = await (await UploadAsync(client, _sample, "spo-tracker.csv")).GetDocumentAsync();
        Assert.Equal("Check the tracker", checkedPage.HeadingText());
        Assert.Equal(before, await factory.WithDbAsync(db => db.Orders.CountAsync()));
        var form = checkedPage.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.Action.Contains("handler=Import", StringComparison.Ordinal));
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").ToDictionary(i => i.Name!, i => i.Value);
        var imported = await (await client.PostAsync("/workspace/import-tracker?handler=Import", new FormUrlEncodedContent(fields))).GetDocumentAsync();

        Assert.Equal("Tracker imported", imported.HeadingText());
        var created = await factory.WithDbAsync(db => db.Orders.CountAsync()) - before;
        var again = await (await UploadAsync(client, _sample, "spo-tracker.csv")).GetDocumentAsync();
        Assert.True(created > 0);
        Assert.Equal(created, again.QuerySelectorAll("td").Count(td => td.TextContent.Trim() == "Already imported"));
    }

    [Fact]
    public async Task Export_DownloadsTheRegisterAndAuditsADisclosure()
    {
        var user = await factory.CreateUserAsync(StaffRoles.Coordinator);
        var client = factory.CreateBrowser(user);

        var response = await client.GetAsync("/workspace/export-register?handler=Download&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Order reference,", (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Kind == AuditKind.Disclosure && a.Action == "Register.Exported"
            && a.ActorId == user.Id.ToString())));
    }
}
