using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Web.Pages.Public.Report;

/// <summary>The order of the questions and where each one lives.</summary>
public static class ReportSteps
{
    public const string StartUrl = "/report";
    public const string CheckAnswersUrl = "/report/check-answers";
    public const string ConfirmationUrl = "/report/confirmation";
    public const string SessionEndedUrl = "/report/session-ended";
    public const string EmergencyUrl = "/report/emergency";

    public static string Url(ReportStep step) => step switch
    {
        ReportStep.ReportingFor => "/report/reporting-for",
        ReportStep.ImmediateDanger => "/report/immediate-danger",
        ReportStep.ThePerson => "/report/the-person",
        ReportStep.WhatHappened => "/report/what-happened",
        ReportStep.WhenStarted => "/report/when-started",
        ReportStep.HowOften => "/report/how-often",
        ReportStep.WhoIsDoingIt => "/report/who-is-doing-it",
        ReportStep.AboutThem => "/report/about-them",
        ReportStep.Effect => "/report/effect",
        ReportStep.SafeContact => "/report/safe-contact",
        ReportStep.ContactDetails => "/report/contact-details",
        ReportStep.SafeTimes => "/report/safe-times",
        ReportStep.Voicemail => "/report/voicemail",
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    public static bool Applies(ReportStep step, ReportAnswers answers) => step switch
    {
        ReportStep.ThePerson => answers.ForSomeoneElse,
        ReportStep.AboutThem => answers.SuspectKnown == true,
        ReportStep.ContactDetails or ReportStep.SafeTimes => answers.WantsContact,
        ReportStep.Voicemail => answers.CanCall,
        _ => true,
    };

    /// <summary>The first question still to answer; once all are answered (also after a change), check answers.</summary>
    public static string Next(ReportAnswers answers) => answers.FirstUnanswered() is { } step ? Url(step) : CheckAnswersUrl;

    public static string Previous(ReportStep step, ReportAnswers answers)
    {
        var earlier = Enum.GetValues<ReportStep>().Where(s => s < step && Applies(s, answers)).ToList();
        return earlier.Count == 0 ? StartUrl : Url(earlier[^1]);
    }
}

/// <summary>
/// The essential cookie that links a browser to its draft: the draft id, encrypted, for this browser session only.
/// The answers themselves stay on the server. Sent to the whole site, so that leaving (/leave) can delete the draft.
/// </summary>
public sealed class ReportCookie(IDataProtectionProvider dataProtection, TimeProvider timeProvider)
{
    public const string Name = "sp-report";

    /// <summary>
    /// Kept for a minute after the confirmation is shown, in place of <see cref="Name"/>: a second press of "Send
    /// report" that reaches us after the first one's confirmation (a double click with JavaScript off) shows the same
    /// reference again instead of the start of the journey (RL9). It opens nothing but that answer.
    /// </summary>
    public const string SentName = "sp-report-sent";

    public static readonly TimeSpan SentLifetime = TimeSpan.FromMinutes(1);

    private readonly IDataProtector _protector = dataProtection.CreateProtector("StalkingProtection.ReportCookie.v1");
    private readonly IDataProtector _sentProtector = dataProtection.CreateProtector("StalkingProtection.ReportCookie.Sent.v1");

    public Guid? Read(HttpRequest request) =>
        Unprotect(_protector, request, Name) is { } value && Guid.TryParse(value, out var id) ? id : null;

    public void Write(HttpResponse response, Guid draftId) =>
        response.Cookies.Append(Name, _protector.Protect(draftId.ToString()), Options(response, maxAge: null));

    public void Delete(HttpResponse response) =>
        response.Cookies.Delete(Name, new CookieOptions { Path = "/", Secure = response.HttpContext.Request.IsHttps });

    /// <summary>Ends the journey's cookie and leaves the short-lived one that answers a late second send.</summary>
    public void MarkSent(HttpResponse response, Guid draftId)
    {
        Delete(response);
        var value = $"{draftId}|{timeProvider.GetUtcNow().ToUnixTimeSeconds()}";
        response.Cookies.Append(SentName, _sentProtector.Protect(value), Options(response, SentLifetime));
    }

    /// <summary>The report just sent from this browser, if that was less than <see cref="SentLifetime"/> ago.</summary>
    public Guid? ReadSent(HttpRequest request)
    {
        if (Unprotect(_sentProtector, request, SentName)?.Split('|') is not [var id, var seconds]
            || !Guid.TryParse(id, out var draftId)
            || !long.TryParse(seconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sentAt))
        {
            return null;
        }

        var age = timeProvider.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(sentAt);
        return age >= TimeSpan.Zero && age <= SentLifetime ? draftId : null;
    }

    private static string? Unprotect(IDataProtector protector, HttpRequest request, string name)
    {
        if (!request.Cookies.TryGetValue(name, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return protector.Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private static CookieOptions Options(HttpResponse response, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        IsEssential = true,
        Path = "/",
        SameSite = SameSiteMode.Strict,
        Secure = response.HttpContext.Request.IsHttps,
        MaxAge = maxAge,
    };
}

/// <summary>A question page of a public journey, as the journey layout needs it: where the back link goes and where a timed-out visitor is sent.</summary>
public interface IPublicJourneyPage
{
    string BackUrl { get; }

    string SessionEndedUrl { get; }
}

/// <summary>A page of the report journey: loads the draft, saves an answer and goes on to the next question.</summary>
public abstract class ReportPageModel(PublicReportService reports, ReportCookie cookie) : PageModel, IPublicJourneyPage
{
    public string SessionEndedUrl => ReportSteps.SessionEndedUrl;

    protected PublicReportService Reports => reports;

    protected ReportCookie Cookie => cookie;

    public ReportAnswers Answers { get; private set; } = new();

    /// <summary>Someone else is being stalked: the questions speak of "them", not "you".</summary>
    public bool ForSomeoneElse => Answers.ForSomeoneElse;

    /// <summary>Where the back link goes.</summary>
    public string BackUrl { get; protected set; } = ReportSteps.StartUrl;

    /// <summary>The question this page asks, if it is one.</summary>
    protected virtual ReportStep? Step => null;

    /// <summary>Loads the draft, or answers with where to go instead (start, session ended, confirmation).</summary>
    protected async Task<IActionResult?> LoadDraftAsync(CancellationToken ct)
    {
        if (cookie.Read(Request) is not { } draftId)
        {
            return Redirect(ReportSteps.StartUrl);
        }

        var state = await reports.GetDraftAsync(draftId, ct);
        return Handle(state);
    }

    protected async Task<IActionResult> SaveAsync(Action<ReportAnswers> change, CancellationToken ct, Func<ReportAnswers, string>? next = null)
    {
        if (cookie.Read(Request) is not { } draftId)
        {
            return Redirect(ReportSteps.StartUrl);
        }

        var state = await reports.UpdateAnswersAsync(draftId, change, ct);
        return Handle(state) ?? Redirect((next ?? ReportSteps.Next)(state.Answers));
    }

    private RedirectResult? Handle(ReportDraftState state)
    {
        switch (state.Status)
        {
            case DraftStatus.Active:
                Answers = state.Answers;
                if (Step is { } step)
                {
                    BackUrl = ReportSteps.Previous(step, Answers);
                }

                return null;
            case DraftStatus.Submitted:
                return Redirect(ReportSteps.ConfirmationUrl);
            default:
                cookie.Delete(Response);
                return Redirect(ReportSteps.SessionEndedUrl);
        }
    }

    /// <summary>Reads a radio or checkbox value by its enum name only (not by number).</summary>
    protected static bool TryParseName<T>(string? value, out T result)
        where T : struct, Enum => FormFieldExtensions.TryParseName(value, out result);

    /// <summary>Checks a free-text answer: required or not, and no longer than the stored column.</summary>
    protected string? CheckText(string key, string? value, int maxLength, string? emptyMessage, string tooLongMessage) =>
        ModelState.CheckText(key, value, maxLength, emptyMessage, tooLongMessage);
}
