using System.Globalization;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StalkingProtection.Web.Infrastructure.GovUk;
using StalkingProtection.Web.Pages.Shared;

namespace StalkingProtection.Web.Tests.GovUk;

/// <summary>Renders the compiled <c>_GovUkSandbox</c> partial through Razor, so the tag helpers are tested as pages use them.</summary>
public sealed class GovUkSandboxRenderingTests
{
    private static readonly Lazy<IServiceProvider> Services = new(() =>
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(GovUkSandboxModel).Assembly.GetName().Name,
            EnvironmentName = "Testing",
        });
        builder.Logging.ClearProviders();

        // The form tag helper writes an antiforgery token; keep its keys in memory rather than in the user profile.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddRazorPages();
        builder.Services.AddGovUkComponents();
        return builder.Build().Services;
    });

    [Fact]
    public async Task Render_ValidModel_RendersEveryComponentWithoutErrorSummary()
    {
        // Arrange
        var model = new GovUkSandboxModel { FullName = "Ada Lovelace", Force = "kent", Contact = GovUkSandboxContact.Phone, DateOfBirth = new DateOnly(1815, 12, 10) };

        // Act
        var document = await RenderAsync(model, new ModelStateDictionary());

        // Assert
        Assert.Null(document.QuerySelector(".govuk-error-summary"));
        Assert.Equal("Ada Lovelace", document.QuerySelector("input#FullName")!.GetAttribute("value"));
        Assert.Equal(["10", "12", "1815"], document.QuerySelectorAll(".govuk-date-input input").Select(i => i.GetAttribute("value")));
        Assert.Equal("Phone", document.QuerySelector("input[type=radio]:checked")!.GetAttribute("value"));
        Assert.Equal("kent", document.QuerySelector("option[selected]")!.GetAttribute("value"));
        Assert.Equal("Ada Lovelace", document.QuerySelector(".govuk-summary-list__value")!.TextContent.Trim());
        foreach (var selector in new[]
        {
            ".govuk-exit-this-page", ".govuk-phase-banner", ".govuk-cookie-banner", ".govuk-back-link", ".govuk-notification-banner",
            "textarea.govuk-textarea", ".govuk-checkboxes", "button.govuk-button", ".govuk-tag", ".govuk-panel", ".govuk-inset-text",
            ".govuk-warning-text", "details.govuk-details",
        })
        {
            Assert.True(document.QuerySelector(selector) is not null, $"{selector} was not rendered");
        }
    }

    [Fact]
    public async Task Render_ModelStateErrors_ShowsSummaryLinkingToEachFieldAndMarksFields()
    {
        // Arrange
        var modelState = new ModelStateDictionary();
        modelState.AddModelError(nameof(GovUkSandboxModel.FullName), "Enter the full name");
        modelState.SetModelValue("DateOfBirth.Day", "31", "31");
        modelState.SetModelValue("DateOfBirth.Month", "2", "2");
        modelState.SetModelValue("DateOfBirth.Year", "2001", "2001");
        modelState.AddModelError(nameof(GovUkSandboxModel.DateOfBirth), "Date of birth must be a real date");
        modelState.AddModelError(nameof(GovUkSandboxModel.Contact), "Select how we should contact you");

        // Act
        var document = await RenderAsync(new GovUkSandboxModel(), modelState);

        // Assert
        var links = document.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#FullName", "#DateOfBirth-day", "#Contact"], links);
        Assert.All(links, href => Assert.NotNull(document.QuerySelector(href!)));
        Assert.Equal(3, document.QuerySelectorAll(".govuk-form-group--error").Count(g => g.ParentElement?.LocalName == "form"));
        Assert.Equal("31", document.QuerySelector("#DateOfBirth-day")!.GetAttribute("value"));
    }

    private static async Task<IDocument> RenderAsync(GovUkSandboxModel model, ModelStateDictionary modelState)
    {
        using var scope = Services.Value.CreateScope();
        var services = scope.ServiceProvider;
        var httpContext = new DefaultHttpContext { RequestServices = services };
        var actionContext = new ActionContext(httpContext, new RouteData(), new ActionDescriptor(), modelState);
        var viewEngine = services.GetRequiredService<IRazorViewEngine>();
        var view = viewEngine.GetView(executingFilePath: null, "/Pages/Shared/_GovUkSandbox.cshtml", isMainPage: false).EnsureSuccessful(originalLocations: null).View!;
        var viewData = new ViewDataDictionary<GovUkSandboxModel>(services.GetRequiredService<IModelMetadataProvider>(), modelState) { Model = model };
        var tempData = new TempDataDictionary(httpContext, services.GetRequiredService<ITempDataProvider>());

        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        await view.RenderAsync(new ViewContext(actionContext, view, viewData, tempData, writer, new HtmlHelperOptions()));
        return new AngleSharp.Html.Parser.HtmlParser().ParseDocument(writer.ToString());
    }
}
