using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Web.Pages.Public.Report;

public sealed record AnswerRow(string Question, IReadOnlyList<string> Answer, ReportStep Step, string ChangeText);

public class CheckAnswersModel(PublicReportService reports, ReportCookie cookie) : ReportPageModel(reports, cookie)
{
    public IReadOnlyList<AnswerRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } redirect)
        {
            return redirect;
        }

        if (Answers.FirstUnanswered() is { } step)
        {
            return Redirect(ReportSteps.Url(step));
        }

        BackUrl = ReportSteps.Previous(ReportStep.Voicemail + 1, Answers);
        Rows = Summarise(Answers);
        return Page();
    }

    public static IReadOnlyList<AnswerRow> Summarise(ReportAnswers a)
    {
        var rows = new List<AnswerRow>
        {
            new("Reporting for", [ReportText.Describe(a.ReportingFor!.Value)], ReportStep.ReportingFor, "who you are reporting for"),
            new("In immediate danger", [a.InImmediateDanger == true ? "Yes" : "No"], ReportStep.ImmediateDanger, "whether anyone is in immediate danger"),
        };
        if (a.ForSomeoneElse)
        {
            rows.AddRange(
            [
                new("Their name", [a.PersonName!], ReportStep.ThePerson, "their name"),
                new("Do they know about this report", [a.PersonKnowsAboutReport == true ? "Yes" : "No"], ReportStep.ThePerson, "whether they know about this report"),
                new("Contacting them", a.PersonContactRoute == PersonContactRoute.Directly
                    ? [ReportText.Describe(a.PersonContactRoute.Value), a.PersonContactDetails!]
                    : [ReportText.Describe(a.PersonContactRoute!.Value)], ReportStep.ThePerson, "how we can contact them"),
            ]);
        }

        rows.AddRange(
        [
            new("What has been happening",
                ReportText.Behaviours.Where(b => a.Behaviours.HasFlag(b.Value))
                    .Select(b => b.Value == StalkingBehaviours.SomethingElse ? $"Something else: {a.OtherBehaviour}" : ReportText.ForPerson(b.Text, a.ForSomeoneElse)).ToList(),
                ReportStep.WhatHappened, "what has been happening"),
            new("When it started", [a.StartedWhen!], ReportStep.WhenStarted, "when it started"),
            new("How often", [ReportText.Describe(a.HowOften!.Value)], ReportStep.HowOften, "how often it happens"),
            new("Do you know who is doing it", [a.SuspectKnown == true ? "Yes" : "No"], ReportStep.WhoIsDoingIt, "whether you know who is doing it"),
        ]);
        if (a.SuspectKnown == true)
        {
            rows.Add(new("About them", new[] { a.SuspectName, a.SuspectDetails }.OfType<string>().ToList(), ReportStep.AboutThem, "what you told us about them"));
        }

        rows.AddRange(
        [
            new(a.ForSomeoneElse ? "How it affects them" : "How it affects you", [a.Effect!], ReportStep.Effect, a.ForSomeoneElse ? "how it affects them" : "how it affects you"),
            new("Safe ways to contact you", [ReportText.Describe(a.ContactMethods!.Value)], ReportStep.SafeContact, "how we can contact you"),
        ]);
        if (a.WantsContact)
        {
            rows.Add(new("Your name", [a.ContactName ?? "Not given"], ReportStep.ContactDetails, "your name"));
            if (a.NeedsPhone)
            {
                rows.Add(new("Safe phone number", [a.PhoneNumber!], ReportStep.ContactDetails, "your phone number"));
            }

            if (a.NeedsEmail)
            {
                rows.Add(new("Safe email address", [a.Email!], ReportStep.ContactDetails, "your email address"));
            }

            rows.Add(new("Safe times to contact you", [a.SafeTimes!], ReportStep.SafeTimes, "when it is safe to contact you"));
        }

        if (a.CanCall)
        {
            rows.Add(new("Voicemail", [a.VoicemailAllowed == true ? "Yes, you can leave a voicemail" : "No voicemail"], ReportStep.Voicemail, "whether we can leave a voicemail"));
        }

        return rows;
    }
}
