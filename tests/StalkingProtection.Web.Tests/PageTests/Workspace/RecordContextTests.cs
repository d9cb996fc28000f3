using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace;

/// <summary>
/// Every page about a case, application or order, and every journey page under them, says whose case it is: a caption above
/// the heading with the respondent's name and the crime reference, and the reference (never the name) in the tab's title.
/// </summary>
public class RecordContextTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Get_CaseApplicationAndOrderPagesAndTheirJourneys_CaptionNamesRespondentAndCrimeReferenceAndTitleCarriesReference()
    {
        // Arrange
        var order = await new TestData(factory.Database).CreateOrderAsync();
        var caseId = order.Application.Case.CaseId;
        var applicationId = order.Application.ApplicationId;
        var (name, reference) = await factory.WithDbAsync(async db =>
        {
            var crimeReferences = await db.Cases.Where(c => c.Id == caseId).Select(c => c.CrimeReferences).SingleAsync();
            var personId = await db.Respondents.Where(r => r.Id == order.Application.Case.RespondentId).Select(r => r.PersonId).SingleAsync();
            var person = await db.People.Include(p => p.Names).SingleAsync(p => p.Id == personId);
            return (person.PrimaryName.FullName, crimeReferences);
        });
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, "Stalking Team"));
        string[] pages =
        [
            $"/workspace/cases/{caseId}",
            $"/workspace/cases/record-act/{caseId}",
            $"/workspace/cases/record-risk-screening/{caseId}",
            $"/workspace/applications/{applicationId}",
            $"/workspace/applications/propose-condition/{applicationId}",
            $"/workspace/orders/{order.OrderId}",
            $"/workspace/orders/record-breach/{order.OrderId}",
            $"/workspace/orders/record-service/{order.OrderId}",
            $"/workspace/orders/apply-to-change-order/{order.OrderId}",
        ];

        foreach (var url in pages)
        {
            // Act
            var response = await client.GetAsync(url);
            var document = await response.GetDocumentAsync();

            // Assert
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {response.StatusCode}");
            var caption = Assert.Single(document.QuerySelectorAll("main .govuk-caption-l"));
            Assert.True(caption.HasAttribute("data-record-caption"), url);
            Assert.StartsWith($"{name}, {reference}", caption.TextContent.Trim(), StringComparison.Ordinal);
            var heading = Assert.Single(document.QuerySelectorAll("main h1"));
            Assert.True(caption.CompareDocumentPosition(heading).HasFlag(DocumentPositions.Following), $"{url}: the caption is not above the heading");
            Assert.Contains($" - {reference} - ", document.Title, StringComparison.Ordinal);
            Assert.DoesNotContain(name, document.Title!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Get_PagesNotAboutOneCase_HaveNoRecordCaption()
    {
        // Arrange
        await new TestData(factory.Database).CreateCaseAsync();
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, "Stalking Team"));

        // Act
        var list = await client.GetDocumentAsync("/workspace/cases");
        var home = await client.GetDocumentAsync("/workspace");

        // Assert
        Assert.Empty(list.QuerySelectorAll("[data-record-caption]"));
        Assert.Empty(home.QuerySelectorAll("[data-record-caption]"));
    }
}
