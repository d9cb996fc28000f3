using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Pages.Public.Report;

namespace StalkingProtection.Web.Pages.Public.ReportBreach;

public sealed record BreachAnswerRow(string Question, string Answer, BreachReportStep Step, string ChangeText);

public class CheckAnswersModel(ReportedBreachService breaches, ReportCookie cookie) : BreachReportPageModel(breaches, cookie)
{
    public IReadOnlyList<BreachAnswerRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } redirect)
        {
            return redirect;
        }

        if (Answers.FirstUnanswered() is { } step)
        {
            return Redirect(BreachSteps.Url(step));
        }

        BackUrl = BreachSteps.Previous(BreachReportStep.ContactDetails + 1, Answers);
        Rows = Summarise(Answers);
        return Page();
    }

    public static IReadOnlyList<BreachAnswerRow> Summarise(ReportedBreachAnswers a)
    {
        var when = Display.Date(a.HappenedOn!.Value)
            + (a.HappenedAtTime is { } t ? ", " + t.ToString("h:mmtt", CultureInfo.InvariantCulture).ToLowerInvariant() : "");
        var rows = new List<BreachAnswerRow>
        {
            new("Order reference", a.OrderReference!, BreachReportStep.OrderReference, "the order reference"),
            new("Reporting for", ReportText.Describe(a.ReportingFor!.Value), BreachReportStep.ReportingFor, "who you are reporting for"),
            new("What happened", a.WhatHappened!, BreachReportStep.WhatHappened, "what happened"),
            new("When it happened", when, BreachReportStep.WhenItHappened, "when it happened"),
            new("Where it happened", a.Location!, BreachReportStep.WhereItHappened, "where it happened"),
            new("Evidence", a.Evidence ?? "None given", BreachReportStep.Evidence, "the evidence"),
            new("Safe ways to contact you", ReportText.Describe(a.ContactMethods!.Value), BreachReportStep.SafeContact, "how we can contact you"),
        };
        if (a.WantsContact)
        {
            rows.Add(new("Your name", a.ContactName ?? "Not given", BreachReportStep.ContactDetails, "your name"));
            if (a.NeedsPhone)
            {
                rows.Add(new("Safe phone number", a.PhoneNumber!, BreachReportStep.ContactDetails, "your phone number"));
            }

            if (a.NeedsEmail)
            {
                rows.Add(new("Safe email address", a.Email!, BreachReportStep.ContactDetails, "your email address"));
            }

            rows.Add(new("Safe times to contact you", a.SafeTimes!, BreachReportStep.ContactDetails, "when it is safe to contact you"));
            if (a.CanCall)
            {
                rows.Add(new("Voicemail", a.VoicemailAllowed == true ? "Yes, you can leave a voicemail" : "No voicemail", BreachReportStep.ContactDetails,
                    "whether we can leave a voicemail"));
            }
        }

        return rows;
    }
}
