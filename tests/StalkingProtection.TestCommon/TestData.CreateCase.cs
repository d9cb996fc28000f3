using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.People;

namespace StalkingProtection.TestCommon;

public sealed record CreatedCase(Guid CaseId, Guid RespondentId, Guid VictimId, IReadOnlyList<Guid> ProtectedPersonIds, Guid ActId, Guid RiskAssessmentId,
    DateOnly ReportedOn);

public sealed class CaseBuilder
{
    internal DateOnly ReportedOn { get; private set; } = new(2026, 1, 5);

    internal DateOnly? RespondentDateOfBirth { get; private set; } = new(1985, 6, 15);

    internal PoliceForce? RespondentPoliceArea { get; private set; } = PoliceForce.WestYorkshire;

    internal DateOnly? SoaPart2Since { get; private set; }

    internal bool ProxyProtectedPerson { get; private set; }

    internal string Team { get; private set; } = "Stalking Team";

    public CaseBuilder Reported(DateOnly on)
    {
        ReportedOn = on;
        return this;
    }

    public CaseBuilder RespondentBornOn(DateOnly? dateOfBirth)
    {
        RespondentDateOfBirth = dateOfBirth;
        return this;
    }

    /// <summary>The respondent's home address police area; null for no home address in England and Wales.</summary>
    public CaseBuilder RespondentLivesIn(PoliceForce? area)
    {
        RespondentPoliceArea = area;
        return this;
    }

    public CaseBuilder RespondentSubjectToSoaPart2(DateOnly since)
    {
        SoaPart2Since = since;
        return this;
    }

    /// <summary>R4: adds a protected person who is the victim of no act (stalking by proxy).</summary>
    public CaseBuilder WithProxyProtectedPerson()
    {
        ProxyProtectedPerson = true;
        return this;
    }

    public CaseBuilder InTeam(string team)
    {
        Team = team;
        return this;
    }
}

public sealed partial class TestData
{
    public async Task<CreatedCase> CreateCaseAsync(Action<CaseBuilder>? configure = null)
    {
        var b = new CaseBuilder();
        configure?.Invoke(b);
        return await WithServicesAsync(b.ReportedOn, async s =>
        {
            var caseId = (await s.Cases.OpenCaseAsync(new OpenCaseOptions([RandomCrimeReference()], OffencesConsidered.StalkingPha2A, b.ReportedOn,
                Officer.Name, b.Team), Officer)).RecordId;
            var respondentId = (await s.Cases.AddRespondentAsync(new AddRespondentOptions(caseId,
                new PersonDetails(RandomGivenName(), RandomFamilyName(), b.RespondentDateOfBirth, Gender.Male, $"26/{Random.Shared.Next(100000, 999999)}A"),
                b.RespondentPoliceArea is null ? null : $"{Random.Shared.Next(1, 200)} High Street", b.RespondentPoliceArea, b.ReportedOn.AddYears(-1)), Officer)).RecordId;
            if (b.SoaPart2Since is { } since)
            {
                var respondent = s.Context.Respondents.Single(r => r.Id == respondentId);
                respondent.StartSoaPart2(since, s.Clock.GetUtcNow());
                await s.Context.SaveChangesAsync();
            }

            var victimId = (await s.Cases.AddVictimAsync(new AddVictimOptions(caseId,
                new PersonDetails(RandomGivenName(), RandomFamilyName(), new DateOnly(1990, 3, 1), Gender.Female), VictimRole.Both,
                RelationshipToRespondent.ExIntimate), Officer)).RecordId;
            var protectedPersons = new List<Guid> { victimId };
            if (b.ProxyProtectedPerson)
            {
                protectedPersons.Add((await s.Cases.AddVictimAsync(new AddVictimOptions(caseId,
                    new PersonDetails(RandomGivenName(), RandomFamilyName(), null), VictimRole.ProtectedPerson, RelationshipToRespondent.Family), Officer)).RecordId);
            }

            var actId = (await s.Cases.RecordActAsync(new RecordActOptions(caseId, s.Clock.GetUtcNow().AddDays(-10), null, "United Kingdom", "Outside the victim's home",
                ActCategory.Loitering | ActCategory.WatchingOrSpying, null, ActChannel.InPerson, victimId, "Waited outside the victim's home for hours."), Officer)).RecordId;
            var riskId = (await s.Cases.RecordRiskAssessmentAsync(new RecordRiskAssessmentOptions(caseId, RiskTool.SDash, "2009", "YYNYYNNYNNY", RiskLevel.High,
                Officer.Name, b.ReportedOn.AddDays(28), null), Officer)).RecordId;
            return new CreatedCase(caseId, respondentId, victimId, protectedPersons, actId, riskId, b.ReportedOn);
        });
    }
}
