using System.Net;

namespace StalkingProtection.Web.Tests.ApiTests;

/// <summary>Builds a case, applications and orders through the API itself, so every step is a real call.</summary>
public sealed class ApiScenario(ApiSession api)
{
    public const string Force = "WestYorkshire";

    public ApiSession Api => api;

    public Guid CaseId { get; private set; }

    public Guid RespondentId { get; private set; }

    public Guid VictimId { get; private set; }

    public Guid ActId { get; private set; }

    public Guid RiskAssessmentId { get; private set; }

    public static object CaseBody(DateOnly reportedOn, string team = "Leeds Stalking Team") => new
    {
        crimeReferences = new[] { "13/123456/26" },
        offences = new[] { "StalkingPha2A" },
        reportedOn,
        officerInCharge = "DC Priya Shah",
        team,
    };

    public async Task<ApiScenario> WithCaseAsync(DateOnly reportedOn, DateOnly? respondentBornOn = null, string team = "Leeds Stalking Team")
    {
        CaseId = Expect(await api.PostAsync("/api/v1/cases", CaseBody(reportedOn, team))).Id;
        RespondentId = Expect(await api.PostAsync($"/api/v1/cases/{CaseId}/respondent", new
        {
            givenNames = "Mark",
            familyName = "Example",
            dateOfBirth = respondentBornOn ?? new DateOnly(1985, 3, 14),
            gender = "Male",
            homeAddress = "1 Example Street, Leeds LS1 1AA",
            homeAddressPoliceArea = Force,
            livingThereSince = new DateOnly(2020, 6, 1),
        })).Id;
        VictimId = Expect(await api.PostAsync($"/api/v1/cases/{CaseId}/victims", new
        {
            givenNames = "Jane",
            familyName = "Sample",
            dateOfBirth = new DateOnly(1990, 7, 2),
            role = "Both",
            relationship = "ExIntimate",
        })).Id;
        ActId = Expect(await api.PostAsync($"/api/v1/cases/{CaseId}/acts", new
        {
            occurredFrom = new DateTimeOffset(reportedOn.AddDays(-20).ToDateTime(new TimeOnly(21, 0)), TimeSpan.Zero),
            occurredTo = new DateTimeOffset(reportedOn.AddDays(-1).ToDateTime(new TimeOnly(23, 0)), TimeSpan.Zero),
            locationCountry = "United Kingdom",
            location = "Outside the victim's home",
            categories = new[] { "Loitering", "WatchingOrSpying", "Contacting" },
            channel = "InPerson",
            targetVictimId = VictimId,
            description = "Waited outside the victim's home most evenings and sent 140 messages after being asked to stop.",
        })).Id;
        RiskAssessmentId = Expect(await api.PostAsync($"/api/v1/cases/{CaseId}/risk-assessments", new
        {
            tool = "Dash",
            toolVersion = "2009",
            answers = "YYYYNYNNYYUY",
            level = "High",
            assessor = "DC Priya Shah",
            nextReviewOn = reportedOn.AddDays(28),
        })).Id;
        return this;
    }

    public object FullApplicationBody(string venue = "MagistratesCourt") => new
    {
        caseId = CaseId,
        type = "Full",
        applicantForce = Force,
        venue,
        courtName = "Leeds Magistrates' Court",
        jurisdictionBasis = "ResidesInArea",
        jurisdictionNotes = "The respondent lives at his recorded home address in Leeds.",
        protectedPersonIds = new[] { VictimId },
        evidence = new object[]
        {
            new { limb = "ActsAssociatedWithStalking", kind = "Act", referenceId = ActId, description = "Loitering and repeated contact" },
            new { limb = "RiskAssociatedWithStalking", kind = "RiskAssessment", referenceId = RiskAssessmentId, description = "DASH: high risk" },
            new { limb = "NecessaryToProtect", kind = "NecessityRationale", description = "Contact continued after a warning; only an order will stop it." },
        },
    };

    public object InterimApplicationBody(Guid mainApplicationId) => new
    {
        caseId = CaseId,
        type = "Interim",
        applicantForce = Force,
        venue = "MagistratesCourt",
        courtName = "Leeds Magistrates' Court",
        mainApplicationId,
        jurisdictionBasis = "ResidesInArea",
        jurisdictionNotes = "The respondent lives at his recorded home address in Leeds.",
        protectedPersonIds = new[] { VictimId },
        evidence = new object[]
        {
            new { limb = "ActsAssociatedWithStalking", kind = "Act", referenceId = ActId, description = "Loitering and repeated contact" },
            new { limb = "RiskAssociatedWithStalking", kind = "RiskAssessment", referenceId = RiskAssessmentId, description = "DASH: high risk" },
            new { limb = "NecessaryToProtect", kind = "NecessityRationale", description = "Protection is needed until the full hearing." },
        },
    };

    /// <summary>Drafts, authorises and submits an application; returns its id.</summary>
    public async Task<Guid> SubmittedApplicationAsync(object body)
    {
        var draft = Expect(await api.PostAsync("/api/v1/applications", body));
        var authorised = Expect(await api.PostAsync($"/api/v1/applications/{draft.Id}/authorisation", new { authorisedBy = ApiSession.CoordinatorEmail, version = draft.Version }));
        Expect(await api.PostAsync($"/api/v1/applications/{draft.Id}/submission", new { version = authorised.Version }));
        return draft.Id;
    }

    public object Condition(string wording = "Not to contact Jane Sample directly or indirectly, by any means.", string category = "NoContact",
        bool conflictConsidered = true, string duration = "AsOrder", DateOnly? endsOn = null, string scope = "AllUk", string? localityText = null,
        string necessityRationale = "The respondent contacted Jane Sample 140 times after being asked to stop.") => new
        {
            type = "Prohibition",
            category,
            wording,
            scope,
            localityText,
            protectedPersonIds = new[] { VictimId },
            necessityRationale,
            conflictConsidered,
            duration,
            endsOn,
        };

    public object OrderBody(Guid? applicationId, string kind, DateOnly madeOn, string durationType, DateOnly? lastInForceDay, object[] conditions,
        object[]? overrides = null, string origin = "PoliceApplicationMagistrates") => new
        {
            caseId = CaseId,
            applicationId,
            kind,
            origin,
            courtName = "Leeds Magistrates' Court",
            courtPoliceArea = Force,
            madeOn,
            durationType,
            lastInForceDay,
            conditions,
            overrides,
        };

    /// <summary>A submitted full application and a full order made on it for a fixed 2 years.</summary>
    public async Task<(Guid ApplicationId, ApiAnswer Order)> FullOrderAsync(DateOnly madeOn)
    {
        var applicationId = await SubmittedApplicationAsync(FullApplicationBody());
        var order = Expect(await api.PostAsync("/api/v1/orders",
            OrderBody(applicationId, "Full", madeOn, "FixedPeriod", madeOn.AddYears(2).AddDays(-1), [Condition()])));
        return (applicationId, order);
    }

    public static ApiAnswer Expect(ApiAnswer answer)
    {
        Assert.True(answer.Status is HttpStatusCode.OK or HttpStatusCode.Created, $"{(int)answer.Status}: {answer.Body}");
        return answer;
    }
}
