using StalkingProtection.Core.Applications;

namespace StalkingProtection.TestCommon;

public sealed record CreatedApplication(CreatedCase Case, Guid ApplicationId, Guid? MainApplicationId, PoliceForce ApplicantForce);

public sealed class ApplicationBuilder
{
    internal ApplicationType Type { get; private set; } = ApplicationType.Full;

    internal PoliceForce Force { get; private set; } = PoliceForce.WestYorkshire;

    internal DateOnly? LodgedOn { get; private set; }

    internal bool Submit { get; private set; } = true;

    internal CreatedCase? ExistingCase { get; private set; }

    internal Action<CaseBuilder>? ConfigureCase { get; private set; }

    public ApplicationBuilder Interim()
    {
        Type = ApplicationType.Interim;
        return this;
    }

    public ApplicationBuilder By(PoliceForce force)
    {
        Force = force;
        return this;
    }

    public ApplicationBuilder Lodged(DateOnly on)
    {
        LodgedOn = on;
        return this;
    }

    public ApplicationBuilder Draft()
    {
        Submit = false;
        return this;
    }

    public ApplicationBuilder ForCase(CreatedCase existing)
    {
        ExistingCase = existing;
        return this;
    }

    public ApplicationBuilder WithCase(Action<CaseBuilder> configure)
    {
        ConfigureCase = configure;
        return this;
    }
}

public sealed partial class TestData
{
    /// <summary>An application for a full order (or an interim one with its main application), authorised and submitted.</summary>
    public async Task<CreatedApplication> CreateApplicationAsync(Action<ApplicationBuilder>? configure = null)
    {
        var b = new ApplicationBuilder();
        configure?.Invoke(b);
        var created = b.ExistingCase ?? await CreateCaseAsync(c =>
        {
            if (b.LodgedOn is { } lodged)
            {
                c.Reported(lodged.AddDays(-7));
            }

            b.ConfigureCase?.Invoke(c);
        });
        var lodgedOn = b.LodgedOn ?? created.ReportedOn.AddDays(7);
        var main = await CreateOneAsync(created, ApplicationType.Full, b.Force, null, lodgedOn, b.Submit || b.Type == ApplicationType.Interim);
        if (b.Type == ApplicationType.Full)
        {
            return new CreatedApplication(created, main, null, b.Force);
        }

        var interim = await CreateOneAsync(created, ApplicationType.Interim, b.Force, main, lodgedOn, b.Submit);
        return new CreatedApplication(created, interim, main, b.Force);
    }

    private Task<Guid> CreateOneAsync(CreatedCase created, ApplicationType type, PoliceForce force, Guid? mainId, DateOnly lodgedOn, bool submit) =>
        WithServicesAsync(lodgedOn, async s =>
        {
            var venue = await IsYouthAsync(s, created.RespondentId, lodgedOn) ? CourtVenue.YouthCourt : CourtVenue.MagistratesCourt;
            var id = (await s.Applications.CreateAsync(new CreateApplicationOptions(created.CaseId, type, force, venue,
                venue == CourtVenue.YouthCourt ? "Leeds Youth Court" : "Leeds Magistrates' Court", mainId,
                PoliceForces.IsTerritorial(force) ? JurisdictionBasis.ResidesInArea : null,
                PoliceForces.IsTerritorial(force) ? "Lives at his home address in the force area" : null,
                created.ProtectedPersonIds,
                [
                    new EvidenceLink(Limb.ActsAssociatedWithStalking, EvidenceKind.Act, created.ActId, "Loitering outside the victim's home"),
                    new EvidenceLink(Limb.RiskAssociatedWithStalking, EvidenceKind.RiskAssessment, created.RiskAssessmentId, "S-DASH high risk"),
                    new EvidenceLink(Limb.NecessaryToProtect, EvidenceKind.NecessityRationale, null, "Escalating behaviour; no other order protects her"),
                ]), Officer)).ApplicationId;
            if (submit)
            {
                await s.Applications.AuthoriseAsync(new AuthoriseApplicationOptions(id), Coordinator);
                await s.Applications.SubmitAsync(new SubmitApplicationOptions(id), Officer);
            }

            return id;
        });

    private static Task<bool> IsYouthAsync(Services s, Guid respondentId, DateOnly on)
    {
        var respondent = s.Context.Respondents.Single(r => r.Id == respondentId);
        return Task.FromResult(respondent.IsYouthOn(on));
    }
}
