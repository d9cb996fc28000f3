using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Web.Infrastructure.GovUk.TagHelpers;

namespace StalkingProtection.Web.Tests.GovUk;

public sealed class GovUkTagHelperTests
{
    [Fact]
    public async Task Input_WithModelStateError_RendersErrorMessageAndErrorClasses()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm());
        harness.ModelState.AddModelError("FullName", "Enter your full name");
        var tagHelper = new GovUkInputTagHelper { For = harness.For(m => m.FullName), ViewContext = harness.ViewContext, Hint = "As on your passport" };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-input");

        // Assert
        Assert.NotNull(root.QuerySelector(".govuk-form-group.govuk-form-group--error"));
        var error = root.QuerySelector("p.govuk-error-message#FullName-error")!;
        Assert.Equal("Error: Enter your full name", error.TextContent.Trim());
        Assert.Equal("Error:", error.QuerySelector(".govuk-visually-hidden")!.TextContent);
        var input = root.QuerySelector("input#FullName")!;
        Assert.Contains("govuk-input--error", input.ClassList);
        Assert.Equal("FullName-hint FullName-error", input.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task Input_WithoutErrors_RendersNoErrorMarkup()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm { FullName = "Ada Lovelace" });
        var tagHelper = new GovUkInputTagHelper { For = harness.For(m => m.FullName), ViewContext = harness.ViewContext };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-input");

        // Assert
        Assert.Null(root.QuerySelector(".govuk-error-message"));
        Assert.Null(root.QuerySelector(".govuk-form-group--error"));
        Assert.Equal("Ada Lovelace", root.QuerySelector("input")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Input_WithoutLabelAttribute_UsesDisplayNameForLabel()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm());
        var tagHelper = new GovUkInputTagHelper { For = harness.For(m => m.FullName), ViewContext = harness.ViewContext };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-input");

        // Assert
        var label = root.QuerySelector("label.govuk-label")!;
        Assert.Equal("Full name", label.TextContent.Trim());
        Assert.Equal("FullName", label.GetAttribute("for"));
    }

    [Fact]
    public async Task Input_PostedValueInModelState_RedisplaysPostedValueNotModelValue()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm { FullName = "From the model" });
        harness.ModelState.SetModelValue("FullName", "As typed <b>", "As typed <b>");
        var tagHelper = new GovUkInputTagHelper { For = harness.For(m => m.FullName), ViewContext = harness.ViewContext };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-input");

        // Assert
        Assert.Equal("As typed <b>", root.QuerySelector("input")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Input_NestedPropertyAndUnboundAttribute_UsesDottedNameUnderscoreIdAndPassesAttributeThrough()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm());
        var tagHelper = new GovUkInputTagHelper { For = harness.For(m => m.Address.Postcode), ViewContext = harness.ViewContext, Classes = "govuk-input--width-10" };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-input", unboundAttributes: ("autocapitalize", "characters"));

        // Assert
        var input = root.QuerySelector("input")!;
        Assert.Equal("Address.Postcode", input.GetAttribute("name"));
        Assert.Equal("Address_Postcode", input.Id);
        Assert.Equal("characters", input.GetAttribute("autocapitalize"));
        Assert.Contains("govuk-input--width-10", input.ClassList);
    }

    [Fact]
    public async Task Input_UnboundAttributeAsEncodedHtml_IsNotEncodedTwice()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm());
        var tagHelper = new GovUkInputTagHelper { For = harness.For(m => m.FullName), ViewContext = harness.ViewContext };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-input", unboundAttributes: ("data-note", new HtmlString("Smith &amp; Jones")));

        // Assert
        Assert.Equal("Smith & Jones", root.QuerySelector("input")!.GetAttribute("data-note"));
    }

    [Fact]
    public async Task Textarea_WithModelStateError_RendersTextareaErrorClass()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm { Details = "Some details" });
        harness.ModelState.AddModelError("Details", "Details must be 500 characters or fewer");
        var tagHelper = new GovUkTextareaTagHelper { For = harness.For(m => m.Details), ViewContext = harness.ViewContext, Rows = 8 };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-textarea");

        // Assert
        var textarea = root.QuerySelector("textarea#Details")!;
        Assert.Contains("govuk-textarea--error", textarea.ClassList);
        Assert.Equal("8", textarea.GetAttribute("rows"));
        Assert.Equal("Some details", textarea.TextContent);
        Assert.Equal("Details-error", textarea.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task DateInput_ModelValue_RendersThreePartsWithDottedNamesAndDashedIds()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm { DateOfBirth = new DateOnly(2007, 3, 27) });
        var tagHelper = new GovUkDateInputTagHelper { For = harness.For(m => m.DateOfBirth), ViewContext = harness.ViewContext, Hint = "For example, 27 3 2007" };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-date-input");

        // Assert
        var inputs = root.QuerySelectorAll("input.govuk-date-input__input");
        Assert.Equal(["DateOfBirth.Day", "DateOfBirth.Month", "DateOfBirth.Year"], inputs.Select(i => i.GetAttribute("name")));
        Assert.Equal(["DateOfBirth-day", "DateOfBirth-month", "DateOfBirth-year"], inputs.Select(i => i.Id));
        Assert.Equal(["27", "3", "2007"], inputs.Select(i => i.GetAttribute("value")));
        Assert.Equal("Date of birth", root.QuerySelector("legend")!.TextContent.Trim());
        Assert.Equal("DateOfBirth-hint", root.QuerySelector("fieldset")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task DateInput_BinderMarkedMonthMissing_HighlightsOnlyMonthAndRedisplaysPostedParts()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm());
        harness.ModelState.SetModelValue("DateOfBirth.Day", "27", "27");
        harness.ModelState.SetModelValue("DateOfBirth.Month", string.Empty, string.Empty);
        harness.ModelState.SetModelValue("DateOfBirth.Year", "2007", "2007");
        harness.ModelState["DateOfBirth.Month"]!.ValidationState = ModelValidationState.Invalid;
        harness.ModelState.AddModelError("DateOfBirth", "Date of birth must include a month");
        var tagHelper = new GovUkDateInputTagHelper { For = harness.For(m => m.DateOfBirth), ViewContext = harness.ViewContext };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-date-input");

        // Assert
        Assert.NotNull(root.QuerySelector(".govuk-form-group--error"));
        Assert.Equal("Error: Date of birth must include a month", root.QuerySelector("#DateOfBirth-error")!.TextContent.Trim());
        Assert.DoesNotContain("govuk-input--error", root.QuerySelector("#DateOfBirth-day")!.ClassList);
        Assert.Contains("govuk-input--error", root.QuerySelector("#DateOfBirth-month")!.ClassList);
        Assert.Equal("27", root.QuerySelector("#DateOfBirth-day")!.GetAttribute("value"));
    }

    [Fact]
    public async Task DateInput_ErrorWithoutMarkedParts_HighlightsAllParts()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm());
        harness.ModelState.AddModelError("DateOfBirth", "Enter your date of birth");
        var tagHelper = new GovUkDateInputTagHelper { For = harness.For(m => m.DateOfBirth), ViewContext = harness.ViewContext };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-date-input");

        // Assert
        Assert.All(root.QuerySelectorAll("input"), input => Assert.Contains("govuk-input--error", input.ClassList));
    }

    [Fact]
    public async Task Radios_EnumProperty_RendersDisplayNamesHintsAndChecksModelValue()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm { Contact = ContactMethod.Phone });
        var tagHelper = new GovUkRadiosTagHelper { For = harness.For(m => m.Contact), ViewContext = harness.ViewContext };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-radios");

        // Assert
        var inputs = root.QuerySelectorAll("input[type=radio]");
        Assert.Equal(["Email", "Phone", "Letter"], inputs.Select(i => i.GetAttribute("value")));
        Assert.Equal(["Contact", "Contact-2", "Contact-3"], inputs.Select(i => i.Id));
        Assert.Equal(["Email", "Phone call", "Letter"], root.QuerySelectorAll("label").Select(l => l.TextContent.Trim()));
        Assert.Equal("Phone", root.QuerySelector("input:checked")!.GetAttribute("value"));
        Assert.Equal("We will call during office hours", root.QuerySelector("#Contact-2-item-hint")!.TextContent.Trim());
        Assert.Equal("How should we contact you?", root.QuerySelector("legend")!.TextContent.Trim());
    }

    [Fact]
    public async Task Radios_WithModelStateError_RendersErrorInsideFieldset()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm());
        harness.ModelState.AddModelError("Contact", "Select how we should contact you");
        var tagHelper = new GovUkRadiosTagHelper { For = harness.For(m => m.Contact), ViewContext = harness.ViewContext, Classes = "govuk-radios--inline" };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-radios");

        // Assert
        Assert.NotNull(root.QuerySelector(".govuk-form-group--error > fieldset > p#Contact-error"));
        Assert.Equal("Contact-error", root.QuerySelector("fieldset")!.GetAttribute("aria-describedby"));
        Assert.Null(root.QuerySelector("input:checked"));
        Assert.Contains("govuk-radios--inline", root.QuerySelector(".govuk-radios")!.ClassList);
    }

    [Fact]
    public async Task Radios_ExplicitItems_UsesItemsAndPostedValue()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm { Force = "met" });
        harness.ModelState.SetModelValue("Force", "kent", "kent");
        var items = new[] { new SelectListItem("Metropolitan Police", "met"), new SelectListItem("Kent Police", "kent") };
        var tagHelper = new GovUkRadiosTagHelper { For = harness.For(m => m.Force), ViewContext = harness.ViewContext, Items = items, Legend = "Which force?" };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-radios");

        // Assert
        Assert.Equal("kent", root.QuerySelector("input:checked")!.GetAttribute("value"));
        Assert.Equal("Which force?", root.QuerySelector("legend")!.TextContent.Trim());
    }

    [Fact]
    public async Task Checkboxes_CollectionProperty_ChecksEverySelectedValue()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm { ContactMethods = [ContactMethod.Email, ContactMethod.Letter] });
        var tagHelper = new GovUkCheckboxesTagHelper { For = harness.For(m => m.ContactMethods), ViewContext = harness.ViewContext, Legend = "Contact methods" };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-checkboxes");

        // Assert
        Assert.Equal(["Email", "Letter"], root.QuerySelectorAll("input:checked").Select(i => i.GetAttribute("value")));
        Assert.All(root.QuerySelectorAll("input"), input => Assert.Equal("ContactMethods", input.GetAttribute("name")));
    }

    [Fact]
    public async Task Checkboxes_PostedValuesWithError_RechecksPostedValuesAndShowsError()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm());
        harness.ModelState.SetModelValue("ContactMethods", new[] { "Phone" }, "Phone");
        harness.ModelState.AddModelError("ContactMethods", "Select no more than one way to contact you by phone");
        var tagHelper = new GovUkCheckboxesTagHelper { For = harness.For(m => m.ContactMethods), ViewContext = harness.ViewContext };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-checkboxes");

        // Assert
        Assert.Equal("Phone", root.QuerySelector("input:checked")!.GetAttribute("value"));
        Assert.NotNull(root.QuerySelector("p#ContactMethods-error"));
    }

    [Fact]
    public async Task Select_ItemsWithEmptyOption_SelectsModelValue()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm { Force = "kent" });
        var items = new[] { new SelectListItem("Metropolitan Police", "met"), new SelectListItem("Kent Police", "kent") };
        var tagHelper = new GovUkSelectTagHelper { For = harness.For(m => m.Force), ViewContext = harness.ViewContext, Items = items, EmptyText = "Choose a force" };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-select");

        // Assert
        Assert.Equal(["", "met", "kent"], root.QuerySelectorAll("option").Select(o => o.GetAttribute("value")));
        Assert.Equal("kent", root.QuerySelector("option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Select_WithModelStateError_AddsSelectErrorClass()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm());
        harness.ModelState.AddModelError("Contact", "Select a contact method");
        var tagHelper = new GovUkSelectTagHelper { For = harness.For(m => m.Contact), ViewContext = harness.ViewContext };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-select");

        // Assert
        Assert.Contains("govuk-select--error", root.QuerySelector("select#Contact")!.ClassList);
        Assert.Equal(3, root.QuerySelectorAll("option").Length);
    }

    [Fact]
    public async Task ErrorSummary_WithErrors_LinksToFieldIdsAndToDayFieldForDates()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm());
        harness.ModelState.AddModelError("FullName", "Enter your full name");
        harness.ModelState.AddModelError("DateOfBirth", "Date of birth must be a real date");
        harness.ModelState.AddModelError("Address.MovedIn", "Date you moved in must include a year");
        harness.ModelState.AddModelError("Address.Postcode", "Enter a real postcode");
        var tagHelper = new GovUkErrorSummaryTagHelper { ViewContext = harness.ViewContext };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-error-summary");

        // Assert
        Assert.Equal("There is a problem", root.QuerySelector(".govuk-error-summary__title")!.TextContent.Trim());
        var links = root.QuerySelectorAll(".govuk-error-summary__list a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href"));
        Assert.Equal("#FullName", links["Enter your full name"]);
        Assert.Equal("#DateOfBirth-day", links["Date of birth must be a real date"]);
        Assert.Equal("#Address_MovedIn-day", links["Date you moved in must include a year"]);
        Assert.Equal("#Address_Postcode", links["Enter a real postcode"]);
    }

    [Fact]
    public async Task ErrorSummary_ModelLevelError_ListsErrorWithoutLink()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm());
        harness.ModelState.AddModelError(string.Empty, "The order has been changed by someone else");
        var tagHelper = new GovUkErrorSummaryTagHelper { ViewContext = harness.ViewContext };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-error-summary");

        // Assert
        var item = root.QuerySelector(".govuk-error-summary__list li")!;
        Assert.Equal("The order has been changed by someone else", item.TextContent.Trim());
        Assert.Null(item.QuerySelector("a"));
    }

    [Fact]
    public async Task ErrorSummary_WithoutErrors_RendersNothing()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm());
        var tagHelper = new GovUkErrorSummaryTagHelper { ViewContext = harness.ViewContext };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-error-summary");

        // Assert
        Assert.Empty(root.InnerHtml);
    }

    [Fact]
    public async Task SummaryList_RowsWithAndWithoutChangeLink_RendersRowsAndVisuallyHiddenText()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm());
        var nameRow = new GovUkSummaryListRowTagHelper { Key = "Name", ChangeHref = "/name" };
        var dateRow = new GovUkSummaryListRowTagHelper { Key = "Date of birth" };

        // Act
        var root = await harness.RenderWithChildrenAsync(
            new GovUkSummaryListTagHelper(),
            "govuk-summary-list",
            (nameRow, "govuk-summary-list-row", "Ada Lovelace"),
            (dateRow, "govuk-summary-list-row", "10 December 1815"));

        // Assert
        var rows = root.QuerySelectorAll(".govuk-summary-list__row");
        Assert.Equal(2, rows.Length);
        Assert.Equal("Name", rows[0].QuerySelector(".govuk-summary-list__key")!.TextContent.Trim());
        Assert.Equal("Ada Lovelace", rows[0].QuerySelector(".govuk-summary-list__value")!.TextContent.Trim());
        Assert.Equal("/name", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(" name", rows[0].QuerySelector("a .govuk-visually-hidden")!.TextContent);
        Assert.Contains("govuk-summary-list__row--no-actions", rows[1].ClassList);
    }

    [Fact]
    public async Task Button_WithHref_RendersLinkStyledAsButton()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm());
        var tagHelper = new GovUkButtonTagHelper { Href = "/start", IsStartButton = true };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-button", "Start now");

        // Assert
        var link = root.QuerySelector("a.govuk-button.govuk-button--start")!;
        Assert.Equal("/start", link.GetAttribute("href"));
        Assert.Equal("button", link.GetAttribute("role"));
        Assert.Equal("Start now", link.TextContent.Trim());
    }

    [Fact]
    public async Task Button_WithoutHref_RendersSubmitButtonWithNameAndValue()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm());
        var tagHelper = new GovUkButtonTagHelper { Name = "action", Value = "save", Classes = "govuk-button--secondary", PreventDoubleClick = true };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-button", "Save as draft");

        // Assert
        var button = root.QuerySelector("button")!;
        Assert.Equal("submit", button.GetAttribute("type"));
        Assert.Equal("save", button.GetAttribute("value"));
        Assert.Equal("true", button.GetAttribute("data-prevent-double-click"));
        Assert.Contains("govuk-button--secondary", button.ClassList);
    }

    [Fact]
    public async Task NotificationBanner_SuccessWithText_RendersAlertWithHeading()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm());
        var tagHelper = new GovUkNotificationBannerTagHelper { Type = "success", Text = "Order recorded" };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-notification-banner");

        // Assert
        var banner = root.QuerySelector(".govuk-notification-banner.govuk-notification-banner--success")!;
        Assert.Equal("alert", banner.GetAttribute("role"));
        Assert.Equal("Success", banner.QuerySelector(".govuk-notification-banner__title")!.TextContent.Trim());
        Assert.Equal("Order recorded", banner.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim());
    }

    [Fact]
    public async Task Tag_WithClass_RendersColouredTag()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm());
        var tagHelper = new GovUkTagTagHelper { Classes = "govuk-tag--green" };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-tag", "Active");

        // Assert
        var tag = root.QuerySelector("strong.govuk-tag.govuk-tag--green")!;
        Assert.Equal("Active", tag.TextContent.Trim());
    }

    [Fact]
    public async Task Panel_WithTitleAndContent_RendersConfirmationPanel()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm());
        var tagHelper = new GovUkPanelTagHelper { Title = "Order recorded" };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-panel", "Reference <strong>SPO-1</strong>");

        // Assert
        Assert.Equal("Order recorded", root.QuerySelector(".govuk-panel--confirmation h1.govuk-panel__title")!.TextContent.Trim());
        Assert.Equal("SPO-1", root.QuerySelector(".govuk-panel__body strong")!.TextContent);
    }

    [Fact]
    public async Task BackLink_WithoutContent_RendersBack()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm());
        var tagHelper = new GovUkBackLinkTagHelper { Href = "/orders" };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-back-link");

        // Assert
        var link = root.QuerySelector("a.govuk-back-link")!;
        Assert.Equal("/orders", link.GetAttribute("href"));
        Assert.Equal("Back", link.TextContent);
    }

    [Fact]
    public async Task PhaseBanner_WithTag_RendersTagAndText()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm());
        var tagHelper = new GovUkPhaseBannerTagHelper { Tag = "Alpha" };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-phase-banner", "This is a new service.");

        // Assert
        Assert.Equal("Alpha", root.QuerySelector(".govuk-phase-banner__content__tag")!.TextContent.Trim());
        Assert.Equal("This is a new service.", root.QuerySelector(".govuk-phase-banner__text")!.TextContent.Trim());
    }

    [Fact]
    public async Task CookieBanner_WithCookiesHref_RendersHideButtonAndCookiesLink()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm());
        var tagHelper = new GovUkCookieBannerTagHelper { Heading = "Cookies on Stalking Protection", CookiesHref = "/cookies" };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-cookie-banner", "<p class=\"govuk-body\">We use essential cookies.</p>");

        // Assert
        Assert.Equal("Cookies on Stalking Protection", root.QuerySelector(".govuk-cookie-banner__heading")!.TextContent.Trim());
        Assert.Equal("button", root.QuerySelector(".govuk-button-group button")!.GetAttribute("type"));
        Assert.Equal("/cookies", root.QuerySelector(".govuk-button-group a.govuk-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ExitThisPage_WithHrefAndText_RendersWarningButtonLink()
    {
        // Arrange
        var harness = new TagHelperHarness<TestForm>(new TestForm());
        var tagHelper = new GovUkExitThisPageTagHelper { Href = "https://www.gov.uk", Text = "Leave this page" };

        // Act
        var root = await harness.RenderAsync(tagHelper, "govuk-exit-this-page");

        // Assert
        var link = root.QuerySelector(".govuk-exit-this-page a.govuk-button--warning")!;
        Assert.Equal("https://www.gov.uk", link.GetAttribute("href"));
        Assert.Equal("nofollow noreferrer", link.GetAttribute("rel"));
        Assert.Equal("Leave this page", link.TextContent.Trim());
    }
}
