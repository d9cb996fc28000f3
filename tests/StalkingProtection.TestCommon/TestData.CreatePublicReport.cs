using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.TestCommon;

public sealed partial class TestData
{
    /// <summary>
    /// Complete answers of someone reporting for themselves who may be phoned; a test that switches to reporting for someone
    /// else finds that person's name and a safe route to them already answered.
    /// </summary>
    public static void CompleteReportAnswers(ReportAnswers a)
    {
        ArgumentNullException.ThrowIfNull(a);
        a.InImmediateDanger = false;
        a.ReportingFor = ReportingFor.Myself;
        a.PersonName = "Sam Example";
        a.PersonKnowsAboutReport = true;
        a.PersonContactRoute = PersonContactRoute.ThroughReporter;
        a.Behaviours = StalkingBehaviours.Following | StalkingBehaviours.Loitering;
        a.StartedWhen = "In March";
        a.HowOften = HowOften.AboutOnceAWeek;
        a.SuspectKnown = true;
        a.SuspectName = "Chris Example";
        a.SuspectDetails = "An ex-partner";
        a.Effect = "I have stopped going to the gym.";
        a.ContactMethods = SafeContactMethods.Phone;
        a.ContactName = "Jo";
        a.PhoneNumber = "07700 900456";
        a.SafeTimes = "Afternoons";
        a.VoicemailAllowed = true;
    }

    /// <summary>Sends a report through the public journey's service, as a member of the public would, at <paramref name="sentAt"/>.</summary>
    public async Task<(Guid Id, string Reference)> CreatePublicReportAsync(IDataProtectionProvider dataProtection, Action<ReportAnswers>? change = null,
        DateTimeOffset? sentAt = null)
    {
        TimeProvider clock = sentAt is { } at ? new FakeTimeProvider(at) : ClockAt(new DateOnly(2026, 11, 27));
        await using var context = database.CreateContext();
        var service = new PublicReportService(context, dataProtection, new AuditLog(context, clock), clock);
        var draftId = await service.StartDraftAsync();
        await service.UpdateAnswersAsync(draftId, a =>
        {
            CompleteReportAnswers(a);
            change?.Invoke(a);
        });
        var result = await service.SubmitAsync(draftId);
        var id = context.PublicReports.Single(r => r.Reference == result.Reference).Id;
        return (id, result.Reference!);
    }
}
