using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Demo;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace;

/// <summary>
/// Words, not codes: the main workspace pages, rendered for the demo data, show statuses, events, screening answers and roles in
/// plain English. A PascalCase enum name, an audit action code, a screening answer string or a doubled role fails the test.
/// </summary>
public partial class PlainWordsTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private const string Team = "Stalking Team";

    [GeneratedRegex(@"\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b")]
    private static partial Regex PascalCase();

    [GeneratedRegex(@"\b[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+\b")]
    private static partial Regex ActionCode();

    [GeneratedRegex(@"\b[YNU]{5,}\b")]
    private static partial Regex ScreeningAnswers();

    [GeneratedRegex(@"\(([^()]+)\)\s*\(\1\)")]
    private static partial Regex DoubledParenthesis();

    [GeneratedRegex(@"\bthe (A|An|The)\b")]
    private static partial Regex DoubledArticle();

    [Fact]
    public async Task MainWorkspacePages_ForTheDemoData_ShowWordsNotCodes()
    {
        // Arrange
        var today = factory.Clock.UkToday;
        var officer = await factory.CreateUserAsync(StaffRoles.Officer, Team);
        await factory.WithDbAsync(async db =>
        {
            await new DemoCases(db, today, officer.Id.ToString(), officer.DisplayName, Team).SeedAsync();
            return true;
        });
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Coordinator, Team));
        var caseIds = await factory.WithDbAsync(db => db.Cases.Select(c => c.Id).ToListAsync());
        var orderIds = await factory.WithDbAsync(db => db.Orders.Select(o => o.Id).ToListAsync());
        var applicationIds = await factory.WithDbAsync(db => db.Applications.Select(a => a.Id).ToListAsync());
        var urls = new List<string> { "/workspace", "/workspace/cases", "/workspace/orders", "/workspace/tasks" };
        urls.AddRange(caseIds.Select(id => $"/workspace/cases/{id}"));
        urls.AddRange(orderIds.Select(id => $"/workspace/orders/{id}"));
        urls.AddRange(applicationIds.Select(id => $"/workspace/applications/{id}"));

        // Act
        var problems = new List<string>();
        var sDashQuestionsShown = false;
        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {response.StatusCode}");
            var document = await response.GetDocumentAsync();
            var text = VisibleText(document);
            sDashQuestionsShown |= text.Contains("Is the victim very frightened?", StringComparison.Ordinal);
            foreach (var pattern in new[] { PascalCase(), ActionCode(), ScreeningAnswers(), DoubledParenthesis(), DoubledArticle() })
            {
                problems.AddRange(pattern.Matches(text).Select(m => $"{url}: \"{m.Value}\""));
            }
        }

        // Assert
        Assert.True(urls.Count > 50, $"Only {urls.Count} pages were rendered");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct().Take(40)));
        Assert.True(sDashQuestionsShown, "No case page showed the S-DASH answers beside their questions");
    }

    /// <summary>The text a person sees or hears: the body without scripts, styles and attributes.</summary>
    private static string VisibleText(IDocument document)
    {
        foreach (var element in document.QuerySelectorAll("script, style, template").ToList())
        {
            element.Remove();
        }

        // Each text node on its own, so that neighbouring cells ("What", "By the end of") do not run together.
        return Regex.Replace(string.Join(' ', document.Body!.GetDescendants().OfType<IText>().Select(t => t.Data)), @"\s+", " ");
    }
}
