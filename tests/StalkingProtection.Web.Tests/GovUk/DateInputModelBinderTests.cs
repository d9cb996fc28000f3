using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using StalkingProtection.Web.Infrastructure.GovUk;

namespace StalkingProtection.Web.Tests.GovUk;

public sealed class DateInputModelBinderTests
{
    [Fact]
    public async Task BindModel_ValidDate_ReturnsDateAndLeavesModelStateValid()
    {
        // Arrange
        var context = CreateContext(nameof(TestForm.DateOfBirth), ("DateOfBirth.Day", "27"), ("DateOfBirth.Month", "3"), ("DateOfBirth.Year", "2007"));

        // Act
        await new DateInputModelBinder().BindModelAsync(context);

        // Assert
        Assert.True(context.Result.IsModelSet);
        Assert.Equal(new DateOnly(2007, 3, 27), context.Result.Model);
        Assert.True(context.ModelState.IsValid);
    }

    [Fact]
    public async Task BindModel_MonthNameAndSpaces_ReturnsDate()
    {
        // Arrange
        var context = CreateContext(nameof(TestForm.DateOfBirth), ("DateOfBirth.Day", " 5 "), ("DateOfBirth.Month", "Feb"), ("DateOfBirth.Year", "2024"));

        // Act
        await new DateInputModelBinder().BindModelAsync(context);

        // Assert
        Assert.Equal(new DateOnly(2024, 2, 5), context.Result.Model);
    }

    [Fact]
    public async Task BindModel_MissingMonth_AddsMustIncludeMonthErrorAndMarksOnlyMonth()
    {
        // Arrange
        var context = CreateContext(nameof(TestForm.DateOfBirth), ("DateOfBirth.Day", "27"), ("DateOfBirth.Month", ""), ("DateOfBirth.Year", "2007"));

        // Act
        await new DateInputModelBinder().BindModelAsync(context);

        // Assert
        Assert.False(context.Result.IsModelSet);
        Assert.Equal("Date of birth must include a month", Assert.Single(context.ModelState["DateOfBirth"]!.Errors).ErrorMessage);
        Assert.Equal(ModelValidationState.Invalid, context.ModelState["DateOfBirth.Month"]!.ValidationState);
        Assert.Equal(ModelValidationState.Skipped, context.ModelState["DateOfBirth.Day"]!.ValidationState);
    }

    [Fact]
    public async Task BindModel_MissingDayAndYear_AddsMustIncludeDayAndYearError()
    {
        // Arrange
        var context = CreateContext(nameof(TestForm.DateOfBirth), ("DateOfBirth.Day", ""), ("DateOfBirth.Month", "3"), ("DateOfBirth.Year", ""));

        // Act
        await new DateInputModelBinder().BindModelAsync(context);

        // Assert
        Assert.Equal("Date of birth must include a day and year", Assert.Single(context.ModelState["DateOfBirth"]!.Errors).ErrorMessage);
    }

    [Fact]
    public async Task BindModel_ThirtyFirstFebruary_AddsRealDateError()
    {
        // Arrange
        var context = CreateContext(nameof(TestForm.DateOfBirth), ("DateOfBirth.Day", "31"), ("DateOfBirth.Month", "2"), ("DateOfBirth.Year", "2023"));

        // Act
        await new DateInputModelBinder().BindModelAsync(context);

        // Assert
        Assert.False(context.Result.IsModelSet);
        Assert.Equal("Date of birth must be a real date", Assert.Single(context.ModelState["DateOfBirth"]!.Errors).ErrorMessage);
    }

    [Fact]
    public async Task BindModel_TwentyNinthFebruaryInLeapYear_ReturnsDate()
    {
        // Arrange
        var context = CreateContext(nameof(TestForm.DateOfBirth), ("DateOfBirth.Day", "29"), ("DateOfBirth.Month", "2"), ("DateOfBirth.Year", "2024"));

        // Act
        await new DateInputModelBinder().BindModelAsync(context);

        // Assert
        Assert.Equal(new DateOnly(2024, 2, 29), context.Result.Model);
    }

    [Fact]
    public async Task BindModel_NonNumericDay_AddsRealDateErrorAndMarksDay()
    {
        // Arrange
        var context = CreateContext(nameof(TestForm.DateOfBirth), ("DateOfBirth.Day", "first"), ("DateOfBirth.Month", "3"), ("DateOfBirth.Year", "2007"));

        // Act
        await new DateInputModelBinder().BindModelAsync(context);

        // Assert
        Assert.Equal("Date of birth must be a real date", Assert.Single(context.ModelState["DateOfBirth"]!.Errors).ErrorMessage);
        Assert.Equal(ModelValidationState.Invalid, context.ModelState["DateOfBirth.Day"]!.ValidationState);
        Assert.Equal("first", context.ModelState["DateOfBirth.Day"]!.AttemptedValue);
    }

    [Fact]
    public async Task BindModel_MonthThirteen_AddsRealDateError()
    {
        // Arrange
        var context = CreateContext(nameof(TestForm.DateOfBirth), ("DateOfBirth.Day", "1"), ("DateOfBirth.Month", "13"), ("DateOfBirth.Year", "2007"));

        // Act
        await new DateInputModelBinder().BindModelAsync(context);

        // Assert
        Assert.Equal("Date of birth must be a real date", Assert.Single(context.ModelState["DateOfBirth"]!.Errors).ErrorMessage);
    }

    [Fact]
    public async Task BindModel_FarPastYear_AddsMinimumYearError()
    {
        // Arrange
        var context = CreateContext(nameof(TestForm.DateOfBirth), ("DateOfBirth.Day", "14"), ("DateOfBirth.Month", "10"), ("DateOfBirth.Year", "1066"));

        // Act
        await new DateInputModelBinder().BindModelAsync(context);

        // Assert
        Assert.Equal("Date of birth must be the same as or after 1 January 1900", Assert.Single(context.ModelState["DateOfBirth"]!.Errors).ErrorMessage);
        Assert.Equal(ModelValidationState.Invalid, context.ModelState["DateOfBirth.Year"]!.ValidationState);
    }

    [Fact]
    public async Task BindModel_YearZero_AddsMinimumYearErrorWithoutThrowing()
    {
        // Arrange
        var context = CreateContext(nameof(TestForm.DateOfBirth), ("DateOfBirth.Day", "1"), ("DateOfBirth.Month", "1"), ("DateOfBirth.Year", "0000"));

        // Act
        var exception = await Record.ExceptionAsync(() => new DateInputModelBinder().BindModelAsync(context));

        // Assert
        Assert.Null(exception);
        Assert.Single(context.ModelState["DateOfBirth"]!.Errors);
    }

    [Fact]
    public async Task BindModel_TwoDigitYear_AddsFourNumbersError()
    {
        // Arrange
        var context = CreateContext(nameof(TestForm.DateOfBirth), ("DateOfBirth.Day", "27"), ("DateOfBirth.Month", "3"), ("DateOfBirth.Year", "07"));

        // Act
        await new DateInputModelBinder().BindModelAsync(context);

        // Assert
        Assert.Equal("Date of birth must include a year with 4 numbers", Assert.Single(context.ModelState["DateOfBirth"]!.Errors).ErrorMessage);
    }

    [Fact]
    public async Task BindModel_AllPartsEmptyForNullableDate_ReturnsNullWithoutError()
    {
        // Arrange
        var context = CreateContext(nameof(TestForm.DateOfBirth), ("DateOfBirth.Day", ""), ("DateOfBirth.Month", ""), ("DateOfBirth.Year", ""));

        // Act
        await new DateInputModelBinder().BindModelAsync(context);

        // Assert
        Assert.True(context.Result.IsModelSet);
        Assert.Null(context.Result.Model);
        Assert.Equal(0, context.ModelState.ErrorCount);
    }

    [Fact]
    public async Task BindModel_AllPartsEmptyForNonNullableDate_LeavesModelUnset()
    {
        // Arrange
        var context = CreateContext(nameof(TestForm.DateServed), ("DateServed.Day", ""), ("DateServed.Month", ""), ("DateServed.Year", ""));

        // Act
        await new DateInputModelBinder().BindModelAsync(context);

        // Assert
        Assert.False(context.Result.IsModelSet);
        Assert.Equal(0, context.ModelState.ErrorCount);
    }

    [Fact]
    public async Task BindModel_PropertyWithoutDisplayName_HumanisesPropertyNameInMessage()
    {
        // Arrange
        var context = CreateContext(nameof(TestForm.DateServed), ("DateServed.Day", "1"), ("DateServed.Month", ""), ("DateServed.Year", "2025"));

        // Act
        await new DateInputModelBinder().BindModelAsync(context);

        // Assert
        Assert.Equal("Date served must include a month", Assert.Single(context.ModelState["DateServed"]!.Errors).ErrorMessage);
    }

    [Fact]
    public async Task BindModel_SingleIsoValue_ReturnsDate()
    {
        // Arrange
        var context = CreateContext(nameof(TestForm.DateOfBirth), ("DateOfBirth", "2007-03-27"));

        // Act
        await new DateInputModelBinder().BindModelAsync(context);

        // Assert
        Assert.Equal(new DateOnly(2007, 3, 27), context.Result.Model);
    }

    [Fact]
    public void AddGovUkComponents_Called_RegistersDateInputBinderProviderFirstAndOnce()
    {
        // Arrange
        var services = new ServiceCollection().AddLogging();
        services.AddControllersWithViews();

        // Act
        services.AddGovUkComponents().AddGovUkComponents();
        var options = services.BuildServiceProvider().GetRequiredService<IOptions<MvcOptions>>().Value;

        // Assert
        Assert.IsType<DateInputModelBinderProvider>(options.ModelBinderProviders[0]);
        Assert.Single(options.ModelBinderProviders.OfType<DateInputModelBinderProvider>());
    }

    [Fact]
    public void GetBinder_NullableDateOnlyAndString_ReturnsBinderOnlyForDate()
    {
        // Arrange
        var provider = new DateInputModelBinderProvider();
        var metadataProvider = TagHelperHarness<TestForm>.MetadataProvider;

        // Act
        var dateBinder = provider.GetBinder(new TestBinderProviderContext(metadataProvider.GetMetadataForProperty(typeof(TestForm), nameof(TestForm.DateOfBirth))));
        var stringBinder = provider.GetBinder(new TestBinderProviderContext(metadataProvider.GetMetadataForProperty(typeof(TestForm), nameof(TestForm.FullName))));

        // Assert
        Assert.IsType<DateInputModelBinder>(dateBinder);
        Assert.Null(stringBinder);
    }

    [Fact]
    public async Task TryUpdateModel_ValidDatePartsThroughMvc_BindsDateAndModelStateIsValid()
    {
        // Arrange
        var form = new TestForm();

        // Act
        var (isValid, modelState) = await BindThroughMvcAsync(form, ("DateOfBirth.Day", "27"), ("DateOfBirth.Month", "3"), ("DateOfBirth.Year", "2007"));

        // Assert
        Assert.True(isValid);
        Assert.Equal(new DateOnly(2007, 3, 27), form.DateOfBirth);
        Assert.Equal(0, modelState.ErrorCount);
    }

    [Fact]
    public async Task TryUpdateModel_ImpossibleDateThroughMvc_LeavesOneErrorUnderDateKey()
    {
        // Arrange
        var form = new TestForm();

        // Act
        var (isValid, modelState) = await BindThroughMvcAsync(form, ("DateOfBirth.Day", "31"), ("DateOfBirth.Month", "2"), ("DateOfBirth.Year", "2023"));

        // Assert
        Assert.False(isValid);
        Assert.Null(form.DateOfBirth);
        Assert.Equal("Date of birth must be a real date", Assert.Single(modelState["DateOfBirth"]!.Errors).ErrorMessage);
        Assert.Equal(1, modelState.ErrorCount);
    }

    private static async Task<(bool IsValid, ModelStateDictionary ModelState)> BindThroughMvcAsync(TestForm form, params (string Key, string Value)[] values)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddControllersWithViews();
        services.AddGovUkComponents();
        var provider = services.BuildServiceProvider();
        var modelState = new ModelStateDictionary();
        var actionContext = new ActionContext(new DefaultHttpContext { RequestServices = provider }, new RouteData(), new ControllerActionDescriptor(), modelState);
        var formValues = new FormCollection(values.ToDictionary(v => v.Key, v => new StringValues(v.Value)));
        var controller = new BindingController { ControllerContext = new ControllerContext(actionContext) };
        var isValid = await controller.TryUpdateModelAsync(form, string.Empty, new FormValueProvider(BindingSource.Form, formValues, CultureInfo.InvariantCulture));
        return (isValid, modelState);
    }

    private static DefaultModelBindingContext CreateContext(string propertyName, params (string Key, string Value)[] values)
    {
        var metadata = TagHelperHarness<TestForm>.MetadataProvider.GetMetadataForProperty(typeof(TestForm), propertyName);
        var form = new FormCollection(values.ToDictionary(v => v.Key, v => new StringValues(v.Value)));
        var valueProvider = new FormValueProvider(BindingSource.Form, form, CultureInfo.InvariantCulture);
        var actionContext = new ActionContext(new DefaultHttpContext(), new RouteData(), new ActionDescriptor(), new ModelStateDictionary());
        return (DefaultModelBindingContext)DefaultModelBindingContext.CreateBindingContext(actionContext, valueProvider, metadata, bindingInfo: null, propertyName);
    }

    // ControllerBase.TryUpdateModelAsync runs MVC's real binding and validation, without a host.
    private sealed class BindingController : ControllerBase;

    private sealed class TestBinderProviderContext(ModelMetadata metadata) : ModelBinderProviderContext
    {
        public override BindingInfo BindingInfo { get; } = new();

        public override ModelMetadata Metadata { get; } = metadata;

        public override IModelMetadataProvider MetadataProvider => TagHelperHarness<TestForm>.MetadataProvider;

        public override IModelBinder CreateBinder(ModelMetadata metadata) => throw new NotSupportedException();
    }
}
