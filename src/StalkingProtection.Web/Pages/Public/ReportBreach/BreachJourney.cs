using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Reports;
using StalkingProtection.Web.Pages.Public.Report;

namespace StalkingProtection.Web.Pages.Public.ReportBreach;

/// <summary>The order of the questions of the breach report and where each one lives.</summary>
public static class BreachSteps
{
    public const string StartUrl = "/report-breach";
    public const string CheckAnswersUrl = "/report-breach/check-answers";
    public const string ConfirmationUrl = "/report-breach/confirmation";
    public const string SessionEndedUrl = "/report-breach/session-ended";

    /// <summary>
    /// The full address of the breach report for a victim to type: on the public site when its address or host name is set, otherwise on
    /// the host the request came in on.
    /// </summary>
    public static string PublicStartUrl(HttpRequest request, Infrastructure.WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var site = !string.IsNullOrWhiteSpace(options.PublicSiteUrl) ? options.PublicSiteUrl.Trim().TrimEnd('/')
            : !string.IsNullOrWhiteSpace(options.PublicHostName) ? $"https://{options.PublicHostName}"
            : $"{request.Scheme}://{request.Host}";
        return site + StartUrl;
    }

    public static string Url(BreachReportStep step) => step switch
    {
        BreachReportStep.OrderReference => "/report-breach/order-reference",
        BreachReportStep.ReportingFor => "/report-breach/reporting-for",
        BreachReportStep.WhatHappened => "/report-breach/what-happened",
        BreachReportStep.WhenItHappened => "/report-breach/when-it-happened",
        BreachReportStep.WhereItHappened => "/report-breach/where-it-happened",
        BreachReportStep.Evidence => "/report-breach/evidence",
        BreachReportStep.SafeContact => "/report-breach/safe-contact",
        BreachReportStep.ContactDetails => "/report-breach/contact-details",
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    public static bool Applies(BreachReportStep step, ReportedBreachAnswers answers) =>
        step != BreachReportStep.ContactDetails || answers.WantsContact;

    /// <summary>The first question still to answer; once all are answered (also after a change), check answers.</summary>
    public static string Next(ReportedBreachAnswers answers) => answers.FirstUnanswered() is { } step ? Url(step) : CheckAnswersUrl;

    public static string Previous(BreachReportStep step, ReportedBreachAnswers answers)
    {
        var earlier = Enum.GetValues<BreachReportStep>().Where(s => s < step && Applies(s, answers)).ToList();
        return earlier.Count == 0 ? StartUrl : Url(earlier[^1]);
    }
}

/// <summary>
/// A page of the breach report: the draft is found through the report journey's cookie and kept as its drafts are, so quick
/// exit, expiry and the session-ended page work the same way.
/// </summary>
public abstract partial class BreachReportPageModel(ReportedBreachService breaches, ReportCookie cookie) : PageModel, IPublicJourneyPage
{
    protected ReportedBreachService Breaches => breaches;

    public ReportedBreachAnswers Answers { get; private set; } = new();

    public bool ForSomeoneElse => Answers.ForSomeoneElse;

    public string BackUrl { get; protected set; } = BreachSteps.StartUrl;

    public string SessionEndedUrl => BreachSteps.SessionEndedUrl;

    protected virtual BreachReportStep? Step => null;

    protected async Task<IActionResult?> LoadDraftAsync(CancellationToken ct)
    {
        if (cookie.Read(Request) is not { } draftId)
        {
            return Redirect(BreachSteps.StartUrl);
        }

        return Handle(await breaches.GetDraftAsync(draftId, ct));
    }

    /// <summary>Shows the page again with its errors, unless the draft has gone.</summary>
    protected async Task<IActionResult> ShowErrorsAsync(CancellationToken ct) => await LoadDraftAsync(ct) ?? Page();

    protected async Task<IActionResult> SaveAsync(Action<ReportedBreachAnswers> change, CancellationToken ct)
    {
        if (cookie.Read(Request) is not { } draftId)
        {
            return Redirect(BreachSteps.StartUrl);
        }

        var state = await breaches.UpdateAnswersAsync(draftId, change, ct);
        return Handle(state) ?? Redirect(BreachSteps.Next(state.Answers));
    }

    private RedirectResult? Handle(BreachDraftState state)
    {
        switch (state.Status)
        {
            case DraftStatus.Active:
                Answers = state.Answers;
                if (Step is { } step)
                {
                    BackUrl = BreachSteps.Previous(step, Answers);
                }

                return null;
            case DraftStatus.Submitted:
                return Redirect(BreachSteps.ConfirmationUrl);
            default:
                cookie.Delete(Response);
                return Redirect(BreachSteps.SessionEndedUrl);
        }
    }

    /// <summary>A time of day as people write it: 14:30, 2:30pm, 2pm, 9.15am; null when it is not one.</summary>
    public static TimeOnly? ParseTime(string text)
    {
        var match = TimePattern().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var half = match.Groups["ampm"].Value.ToLowerInvariant();
        if (minute > 59 || (half.Length == 0 ? hour > 23 : hour is < 1 or > 12))
        {
            return null;
        }

        if (half == "pm" && hour != 12)
        {
            hour += 12;
        }
        else if (half == "am" && hour == 12)
        {
            hour = 0;
        }

        return new TimeOnly(hour, minute);
    }

    [GeneratedRegex(@"^(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?\s*(?<ampm>am|pm)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex TimePattern();
}
