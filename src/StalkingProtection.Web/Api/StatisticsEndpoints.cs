using System.Globalization;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Statistics;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Api;

/// <summary>The statistics page's figures for a records system or a performance team: counts only, never a name.</summary>
public static class StatisticsEndpoints
{
    public static RouteGroupBuilder MapStatistics(this RouteGroupBuilder api)
    {
        api.MapGet("/statistics", async (string? from, string? to, HttpContext http, StatisticsService statistics, TimeProvider time) =>
            {
                var errors = new List<ApiProblems.FieldError>();
                var start = Day("from", from, errors);
                var end = Day("to", to, errors);
                if (errors.Count > 0)
                {
                    return ApiProblems.Invalid(errors);
                }

                try
                {
                    return Results.Ok(await statistics.GetAsync(new StatisticsPeriod(start, end), time.UkToday, http.User.ToActor(), "api", http.RequestAborted));
                }
                catch (RuleViolationException e)
                {
                    return ApiProblems.Invalid([.. e.Violations.Select(v => new ApiProblems.FieldError(v.Field, v.Message, v.RuleId, v.LegalSource))]);
                }
            })
            .Read<StatisticsReturn>("GetStatistics",
                "The statistics for a period (?from=YYYY-MM-DD&to=YYYY-MM-DD, both days included, ending today or earlier): applications by kind and "
                + "outcome, orders made, orders in force on the last day, variations, renewals and discharges, breaches and notification offences by "
                + "outcome, median days between steps, and the period month by month and team by team. The same figures as the statistics page.");

        return api;
    }

    private static DateOnly Day(string field, string? value, List<ApiProblems.FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new ApiProblems.FieldError(field, $"Enter {field} as YYYY-MM-DD."));
            return default;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || day < ApiValidator.EarliestDate || day > ApiValidator.LatestDate)
        {
            errors.Add(new ApiProblems.FieldError(field, $"Enter a real date as YYYY-MM-DD between {ApiValidator.EarliestDate:yyyy-MM-dd} and {ApiValidator.LatestDate:yyyy-MM-dd}."));
        }

        return day;
    }
}
