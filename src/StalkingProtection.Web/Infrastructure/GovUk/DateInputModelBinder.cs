using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace StalkingProtection.Web.Infrastructure.GovUk;

/// <summary>
/// Binds a <see cref="DateOnly"/> (or <c>DateOnly?</c>) from the three GOV.UK date input fields <c>X.Day</c>,
/// <c>X.Month</c> and <c>X.Year</c>, with the error messages the GOV.UK Design System recommends. Errors are added
/// under <c>X</c>; the parts that are wrong are marked invalid so the date input highlights only those fields.
/// </summary>
public sealed class DateInputModelBinder : IModelBinder
{
    public const int MinimumYear = 1900;

    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);

        var name = bindingContext.ModelName;
        var dayKey = DateInputNames.Day(name);
        var monthKey = DateInputNames.Month(name);
        var yearKey = DateInputNames.Year(name);
        var dayResult = bindingContext.ValueProvider.GetValue(dayKey);
        var monthResult = bindingContext.ValueProvider.GetValue(monthKey);
        var yearResult = bindingContext.ValueProvider.GetValue(yearKey);

        if (dayResult == ValueProviderResult.None && monthResult == ValueProviderResult.None && yearResult == ValueProviderResult.None)
        {
            return BindSingleValue(bindingContext);
        }

        var modelState = bindingContext.ModelState;
        modelState.SetModelValue(dayKey, dayResult);
        modelState.SetModelValue(monthKey, monthResult);
        modelState.SetModelValue(yearKey, yearResult);

        var day = dayResult.FirstValue?.Trim() ?? string.Empty;
        var month = monthResult.FirstValue?.Trim() ?? string.Empty;
        var year = yearResult.FirstValue?.Trim() ?? string.Empty;
        var displayName = DisplayName(bindingContext.ModelMetadata);

        if (day.Length == 0 && month.Length == 0 && year.Length == 0)
        {
            // Nothing entered: whether that is allowed is the validator's call ("Enter the date …").
            MarkParts(modelState, name, dayInvalid: false, monthInvalid: false, yearInvalid: false);
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }

            return Task.CompletedTask;
        }

        var missing = new List<string>();
        if (day.Length == 0)
        {
            missing.Add("day");
        }

        if (month.Length == 0)
        {
            missing.Add("month");
        }

        if (year.Length == 0)
        {
            missing.Add("year");
        }

        if (missing.Count > 0)
        {
            return Fail(bindingContext, $"{displayName} must include a {string.Join(" and ", missing)}", day.Length == 0, month.Length == 0, year.Length == 0);
        }

        var dayValid = int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var dayNumber) && dayNumber is >= 1 and <= 31;
        var monthValid = TryParseMonth(month, out var monthNumber);
        var yearValid = int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var yearNumber);
        if (!dayValid || !monthValid || !yearValid)
        {
            return Fail(bindingContext, $"{displayName} must be a real date", !dayValid, !monthValid, !yearValid);
        }

        if (year.Length != 4)
        {
            return Fail(bindingContext, $"{displayName} must include a year with 4 numbers", dayInvalid: false, monthInvalid: false, yearInvalid: true);
        }

        if (yearNumber < MinimumYear)
        {
            return Fail(bindingContext, $"{displayName} must be the same as or after 1 January {MinimumYear}", dayInvalid: false, monthInvalid: false, yearInvalid: true);
        }

        if (dayNumber > DateTime.DaysInMonth(yearNumber, monthNumber))
        {
            return Fail(bindingContext, $"{displayName} must be a real date", dayInvalid: true, monthInvalid: false, yearInvalid: false);
        }

        MarkParts(modelState, name, dayInvalid: false, monthInvalid: false, yearInvalid: false);
        bindingContext.Result = ModelBindingResult.Success(new DateOnly(yearNumber, monthNumber, dayNumber));
        return Task.CompletedTask;
    }

    // Query strings and hidden fields carry a date as one ISO 8601 value rather than three fields.
    private static Task BindSingleValue(ModelBindingContext bindingContext)
    {
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
        var value = result.FirstValue?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }

            return Task.CompletedTask;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            bindingContext.Result = ModelBindingResult.Success(date);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, $"{DisplayName(bindingContext.ModelMetadata)} must be a real date");
            bindingContext.Result = ModelBindingResult.Failed();
        }

        return Task.CompletedTask;
    }

    private static Task Fail(ModelBindingContext bindingContext, string message, bool dayInvalid, bool monthInvalid, bool yearInvalid)
    {
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, message);
        MarkParts(bindingContext.ModelState, bindingContext.ModelName, dayInvalid, monthInvalid, yearInvalid);
        bindingContext.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }

    // The part entries hold the raw input for redisplay; validation never visits them, so they are marked here.
    private static void MarkParts(ModelStateDictionary modelState, string name, bool dayInvalid, bool monthInvalid, bool yearInvalid)
    {
        Mark(modelState, DateInputNames.Day(name), dayInvalid);
        Mark(modelState, DateInputNames.Month(name), monthInvalid);
        Mark(modelState, DateInputNames.Year(name), yearInvalid);

        static void Mark(ModelStateDictionary modelState, string key, bool invalid)
        {
            if (modelState.TryGetValue(key, out var entry))
            {
                entry.ValidationState = invalid ? ModelValidationState.Invalid : ModelValidationState.Skipped;
            }
        }
    }

    private static bool TryParseMonth(string month, out int number)
    {
        if (int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out number))
        {
            return number is >= 1 and <= 12;
        }

        // GOV.UK asks services to accept month names and abbreviations ("Feb", "february").
        var names = UkCulture.DateTimeFormat.MonthNames;
        var abbreviations = UkCulture.DateTimeFormat.AbbreviatedMonthNames;
        for (var i = 0; i < 12; i++)
        {
            if (string.Equals(month, names[i], StringComparison.OrdinalIgnoreCase)
                || string.Equals(month, abbreviations[i], StringComparison.OrdinalIgnoreCase)
                || (month.Length >= 3 && names[i].StartsWith(month, StringComparison.OrdinalIgnoreCase)))
            {
                number = i + 1;
                return true;
            }
        }

        number = 0;
        return false;
    }

    internal static string DisplayName(ModelMetadata metadata) =>
        metadata.DisplayName ?? DateInputNames.Humanise(metadata.PropertyName ?? metadata.ParameterName) ?? "Date";
}

public sealed class DateInputModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.UnderlyingOrModelType == typeof(DateOnly) ? new DateInputModelBinder() : null;
    }
}
