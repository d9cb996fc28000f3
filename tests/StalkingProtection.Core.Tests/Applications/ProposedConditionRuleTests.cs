using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Applications;

public class ProposedConditionRuleTests
{
    private static readonly DateOnly _today = new(2026, 1, 5);
    private static readonly DateTimeOffset _now = TestData.NoonOn(_today);

    private const string Polygon = """{"type":"Polygon","coordinates":[[[-1.55,53.80],[-1.54,53.80],[-1.54,53.81],[-1.55,53.80]]]}""";

    private static (Application Application, Guid VictimId) NewDraft(ApplicationType type = ApplicationType.Full)
    {
        var respondent = TestData.NewRespondent();
        var victim = TestData.NewVictim(Guid.NewGuid());
        var application = type == ApplicationType.Full
            ? TestData.NewCompleteApplication(respondent, victim)
            : TestData.NewCompleteApplication(respondent, victim, type: ApplicationType.Interim, main: TestData.NewCompleteApplication(respondent, victim));
        return (application, victim.Id);
    }

    private static ProposedConditionDetails NoContact(Guid victimId) =>
        new(TestData.NoContact([victimId]) with { Wording = "" }, "no-contact", new Dictionary<string, string> { ["person"] = "Jane Smith" });

    private static RuleViolationException ProposeExpectingFailure(Application application, ProposedConditionDetails details, Override? @override = null) =>
        Assert.IsType<RuleViolationException>(Record.Exception(() => application.ProposeCondition(details, _today, @override, _now, out _)));

    [Fact]
    public void ProposeCondition_FromTheLibrary_TakesItsTypeCategoryAndWording()
    {
        // Arrange
        var (application, victimId) = NewDraft();

        // Act
        var proposed = application.ProposeCondition(NoContact(victimId), _today, null, _now, out var overridden);

        // Assert
        Assert.Empty(overridden);
        Assert.Equal(1, proposed.Sequence);
        Assert.Equal("no-contact", proposed.TemplateKey);
        Assert.Equal("Jane Smith", proposed.Parameters["person"]);
        Assert.Equal(ConditionType.Prohibition, proposed.Type);
        Assert.Equal(ConditionCategory.NoContact, proposed.Category);
        Assert.Equal("Not to contact Jane Smith directly or indirectly by any means, including through social media or a third party.", proposed.Wording);
        Assert.Equal([victimId], proposed.ProtectedPersonIds);
        Assert.Same(proposed, Assert.Single(application.ProposedConditions));
    }

    [Fact]
    public void R8_ProposedConditionWithoutRationaleOrPerson_IsRejected()
    {
        // Arrange
        var (application, victimId) = NewDraft();
        var details = NoContact(victimId);

        // Act
        var ex = ProposeExpectingFailure(application, details with { Draft = details.Draft with { NecessityRationale = "", ProtectedPersonIds = [] } });

        // Assert
        Assert.Contains(ex.Violations, v => v.RuleId == "R8" && v.Field == "necessityRationale");
        Assert.Contains(ex.Violations, v => v.RuleId == "R8" && v.Field == "protectedPersonIds");
        Assert.Empty(application.ProposedConditions);
    }

    [Fact]
    public void R8_ProposedConditionProtectingSomeoneNotNamedInTheApplication_IsRejected()
    {
        // Arrange
        var (application, victimId) = NewDraft();
        var details = NoContact(victimId);

        // Act
        var ex = ProposeExpectingFailure(application, details with { Draft = details.Draft with { ProtectedPersonIds = [victimId, Guid.NewGuid()] } });

        // Assert
        var violation = Assert.Single(ex.Violations);
        Assert.Equal("R8", violation.RuleId);
        Assert.Contains("a protected person on this application", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R9_ConflictFoundWithoutMitigation_WarnsThenGoesAheadWithTheReasonRecorded()
    {
        // Arrange
        var (application, victimId) = NewDraft();
        var details = NoContact(victimId);
        details = details with { Draft = details.Draft with { ConflictFound = true, ConflictNotes = null } };

        // Act
        var ex = ProposeExpectingFailure(application, details);
        var proposed = application.ProposeCondition(details, _today, TestData.OfficerOverride("The court will be asked to decide; no alternative route exists"), _now,
            out var overridden);

        // Assert
        Assert.True(ex.CanBeOverridden);
        Assert.Equal("conflictNotes", Assert.Single(ex.Warnings).Field);
        Assert.Equal("R9", Assert.Single(overridden).RuleId);
        Assert.Equal("The court will be asked to decide; no alternative route exists", proposed.OverrideReason);
        Assert.Equal(TestData.Officer.Name, proposed.OverrideBy);
    }

    [Fact]
    public void R9_ConflictNotConsidered_Warns()
    {
        // Arrange
        var (application, victimId) = NewDraft();
        var details = NoContact(victimId);

        // Act
        var ex = ProposeExpectingFailure(application, details with { Draft = details.Draft with { ConflictConsidered = false } });

        // Assert
        Assert.Equal("R9", Assert.Single(ex.Warnings).RuleId);
    }

    [Fact]
    public void R10_ExclusionZoneWithoutArea_IsRejectedAndWithAreaIsLimitedToTheLocality()
    {
        // Arrange
        var (application, victimId) = NewDraft();
        var rest = TestData.NoContact([victimId]);

        // Act
        var ex = ProposeExpectingFailure(application, new(rest, "exclusion-zone", new Dictionary<string, string> { ["mapReference"] = "AB/1" }));
        var proposed = application.ProposeCondition(new(rest with { LocalityPolygon = Polygon }, "exclusion-zone",
            new Dictionary<string, string> { ["area"] = "Park Road, Leeds", ["mapReference"] = "exhibit AB/1" }), _today, null, _now, out _);

        // Assert
        Assert.Equal("parameters.area", Assert.Single(ex.Violations).Field);
        Assert.Equal(ConditionScope.Locality, proposed.Scope);
        Assert.Equal("Park Road, Leeds", proposed.LocalityText);
        Assert.Equal("exhibit AB/1", proposed.MapReference);
        Assert.Equal(Polygon, proposed.LocalityPolygon);
    }

    [Fact]
    public void R10_InvalidPolygon_IsRejected()
    {
        // Arrange
        var (application, victimId) = NewDraft();

        // Act
        var ex = ProposeExpectingFailure(application, new(TestData.NoContact([victimId]) with { LocalityPolygon = """{"type":"Polygon","coordinates":[[[0,0],[1,1],[0,0]]]}""" },
            "exclusion-zone", new Dictionary<string, string> { ["area"] = "Park Road, Leeds" }));

        // Assert
        var violation = Assert.Single(ex.Violations);
        Assert.Equal("R10", violation.RuleId);
        Assert.Equal("localityPolygon", violation.Field);
    }

    [Fact]
    public void R10_FreeTextLimitedToALocalityWithoutOne_IsRejected()
    {
        // Arrange
        var (application, victimId) = NewDraft();

        // Act
        var ex = ProposeExpectingFailure(application, new(TestData.NoContact([victimId]) with { Scope = ConditionScope.Locality, LocalityText = " " }));

        // Assert
        Assert.Equal("localityText", Assert.Single(ex.Violations, v => v.RuleId == "R10").Field);
    }

    [Fact]
    public void R10_PolygonOnACondition_IsKeptOnlyForALocality()
    {
        // Arrange
        var (application, victimId) = NewDraft();

        // Act
        var proposed = application.ProposeCondition(new(TestData.NoContact([victimId]) with { MapReference = "SE 29 33", LocalityPolygon = Polygon }), _today, null, _now, out _);

        // Assert
        Assert.Equal(ConditionScope.AllUk, proposed.Scope);
        Assert.Null(proposed.MapReference);
        Assert.Null(proposed.LocalityPolygon);
    }

    [Fact]
    public void R16_InterimApplicationConditionUntilFurtherOrder_IsRejected()
    {
        // Arrange
        var (application, victimId) = NewDraft(ApplicationType.Interim);
        var details = NoContact(victimId);

        // Act
        var ex = ProposeExpectingFailure(application, details with { Draft = details.Draft with { Duration = ConditionDuration.UntilFurtherOrder } });

        // Assert
        Assert.Equal("R16", Assert.Single(ex.Violations).RuleId);
    }

    [Fact]
    public void R15_FixedPeriodUnderTwoYearsFromToday_WarnsAndOnlyLegalServicesMayOverride()
    {
        // Arrange
        var (application, victimId) = NewDraft();
        var details = NoContact(victimId);
        details = details with { Draft = details.Draft with { Duration = ConditionDuration.FixedPeriod, EndsOn = _today.AddYears(1) } };

        // Act
        var warned = ProposeExpectingFailure(application, details);
        var byOfficer = ProposeExpectingFailure(application, details, TestData.OfficerOverride());
        var proposed = application.ProposeCondition(details, _today, TestData.LegalOverride(), _now, out var overridden);

        // Assert
        Assert.Equal("R15", Assert.Single(warned.Warnings).RuleId);
        Assert.Equal("R15", Assert.Single(byOfficer.Violations).RuleId);
        Assert.Equal("R15", Assert.Single(overridden).RuleId);
        Assert.Equal(_today.AddYears(1), proposed.EndsOn);
    }

    [Fact]
    public void R12_FixedPeriodEndingInThePast_IsRejected()
    {
        // Arrange
        var (application, victimId) = NewDraft();
        var details = NoContact(victimId);

        // Act
        var ex = ProposeExpectingFailure(application, details with { Draft = details.Draft with { Duration = ConditionDuration.FixedPeriod, EndsOn = _today.AddDays(-1) } });

        // Assert
        Assert.Contains(ex.Violations, v => v.RuleId == "R12" && v.Field == "endsOn");
    }

    [Fact]
    public void ProposeChangeOrRemove_OnceAuthorisedAndSubmitted_IsRefused()
    {
        // Arrange
        var respondent = TestData.NewRespondent();
        var victim = TestData.NewVictim(Guid.NewGuid());
        var application = TestData.NewCompleteApplication(respondent, victim);
        var proposed = application.ProposeCondition(NoContact(victim.Id), _today, null, _now, out _);
        application.Authorise(TestData.Coordinator, _now);
        application.Submit(respondent, null, _today, _now);

        // Act
        var propose = Record.Exception(() => application.ProposeCondition(NoContact(victim.Id), _today, null, _now, out _));
        var change = Record.Exception(() => application.ChangeProposedCondition(proposed.Id, NoContact(victim.Id), _today, null, _now, out _));
        var remove = Record.Exception(() => application.RemoveProposedCondition(proposed.Id));

        // Assert
        Assert.All([propose, change, remove], e => Assert.Equal("Status", Assert.Single(Assert.IsType<RuleViolationException>(e).Violations).RuleId));
        Assert.Single(application.ProposedConditions);
    }

    [Fact]
    public void ChangeAndRemove_KeepTheIdAndRenumberTheRest()
    {
        // Arrange
        var (application, victimId) = NewDraft();
        var first = application.ProposeCondition(NoContact(victimId), _today, null, _now, out _);
        var second = application.ProposeCondition(new(TestData.NoContact([victimId]), "no-online-reference", new Dictionary<string, string> { ["person"] = "Jane Smith" }),
            _today, null, _now, out _);

        // Act
        var changed = application.ChangeProposedCondition(second.Id, new(TestData.NoContact([victimId]), "no-approach-distance",
            new Dictionary<string, string> { ["person"] = "Jane Smith", ["distance"] = "200" }), _today, null, _now, out _);
        application.RemoveProposedCondition(first.Id);

        // Assert
        Assert.Same(second, changed);
        Assert.Equal("Not to come within 200 metres of Jane Smith.", changed.Wording);
        Assert.Equal(ConditionCategory.NoApproach, changed.Category);
        Assert.Equal(1, Assert.Single(application.ProposedConditions).Sequence);
    }

    [Fact]
    public void ChangeOrRemove_UnknownCondition_IsRejected()
    {
        // Arrange
        var (application, _) = NewDraft();

        // Act
        var ex = Record.Exception(() => application.RemoveProposedCondition(Guid.NewGuid()));

        // Assert
        Assert.Equal("conditionId", Assert.Single(Assert.IsType<RuleViolationException>(ex).Violations).Field);
    }

    [Fact]
    public void ToDraft_CarriesTheMapReferenceIntoTheOrder()
    {
        // Arrange
        var (application, victimId) = NewDraft();
        var proposed = application.ProposeCondition(new(TestData.NoContact([victimId]) with { LocalityPolygon = Polygon }, "exclusion-zone",
            new Dictionary<string, string> { ["area"] = "Park Road, Leeds", ["mapReference"] = "exhibit AB/1" }), _today, null, _now, out _);

        // Act
        var draft = proposed.ToDraft();

        // Assert
        Assert.Equal("exhibit AB/1", draft.MapReference);
        Assert.Equal(Polygon, draft.LocalityPolygon);
        Assert.Equal("Park Road, Leeds", draft.LocalityText);
        Assert.Equal([victimId], draft.ProtectedPersonIds);
    }
}
