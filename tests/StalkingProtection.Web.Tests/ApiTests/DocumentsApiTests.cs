using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Documents;
using StalkingProtection.Core.Integration;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.ApiTests;

/// <summary>GET /api/v1/orders/{id}/documents/{kind}: the same documents as the pages, each generation a disclosure with its purpose.</summary>
public class DocumentsApiTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task OrderBriefing_AsDocx_ReturnsTheTermsMarkedOfficialSensitive_AndAuditsTheDisclosureWithItsPurpose()
    {
        // Arrange
        var order = await new TestData(factory.Database).CreateOrderAsync();
        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);

        // Act
        var response = await api.Client.GetAsync($"/api/v1/orders/{order.OrderId}/documents/order-briefing?format=docx&purpose=Force%20control%20room%20briefing");
        var docx = await response.Content.ReadAsByteArrayAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocumentRenderer.DocxContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(GeneratedDocument.Marking, DocumentText.DocxHeader(docx));
        Assert.Contains(TestData.NoContact([]).Wording, DocumentText.OfDocx(docx), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Document.Generated" && e.Kind == AuditKind.Disclosure
            && e.RecordId == order.OrderId.ToString() && e.Justification == "Force control room briefing")));
    }

    [Theory]
    [InlineData("order-briefing?format=pdf", "purpose")]
    [InlineData("order-briefing?format=odt&purpose=x", "format")]
    [InlineData("warrant?purpose=x", "kind")]
    [InlineData("order-briefing?language=cy&purpose=x", "language")]
    public async Task ABadRequest_IsAProblemNamingTheField_AndNothingIsDisclosed(string rest, string field)
    {
        // Arrange
        var order = await new TestData(factory.Database).CreateOrderAsync();
        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);

        // Act
        var answer = await api.GetAsync($"/api/v1/orders/{order.OrderId}/documents/{rest}");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal([field], answer.Fields);
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Document.Generated" && e.RecordId == order.OrderId.ToString())));
    }

    [Fact]
    public async Task AnOrderThatDoesNotExist_IsNotFound()
    {
        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);

        var answer = await api.GetAsync($"/api/v1/orders/{Guid.NewGuid()}/documents/victim-copy?language=cy&purpose=Posting");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    [Fact]
    public async Task ApplicationPack_AsPdf_StatesTheThreeLimbs_AndAuditsTheDisclosureOnTheApplication()
    {
        // Arrange
        var application = await new TestData(factory.Database).CreateApplicationAsync();
        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);

        // Act
        var response = await api.Client.GetAsync($"/api/v1/applications/{application.ApplicationId}/documents/application-pack?purpose=Lodging");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = DocumentText.OfPdf(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("(a) The defendant has carried out acts associated with stalking", text, StringComparison.Ordinal);
        Assert.Contains("(c) The order is necessary to protect another person", text, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Document.Generated" && e.Kind == AuditKind.Disclosure
            && e.RecordId == application.ApplicationId.ToString() && e.Justification == "Lodging")));
    }
}
