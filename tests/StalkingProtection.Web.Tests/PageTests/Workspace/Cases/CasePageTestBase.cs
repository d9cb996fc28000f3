using System.Net;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

/// <summary>Shared arrange helpers for the case and application pages: the case team, users by role, and access checks.</summary>
public abstract class CasePageTestBase(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    /// <summary>The team <see cref="TestData.CreateCaseAsync"/> puts its cases in.</summary>
    public const string CaseTeam = "Stalking Team";

    protected WebAppFactory Factory => factory;

    protected TestData TestData => new(factory.Database);

    public static TheoryData<string> CaseRoles() => new(StaffRoles.CaseRoles);

    public static TheoryData<string> RolesWithoutCaseAccess() => new(StaffRoles.Lookup, StaffRoles.Analyst, StaffRoles.Administrator);

    protected async Task<HttpClient> BrowserAsync(string role = StaffRoles.Officer, string? team = CaseTeam) =>
        factory.CreateBrowser(await factory.CreateUserAsync(role, team));

    /// <summary>A role refused the page gets 403; an officer of another team gets 404 for the case, as if it did not exist (S4).</summary>
    protected async Task AssertAccessAsync(string url, string role, HttpStatusCode expected, string? team = CaseTeam)
    {
        // Arrange
        var client = await BrowserAsync(role, team);

        // Act
        var response = await client.GetAsync(url);

        // Assert
        Assert.Equal(expected, response.StatusCode);
    }

    /// <summary>Every error in the summary, linked to a field or not (errors for the whole page have no link).</summary>
    protected static IReadOnlyList<string> AllErrors(AngleSharp.Dom.IDocument document) =>
        document.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();

    /// <summary>The version a page carried when it was opened, to submit it later as a stale form would.</summary>
    protected static async Task<string> VersionOnPageAsync(HttpClient client, string url) =>
        (await client.GetDocumentAsync(url)).QuerySelector("input[name=Version]")!.GetAttribute("value")!;

    protected const string ConflictMessage = "Someone else changed this record while you were working on it. Check the current details below, then make your change again";

    protected static Dictionary<string, string> Date(string name, DateOnly date) => new()
    {
        [name + ".Day"] = date.Day.ToString(),
        [name + ".Month"] = date.Month.ToString(),
        [name + ".Year"] = date.Year.ToString(),
    };
}

public sealed class CasesMatrix : IAuthorisationMatrixPart
{
    public IReadOnlyDictionary<string, string[]> Routes { get; } = new Dictionary<string, string[]>
    {
        ["/workspace/cases"] = [.. StaffRoles.CaseRoles],
        ["/workspace/cases/open-case"] = [.. StaffRoles.CaseRoles],
    };
}
