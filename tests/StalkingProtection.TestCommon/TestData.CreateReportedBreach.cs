using Microsoft.AspNetCore.DataProtection;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.TestCommon;

public sealed partial class TestData
{
    /// <summary>Complete answers of a victim reporting a breach for themselves who may be phoned.</summary>
    public static void CompleteBreachAnswers(ReportedBreachAnswers a, string orderReference, DateOnly happenedOn)
    {
        ArgumentNullException.ThrowIfNull(a);
        a.OrderReference = orderReference;
        a.ReportingFor = ReportingFor.Myself;
        a.WhatHappened = "He waited outside my work again.";
        a.HappenedOn = happenedOn;
        a.HappenedAtTime = new TimeOnly(17, 30);
        a.Location = "Outside the library on Moss Lane";
        a.Evidence = "My colleague saw him";
        a.EvidenceAnswered = true;
        a.ContactMethods = SafeContactMethods.Phone;
        a.ContactName = "Jo";
        a.PhoneNumber = "07700 900456";
        a.SafeTimes = "Afternoons";
        a.VoicemailAllowed = false;
    }

    /// <summary>Sends a breach report through the public journey's service, as a victim would, on <paramref name="day"/>.</summary>
    public async Task<(Guid Id, string Reference)> CreateReportedBreachAsync(IDataProtectionProvider dataProtection, string orderReference, DateOnly day,
        Action<ReportedBreachAnswers>? change = null)
    {
        await using var context = database.CreateContext();
        var service = new Services(context, ClockAt(day)).ReportedBreaches(dataProtection);
        var draftId = await service.StartDraftAsync();
        await service.UpdateAnswersAsync(draftId, a =>
        {
            CompleteBreachAnswers(a, orderReference, day);
            change?.Invoke(a);
        });
        var result = await service.SubmitAsync(draftId);
        var id = context.ReportedBreaches.Single(r => r.Reference == result.Reference).Id;
        return (id, result.Reference!);
    }

    /// <summary>An officer decides on a reported breach on <paramref name="day"/>: no breach, with reasons.</summary>
    public async Task DecideNoBreachAsync(IDataProtectionProvider dataProtection, Guid reportedBreachId, DateOnly day)
    {
        await using var context = database.CreateContext();
        await new Services(context, ClockAt(day)).ReportedBreaches(dataProtection)
            .DecideAsync(new DecideReportedBreachOptions(reportedBreachId, ReportedBreachDecision.NoBreach, "The respondent was at work, as CCTV shows."), Officer);
    }
}
