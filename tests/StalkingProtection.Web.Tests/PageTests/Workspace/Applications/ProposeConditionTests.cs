using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Applications;

/// <summary>The proposed conditions of a draft application: the condition library journey, change, remove, R8–R10 and access.</summary>
public class ProposeConditionTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    private static readonly DateOnly _today = new(2026, 11, 28);

    private const string Polygon = """{"type":"Polygon","coordinates":[[[-1.55,53.80],[-1.54,53.80],[-1.54,53.81],[-1.55,53.80]]]}""";

    private async Task<CreatedApplication> DraftAsync() => await TestData.CreateApplicationAsync(a => a.Draft());

    private static string Url(string page, Guid id, Guid journey) => $"/workspace/applications/propose-condition/{page}/{id}/{journey}";

    private async Task<Guid> ProposeAsync(CreatedApplication application, string metres = "100") =>
        (await TestData.WithServicesAsync(_today, s => s.Applications.ProposeConditionAsync(new ProposeConditionOptions(application.ApplicationId,
            new ProposedConditionDetails(StalkingProtection.TestCommon.TestData.NoContact(application.Case.ProtectedPersonIds), "no-approach-distance",
                new Dictionary<string, string> { ["distance"] = metres, ["person"] = "Jane Smith" })), StalkingProtection.TestCommon.TestData.Officer))).ProposedConditionId!.Value;

    /// <summary>Template, parameters and details answered; returns the check-answers page.</summary>
    private async Task<(HttpClient Client, Guid Journey, HttpResponseMessage Details)> AnswerAsync(CreatedApplication application, string template,
        Dictionary<string, string> parameters, Dictionary<string, string>? details = null)
    {
        var client = await BrowserAsync();
        var journey = Guid.NewGuid();
        var id = application.ApplicationId;
        var chosen = await client.SubmitFormAsync(Url("template", id, journey), new Dictionary<string, string> { ["TemplateKey"] = template });
        Assert.Equal(Url("parameters", id, journey), chosen.Headers.Location!.OriginalString);
        var answered = await client.SubmitFormAsync(Url("parameters", id, journey), parameters);
        Assert.Equal(Url("details", id, journey), answered.Headers.Location!.OriginalString);
        var values = new Dictionary<string, string>
        {
            ["ProtectedPersonIds"] = application.Case.ProtectedPersonIds[0].ToString(),
            ["NecessityRationale"] = "He waits outside her home most evenings.",
            ["ConflictFound"] = "No",
            ["Duration"] = nameof(ConditionDuration.AsOrder),
        };
        foreach (var (k, v) in details ?? [])
        {
            values[k] = v;
        }

        // A browser sends no value at all for a checkbox list left unticked.
        if (values["ProtectedPersonIds"].Length == 0)
        {
            values.Remove("ProtectedPersonIds");
        }

        return (client, journey, await client.SubmitFormAsync(Url("details", id, journey), values));
    }

    [Fact]
    public async Task Journey_DistanceTemplate_ShowsTheWordingToCheckThenSavesAndAudits()
    {
        // Arrange
        var application = await DraftAsync();
        var (client, journey, details) = await AnswerAsync(application, "no-approach-distance",
            new Dictionary<string, string> { ["Values[distance]"] = "100", ["Values[person]"] = "Jane Smith" });

        // Act
        var check = await client.GetDocumentAsync(Url("check-answers", application.ApplicationId, journey));
        var saved = await client.SubmitFormAsync(Url("check-answers", application.ApplicationId, journey), new Dictionary<string, string>());
        var list = await client.GetDocumentAsync($"/workspace/applications/propose-condition/{application.ApplicationId}");

        // Assert
        Assert.Equal(Url("check-answers", application.ApplicationId, journey), details.Headers.Location!.OriginalString);
        Assert.Equal("Check your answers", check.HeadingText());
        Assert.Equal("Not to come within 100 metres of Jane Smith.", check.QuerySelector("[data-wording]")!.TextContent);
        Assert.Equal($"/workspace/applications/propose-condition/{application.ApplicationId}", saved.Headers.Location!.OriginalString);
        Assert.Equal("Not to come within 100 metres of Jane Smith.", list.QuerySelector("[data-proposed-condition='1'] [data-wording]")!.TextContent);
        var proposed = Assert.Single((await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == application.ApplicationId))).ProposedConditions);
        Assert.Equal(ConditionCategory.NoApproach, proposed.Category);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Application.ConditionProposed" && e.RecordId == application.ApplicationId.ToString())));
    }

    [Fact]
    public async Task R10_ExclusionZoneWithMapReferenceAndPolygon_IsLimitedToTheLocality()
    {
        // Arrange
        var application = await DraftAsync();
        var (client, journey, _) = await AnswerAsync(application, "exclusion-zone",
            new Dictionary<string, string> { ["Values[area]"] = "Park Road, Leeds", ["Values[mapReference]"] = "annexed as exhibit AB/1" },
            new Dictionary<string, string> { ["LocalityPolygon"] = Polygon });

        // Act
        await client.SubmitFormAsync(Url("check-answers", application.ApplicationId, journey), new Dictionary<string, string>());

        // Assert
        var proposed = Assert.Single((await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == application.ApplicationId))).ProposedConditions);
        Assert.Equal(ConditionScope.Locality, proposed.Scope);
        Assert.Equal("Park Road, Leeds", proposed.LocalityText);
        Assert.Equal("annexed as exhibit AB/1", proposed.MapReference);
        Assert.Equal(Polygon, proposed.LocalityPolygon);
        Assert.Equal("Not to enter the area of Park Road, Leeds as shown on the map annexed as exhibit AB/1.", proposed.Wording);
    }

    [Fact]
    public async Task R10_InvalidPolygon_ShowsTheRuleOnTheDetailsPage()
    {
        // Arrange
        var application = await DraftAsync();

        // Act
        var (_, _, details) = await AnswerAsync(application, "exclusion-zone", new Dictionary<string, string> { ["Values[area]"] = "Park Road, Leeds" },
            new Dictionary<string, string> { ["LocalityPolygon"] = """{"type":"Polygon","coordinates":[[[0,0],[1,1],[0,0]]]}""" });
        var page = await details.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        Assert.Equal(["The map polygon is not a valid GeoJSON Polygon: ring 1 has 3 positions, and a ring needs at least 4 (SPA 2019 s.2(4), R10)"], page.ErrorSummaryMessages());
    }

    [Fact]
    public async Task Template_NothingChosen_ShowsError()
    {
        // Arrange
        var application = await DraftAsync();
        var client = await BrowserAsync();

        // Act
        var page = await (await client.SubmitFormAsync(Url("template", application.ApplicationId, Guid.NewGuid()), new Dictionary<string, string>())).GetDocumentAsync();

        // Assert
        Assert.Equal(["Select the condition you want to propose"], page.ErrorSummaryMessages());
    }

    [Fact]
    public async Task Parameters_MissingAndInvalid_ShowEachErrorUnderItsInput()
    {
        // Arrange
        var application = await DraftAsync();
        var client = await BrowserAsync();
        var journey = Guid.NewGuid();
        await client.SubmitFormAsync(Url("template", application.ApplicationId, journey), new Dictionary<string, string> { ["TemplateKey"] = "no-approach-distance" });

        // Act
        var page = await (await client.SubmitFormAsync(Url("parameters", application.ApplicationId, journey),
            new Dictionary<string, string> { ["Values[distance]"] = "ten", ["Values[person]"] = "" })).GetDocumentAsync();

        // Assert
        Assert.Equal(["Distance in metres must be a whole number of metres from 1 to 100,000", "Enter name of the person to protect"], page.ErrorSummaryMessages().Order());
        Assert.NotNull(page.QuerySelector("label[for='Values_distance_']"));
        Assert.Contains("whole number", page.QuerySelector("#Values_distance_-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parameters_OtherTemplate_AsksForTypeAndKind()
    {
        // Arrange
        var application = await DraftAsync();
        var client = await BrowserAsync();
        var journey = Guid.NewGuid();
        await client.SubmitFormAsync(Url("template", application.ApplicationId, journey), new Dictionary<string, string> { ["TemplateKey"] = "other" });

        // Act
        var page = await (await client.SubmitFormAsync(Url("parameters", application.ApplicationId, journey), new Dictionary<string, string>())).GetDocumentAsync();

        // Assert
        Assert.Equal(["Select whether it is a prohibition or a requirement (SPA 2019 s.1(2), R8)", "Select the kind of condition", "Enter wording of the condition"],
            page.ErrorSummaryMessages());
    }

    [Fact]
    public async Task R8_R9_DetailsNothingEntered_ShowsEachError()
    {
        // Arrange
        var application = await DraftAsync();

        // Act
        var (_, _, details) = await AnswerAsync(application, "no-contact", new Dictionary<string, string> { ["Values[person]"] = "Jane Smith" },
            new Dictionary<string, string> { ["ProtectedPersonIds"] = "", ["NecessityRationale"] = "", ["ConflictFound"] = "", ["Duration"] = "" });
        var page = await details.GetDocumentAsync();

        // Assert
        Assert.Equal(
        [
            "Select who the condition protects (SPA 2019 s.2(2), R8)",
            "Enter why the condition is necessary to protect them (SPA 2019 s.2(2), R8)",
            "Select whether the condition conflicts with the respondent's religion, work or education (SPA 2019 s.2(3), R9)",
            "Select how long the condition should last (R12)",
        ], page.ErrorSummaryMessages());
    }

    [Fact]
    public async Task R9_ConflictWithoutMitigation_WarnsOnCheckAnswersThenSavesWithTheReason()
    {
        // Arrange
        var application = await DraftAsync();
        var (client, journey, _) = await AnswerAsync(application, "no-contact", new Dictionary<string, string> { ["Values[person]"] = "Jane Smith" },
            new Dictionary<string, string> { ["ConflictFound"] = "Yes" });
        var url = Url("check-answers", application.ApplicationId, journey);

        // Act
        var warned = await (await client.SubmitFormAsync(url, new Dictionary<string, string>())).GetDocumentAsync();
        var saved = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["OverrideReason"] = "They attend the same church; the court will be asked to decide" });

        // Assert
        Assert.Contains("R9", warned.QuerySelector("[data-warnings]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var proposed = Assert.Single((await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == application.ApplicationId))).ProposedConditions);
        Assert.Equal("They attend the same church; the court will be asked to decide", proposed.OverrideReason);
    }

    [Fact]
    public async Task R16_InterimApplication_DoesNotOfferUntilFurtherOrder()
    {
        // Arrange
        var application = await TestData.CreateApplicationAsync(a => a.Interim().Draft());
        var client = await BrowserAsync();
        var journey = Guid.NewGuid();
        await client.SubmitFormAsync(Url("template", application.ApplicationId, journey), new Dictionary<string, string> { ["TemplateKey"] = "no-contact" });
        await client.SubmitFormAsync(Url("parameters", application.ApplicationId, journey), new Dictionary<string, string> { ["Values[person]"] = "Jane Smith" });

        // Act
        var page = await client.GetDocumentAsync(Url("details", application.ApplicationId, journey));

        // Assert
        Assert.Null(page.QuerySelector("input[name=Duration][value=UntilFurtherOrder]"));
        Assert.NotNull(page.QuerySelector("input[name=Duration][value=FixedPeriod]"));
    }

    [Fact]
    public async Task Change_StartsAtCheckAnswersAndSavesTheNewWordingUnderTheSameId()
    {
        // Arrange
        var application = await DraftAsync();
        var conditionId = await ProposeAsync(application);
        var client = await BrowserAsync();

        // Act
        var start = await client.GetAsync($"/workspace/applications/propose-condition/change/{application.ApplicationId}/{conditionId}");
        var check = start.Headers.Location!.OriginalString;
        var journey = Guid.Parse(check.Split('/')[^1]);
        var parameters = await client.GetDocumentAsync(Url("parameters", application.ApplicationId, journey));
        await client.SubmitFormAsync(Url("parameters", application.ApplicationId, journey), new Dictionary<string, string> { ["Values[distance]"] = "250", ["Values[person]"] = "Jane Smith" });
        await client.SubmitFormAsync(Url("details", application.ApplicationId, journey), new Dictionary<string, string>
        {
            ["ProtectedPersonIds"] = application.Case.ProtectedPersonIds[0].ToString(),
            ["NecessityRationale"] = "He has moved closer to her home.",
            ["ConflictFound"] = "No",
            ["Duration"] = nameof(ConditionDuration.AsOrder),
        });
        var saved = await client.SubmitFormAsync(check, new Dictionary<string, string>());

        // Assert
        Assert.StartsWith($"/workspace/applications/propose-condition/check-answers/{application.ApplicationId}/", check, StringComparison.Ordinal);
        Assert.Equal("100", parameters.QuerySelector("#Values_distance_")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var proposed = Assert.Single((await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == application.ApplicationId))).ProposedConditions);
        Assert.Equal(conditionId, proposed.Id);
        Assert.Equal("Not to come within 250 metres of Jane Smith.", proposed.Wording);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Application.ProposedConditionChanged")));
    }

    [Fact]
    public async Task RL4_SaveAfterSomeoneElseChangedTheApplication_ShowsConflictAndSavesNothing()
    {
        // Arrange
        var application = await DraftAsync();
        var (client, journey, _) = await AnswerAsync(application, "no-contact", new Dictionary<string, string> { ["Values[person]"] = "Jane Smith" });
        await ProposeAsync(application, "75");

        // Act
        var page = await (await client.SubmitFormAsync(Url("check-answers", application.ApplicationId, journey), new Dictionary<string, string>())).GetDocumentAsync();

        // Assert
        Assert.Equal([ConflictMessage], AllErrors(page));
        Assert.Contains("75 metres", page.QuerySelector("[data-proposed-condition]")!.TextContent, StringComparison.Ordinal);
        Assert.Single((await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == application.ApplicationId))).ProposedConditions);
    }

    [Fact]
    public async Task Remove_AfterConfirmation_RemovesTheCondition()
    {
        // Arrange
        var application = await DraftAsync();
        var conditionId = await ProposeAsync(application);
        var client = await BrowserAsync();
        var url = $"/workspace/applications/propose-condition/remove/{application.ApplicationId}/{conditionId}";

        // Act
        var unanswered = await (await client.SubmitFormAsync(url, new Dictionary<string, string>())).GetDocumentAsync();
        var kept = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Confirm"] = "No" });
        var keptCount = (await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == application.ApplicationId))).ProposedConditions.Count;
        var removed = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Confirm"] = "Yes" });

        // Assert
        Assert.Equal(["Select yes if you want to remove the condition"], unanswered.ErrorSummaryMessages());
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        Assert.Equal(1, keptCount);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty((await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == application.ApplicationId))).ProposedConditions);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Application.ProposedConditionRemoved")));
    }

    [Fact]
    public async Task TaskList_ShowsNotStartedThenCompletedAndTheConditions()
    {
        // Arrange
        var application = await DraftAsync();
        var client = await BrowserAsync();
        var url = $"/workspace/applications/{application.ApplicationId}";
        var before = await client.GetDocumentAsync(url);
        await ProposeAsync(application);

        // Act
        var after = await client.GetDocumentAsync(url);

        // Assert
        Assert.Equal("Not yet started", TaskStatusText(before));
        Assert.Equal("Completed", TaskStatusText(after));
        Assert.Contains("Not to come within 100 metres of Jane Smith.", after.QuerySelector("[data-proposed-conditions]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskList_PersonToProtectNamedInNoCondition_IsInProgress()
    {
        // Arrange
        var application = await TestData.CreateApplicationAsync(a => a.Draft().WithCase(c => c.WithProxyProtectedPerson()));
        await TestData.WithServicesAsync(_today, s => s.Applications.ProposeConditionAsync(new ProposeConditionOptions(application.ApplicationId,
            new ProposedConditionDetails(StalkingProtection.TestCommon.TestData.NoContact([application.Case.ProtectedPersonIds[0]]))), StalkingProtection.TestCommon.TestData.Officer));
        var client = await BrowserAsync();

        // Act
        var page = await client.GetDocumentAsync($"/workspace/applications/{application.ApplicationId}");

        // Assert
        Assert.Equal("In progress", TaskStatusText(page));
    }

    [Fact]
    public async Task Authorisation_CoordinatorSeesTheProposedConditions()
    {
        // Arrange
        var application = await DraftAsync();
        await ProposeAsync(application);
        var client = await BrowserAsync(StaffRoles.Coordinator);

        // Act
        var page = await client.GetDocumentAsync($"/workspace/applications/authorise-application/{application.ApplicationId}");

        // Assert
        Assert.Contains("Not to come within 100 metres of Jane Smith.", page.QuerySelector("[data-proposed-conditions]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_SubmittedApplication_ShowsConditionsWithoutChangeLinks()
    {
        // Arrange
        var application = await TestData.CreateApplicationAsync();
        var client = await BrowserAsync();

        // Act
        var page = await client.GetDocumentAsync($"/workspace/applications/propose-condition/{application.ApplicationId}");
        var template = await client.GetAsync(Url("template", application.ApplicationId, Guid.NewGuid()));

        // Assert
        Assert.Null(page.QuerySelector("a[href*='propose-condition/template']"));
        Assert.Equal(HttpStatusCode.Redirect, template.StatusCode);
    }

    public static TheoryData<string> Pages() => new("", "template/{id}/{journey}", "parameters/{id}/{journey}", "details/{id}/{journey}",
        "check-answers/{id}/{journey}", "remove/{id}/{condition}", "change/{id}/{condition}");

    private async Task<string> PageUrlAsync(string page)
    {
        var application = await DraftAsync();
        var conditionId = await ProposeAsync(application);
        var path = page.Length == 0 ? "{id}" : page;
        return "/workspace/applications/propose-condition/" + path.Replace("{id}", application.ApplicationId.ToString(), StringComparison.Ordinal)
            .Replace("{journey}", Guid.NewGuid().ToString(), StringComparison.Ordinal).Replace("{condition}", conditionId.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Get_OfficerOfAnotherTeam_ReturnsNotFound(string page)
    {
        // Arrange
        var url = await PageUrlAsync(page);

        // Act and Assert
        await AssertAccessAsync(url, StaffRoles.Officer, HttpStatusCode.NotFound, "Another Team");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Get_LookupAnalystOrAdministrator_IsForbidden(string page)
    {
        // Arrange
        var url = await PageUrlAsync(page);

        // Act and Assert
        foreach (var role in new[] { StaffRoles.Lookup, StaffRoles.Analyst, StaffRoles.Administrator })
        {
            await AssertAccessAsync(url, role, HttpStatusCode.Forbidden);
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Get_CaseRoles_SeeThePageOrAreSentToTheJourney(string page)
    {
        // Arrange
        var url = await PageUrlAsync(page);

        // Act and Assert
        foreach (var role in StaffRoles.CaseRoles)
        {
            var response = await (await BrowserAsync(role)).GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{url} as {role}: {(int)response.StatusCode}");
        }
    }

    private static string TaskStatusText(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("[data-tasks] li").Single(li => li.TextContent.Contains("Proposed conditions", StringComparison.Ordinal))
            .QuerySelector(".govuk-task-list__status")!.TextContent.Trim();
}
