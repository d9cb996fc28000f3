using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Applications;

public class ApplicationRuleTests
{
    private static readonly DateOnly _today = new(2026, 1, 5);
    private static readonly DateTimeOffset _now = TestData.NoonOn(_today);

    private static RuleViolationException SubmitExpectingFailure(Application application, Respondent respondent, Application? main = null)
    {
        if (application.AuthorisedAt is null)
        {
            application.Authorise(TestData.Coordinator, _now);
        }

        return Assert.IsType<RuleViolationException>(Record.Exception(() => application.Submit(respondent, main, _today, _now)));
    }

    [Fact]
    public void R1_ApplicantNotInTheEnumeratedForces_IsRejected()
    {
        // Act
        var ex = Record.Exception(() => Application.CreateForOrder(Guid.NewGuid(), Guid.NewGuid(), ApplicationType.Full, (PoliceForce)999, null, "Court", _now));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R1" && v.Field == "applicantForce");
    }

    [Fact]
    public void R1_EnumeratedApplicants_Are43TerritorialForcesPlusBtpAndMod()
    {
        // Act
        var forces = Enum.GetValues<PoliceForce>();

        // Assert
        Assert.Equal(45, forces.Length);
        Assert.Equal(PoliceForces.TerritorialForceCount, forces.Count(PoliceForces.IsTerritorial));
        Assert.Contains(PoliceForce.Metropolitan, forces);
        Assert.Contains(PoliceForce.CityOfLondon, forces);
        Assert.False(PoliceForces.IsTerritorial(PoliceForce.BritishTransportPolice));
        Assert.False(PoliceForces.IsTerritorial(PoliceForce.MinistryOfDefencePolice));
    }

    [Fact]
    public void R2_TerritorialForceWithoutJurisdictionBasis_IsBlockedOnSubmit()
    {
        // Arrange
        var respondent = TestData.NewRespondent();
        var application = TestData.NewCompleteApplication(respondent, TestData.NewVictim(Guid.NewGuid()));
        application.SetJurisdiction(null, null);

        // Act
        var ex = SubmitExpectingFailure(application, respondent);

        // Assert
        Assert.Contains(ex.Violations, v => v.RuleId == "R2" && v.Field == "jurisdictionBasis");
    }

    [Fact]
    public void R2_BritishTransportPoliceWithoutJurisdictionBasis_CanSubmit()
    {
        // Arrange
        var respondent = TestData.NewRespondent();
        var application = TestData.NewCompleteApplication(respondent, TestData.NewVictim(Guid.NewGuid()), PoliceForce.BritishTransportPolice);
        application.SetJurisdiction(null, null);
        application.Authorise(TestData.Coordinator, _now);

        // Act
        application.Submit(respondent, null, _today, _now);

        // Assert
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal(_today, application.LodgedOn);
    }

    [Fact]
    public void R3_SubmitWithNoEvidence_ReportsEachOfTheThreeLimbs()
    {
        // Arrange
        var respondent = TestData.NewRespondent();
        var victim = TestData.NewVictim(Guid.NewGuid());
        var application = Application.CreateForOrder(victim.CaseId, respondent.Id, ApplicationType.Full, PoliceForce.WestYorkshire, null, "Leeds Magistrates' Court", _now);
        application.SetJurisdiction(JurisdictionBasis.ResidesInArea, "Lives in Leeds");
        application.AddProtectedPerson(victim, _now);

        // Act
        var ex = SubmitExpectingFailure(application, respondent);

        // Assert
        Assert.Equal(["evidence.limbA", "evidence.limbB", "evidence.limbC"], ex.Violations.Where(v => v.RuleId == "R3").Select(v => v.Field));
    }

    [Fact]
    public void R3_ActEvidenceWithoutTheActLinked_IsRejected()
    {
        // Arrange
        var respondent = TestData.NewRespondent();
        var application = TestData.NewCompleteApplication(respondent, TestData.NewVictim(Guid.NewGuid()));

        // Act
        var ex = Record.Exception(() => application.AddEvidence(Limb.ActsAssociatedWithStalking, EvidenceKind.Act, null, "Some act", _now));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R3");
    }

    [Fact]
    public void R4_ApplicationWithoutProtectedPerson_IsBlockedOnSubmit()
    {
        // Arrange
        var respondent = TestData.NewRespondent();
        var application = Application.CreateForOrder(Guid.NewGuid(), respondent.Id, ApplicationType.Full, PoliceForce.WestYorkshire, null, "Leeds Magistrates' Court", _now);

        // Act
        var ex = SubmitExpectingFailure(application, respondent);

        // Assert
        Assert.Contains(ex.Violations, v => v.RuleId == "R4" && v.Field == "protectedPersonIds");
    }

    [Fact]
    public void R4_ProxyProtectedPersonWhoIsVictimOfNoAct_CanBeProtected()
    {
        // Arrange
        var respondent = TestData.NewRespondent();
        var victim = TestData.NewVictim(Guid.NewGuid(), VictimRole.DirectVictim);
        var sister = TestData.NewVictim(victim.CaseId, VictimRole.ProtectedPerson);
        var application = Application.CreateForOrder(victim.CaseId, respondent.Id, ApplicationType.Full, PoliceForce.WestYorkshire, null, "Leeds Magistrates' Court", _now);
        application.SetJurisdiction(JurisdictionBasis.ResidesInArea, "Lives in Leeds");
        application.AddEvidence(Limb.ActsAssociatedWithStalking, EvidenceKind.Act, Guid.NewGuid(), "Acts against the victim", _now);
        application.AddEvidence(Limb.RiskAssociatedWithStalking, EvidenceKind.RiskAssessment, Guid.NewGuid(), "Risk", _now);
        application.AddEvidence(Limb.NecessaryToProtect, EvidenceKind.NecessityRationale, null, "He targets her sister to reach her", _now);

        // Act
        application.AddProtectedPerson(sister, _now);
        application.Authorise(TestData.Coordinator, _now);
        application.Submit(respondent, null, _today, _now);

        // Assert
        Assert.Equal(sister.Id, Assert.Single(application.ProtectedPersons).VictimId);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
    }

    [Fact]
    public void R4_DirectVictimOnlyRole_CannotBeNamedAsProtectedPerson()
    {
        // Arrange
        var respondent = TestData.NewRespondent();
        var victim = TestData.NewVictim(Guid.NewGuid(), VictimRole.DirectVictim);
        var application = Application.CreateForOrder(victim.CaseId, respondent.Id, ApplicationType.Full, PoliceForce.WestYorkshire, null, "Court", _now);

        // Act
        var ex = Record.Exception(() => application.AddProtectedPerson(victim, _now));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R4");
    }

    [Fact]
    public void R7_RespondentAged17OnApplicationDate_MustGoToYouthCourt()
    {
        // Arrange
        var respondent = TestData.NewRespondent(new DateOnly(2008, 6, 1));
        var application = TestData.NewCompleteApplication(respondent, TestData.NewVictim(Guid.NewGuid()), venue: CourtVenue.MagistratesCourt);

        // Act
        var ex = SubmitExpectingFailure(application, respondent);

        // Assert
        Assert.Contains(ex.Violations, v => v.RuleId == "R7" && v.Field == "venue");
    }

    [Fact]
    public void R7_RespondentTurning18AfterSubmission_StaysInYouthCourtAndOrderComesFromYouthCourt()
    {
        // Arrange
        var respondent = TestData.NewRespondent(new DateOnly(2008, 1, 20));
        var victim = TestData.NewVictim(Guid.NewGuid());
        var application = TestData.NewCompleteApplication(respondent, victim, venue: CourtVenue.YouthCourt);
        application.Authorise(TestData.Coordinator, _now);
        application.Submit(respondent, null, _today, _now);
        var madeAfter18 = new DateOnly(2026, 2, 2);

        // Act
        var order = StalkingProtectionOrder.Make(victim.CaseId, respondent.Id, application,
            TestData.Terms(OrderKind.Full, madeAfter18, null, [TestData.NoContact([victim.Id])], DurationType.UntilFurtherOrder, OrderOrigin.PoliceApplicationYouthCourt),
            TestData.NoOtherOrders, new HashSet<Guid> { victim.Id }, null, TestData.NoonOn(madeAfter18), out _);

        // Assert
        Assert.False(respondent.IsYouthOn(madeAfter18));
        Assert.Equal(CourtVenue.YouthCourt, application.Venue);
        Assert.Equal(OrderOrigin.PoliceApplicationYouthCourt, order.Origin);
    }

    [Fact]
    public void R7_ApplicationEnteredAfterTheFact_IsCheckedOnTheDayItWasMade_AndKeepsWhenItWasEntered()
    {
        // Arrange: 18 on 20 January 2026, entered on 5 January 2026 for an application made in December 2025, when 17.
        var respondent = TestData.NewRespondent(new DateOnly(2008, 1, 20));
        var application = TestData.NewCompleteApplication(respondent, TestData.NewVictim(Guid.NewGuid()), venue: CourtVenue.YouthCourt);
        application.Authorise(TestData.Coordinator, _now);
        var madeOn = new DateOnly(2025, 12, 1);

        // Act
        application.Submit(respondent, null, madeOn, _now);

        // Assert
        Assert.Equal(madeOn, application.LodgedOn);
        Assert.Equal(_now, application.SubmittedAt);
    }

    [Fact]
    public void R7_ApplicationEnteredAfterTheFact_ToAMagistratesCourtWhenTheRespondentWas17Then_IsRejected()
    {
        // Arrange: an adult today, but 17 on the day the application was made.
        var respondent = TestData.NewRespondent(new DateOnly(2008, 1, 2));
        var application = TestData.NewCompleteApplication(respondent, TestData.NewVictim(Guid.NewGuid()), venue: CourtVenue.MagistratesCourt);
        application.Authorise(TestData.Coordinator, _now);

        // Act
        var ex = Record.Exception(() => application.Submit(respondent, null, new DateOnly(2025, 12, 1), _now));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R7" && v.Field == "venue");
        Assert.Equal(ApplicationStatus.Draft, application.Status);
    }

    [Fact]
    public void Submit_LodgedOnADayStillToCome_IsRefusedAsNotYetHappened()
    {
        // Arrange
        var respondent = TestData.NewRespondent();
        var application = TestData.NewCompleteApplication(respondent, TestData.NewVictim(Guid.NewGuid()));
        application.Authorise(TestData.Coordinator, _now);

        // Act
        var ex = Record.Exception(() => application.Submit(respondent, null, _today.AddDays(1), _now));

        // Assert
        var violation = Assert.Single(Assert.IsType<RuleViolationException>(ex).Violations);
        Assert.Equal(("lodgedOn", RuleCheck.NotYetHappenedMessage), (violation.Field, violation.Message));
        Assert.Null(application.LodgedOn);
    }

    [Fact]
    public void R7_AdultInYouthCourt_IsRejected()
    {
        // Arrange
        var respondent = TestData.NewRespondent(new DateOnly(1990, 1, 1));
        var application = TestData.NewCompleteApplication(respondent, TestData.NewVictim(Guid.NewGuid()), venue: CourtVenue.YouthCourt);

        // Act
        var ex = SubmitExpectingFailure(application, respondent);

        // Assert
        Assert.Contains(ex.Violations, v => v.RuleId == "R7");
    }

    [Fact]
    public void R18_InterimWithDifferentApplicant_IsBlocked()
    {
        // Arrange
        var respondent = TestData.NewRespondent();
        var victim = TestData.NewVictim(Guid.NewGuid());
        var main = TestData.NewCompleteApplication(respondent, victim, PoliceForce.WestYorkshire);

        // Act
        var ex = Record.Exception(() => Application.CreateForOrder(victim.CaseId, respondent.Id, ApplicationType.Interim, PoliceForce.NorthYorkshire, main, "Court", _now));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R18" && v.Field == "applicantForce");
    }

    [Fact]
    public void R18_OrphanInterimApplication_IsBlocked()
    {
        // Act
        var ex = Record.Exception(() => Application.CreateForOrder(Guid.NewGuid(), Guid.NewGuid(), ApplicationType.Interim, PoliceForce.WestYorkshire, null, "Court", _now));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R18" && v.Field == "mainApplicationId");
    }

    [Fact]
    public void R18_InterimSubmittedBeforeItsMainApplication_IsBlocked()
    {
        // Arrange
        var respondent = TestData.NewRespondent();
        var victim = TestData.NewVictim(Guid.NewGuid());
        var main = TestData.NewCompleteApplication(respondent, victim);
        var interim = TestData.NewCompleteApplication(respondent, victim, type: ApplicationType.Interim, main: main);

        // Act
        var ex = SubmitExpectingFailure(interim, respondent, main);

        // Assert
        Assert.Contains(ex.Violations, v => v.RuleId == "R18");
    }

    [Fact]
    public void R18_InterimAfterMainApplicationDetermined_IsBlocked()
    {
        // Arrange
        var respondent = TestData.NewRespondent();
        var victim = TestData.NewVictim(Guid.NewGuid());
        var main = TestData.NewCompleteApplication(respondent, victim);
        main.Authorise(TestData.Coordinator, _now);
        main.Submit(respondent, null, _today, _now);
        main.Determine(Determination.Refused, _now);

        // Act
        var ex = Record.Exception(() => Application.CreateForOrder(victim.CaseId, respondent.Id, ApplicationType.Interim, PoliceForce.WestYorkshire, main, "Court", _now));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R18");
    }

    [Fact]
    public void R18_InterimWithMainLodgedTheSameDayBySameChiefOfficer_IsSubmitted()
    {
        // Arrange
        var respondent = TestData.NewRespondent();
        var victim = TestData.NewVictim(Guid.NewGuid());
        var main = TestData.NewCompleteApplication(respondent, victim);
        main.Authorise(TestData.Coordinator, _now);
        main.Submit(respondent, null, _today, _now);
        var interim = TestData.NewCompleteApplication(respondent, victim, type: ApplicationType.Interim, main: main);
        interim.Authorise(TestData.Coordinator, _now);

        // Act
        interim.Submit(respondent, main, _today, _now);

        // Assert
        Assert.Equal(ApplicationStatus.Submitted, interim.Status);
        Assert.Equal(main.Id, interim.MainApplicationId);
    }

    [Fact]
    public void R20_VariationByUnrelatedForce_IsBlocked()
    {
        // Act
        var ex = Record.Exception(() => Application.CreateForChange(Guid.NewGuid(), Guid.NewGuid(), ApplicationType.Variation, Guid.NewGuid(),
            ApplicantParty.ChiefOfficer, PoliceForce.Kent, [PoliceForce.WestYorkshire], "Court", _now));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R20");
    }

    [Fact]
    public void R20_DischargeByDefendant_IsAllowed()
    {
        // Act
        var application = Application.CreateForChange(Guid.NewGuid(), Guid.NewGuid(), ApplicationType.Discharge, Guid.NewGuid(),
            ApplicantParty.Defendant, null, [PoliceForce.WestYorkshire], "Court", _now);

        // Assert
        Assert.Equal(ApplicantParty.Defendant, application.ApplicantParty);
        Assert.Null(application.ApplicantForce);
    }

    [Fact]
    public void R20_RelevantChiefOfficers_ForFullOrderIncludeResidenceForce_ForInterimOnlyTheApplicant()
    {
        // Arrange
        var (full, fullParts) = TestData.NewOrder(OrderKind.Full, new DateOnly(2026, 1, 12));
        var (interim, _) = TestData.NewOrder(OrderKind.Interim, new DateOnly(2026, 1, 12));
        fullParts.Respondent.MoveTo("3 Moss Lane, Manchester", PoliceForce.GreaterManchester, new DateOnly(2026, 3, 1), AddressSource.Notification, TestData.NoonOn(new DateOnly(2026, 3, 1)));

        // Act
        var forFull = RelevantChiefOfficer.For(full, fullParts.Respondent, new DateOnly(2026, 3, 2));
        var forInterim = RelevantChiefOfficer.For(interim, fullParts.Respondent, new DateOnly(2026, 3, 2));

        // Assert
        Assert.Equal([PoliceForce.GreaterManchester, PoliceForce.WestYorkshire], forFull.Order());
        Assert.Equal([PoliceForce.WestYorkshire], forInterim);
    }

    [Fact]
    public void R21_RenewalApplicationWithoutNecessityRationale_IsBlockedOnSubmit()
    {
        // Arrange
        var respondent = TestData.NewRespondent();
        var application = Application.CreateForChange(Guid.NewGuid(), respondent.Id, ApplicationType.Renewal, Guid.NewGuid(),
            ApplicantParty.ChiefOfficer, PoliceForce.WestYorkshire, [PoliceForce.WestYorkshire], "Leeds Magistrates' Court", _now);

        // Act
        var ex = SubmitExpectingFailure(application, respondent);

        // Assert
        Assert.Contains(ex.Violations, v => v.RuleId == "R21" && v.Field == "necessityRationale");
    }

    [Fact]
    public void Authorise_ByAnOfficerWhoIsNotACoordinator_IsRejected()
    {
        // Arrange
        var application = TestData.NewCompleteApplication(TestData.NewRespondent(), TestData.NewVictim(Guid.NewGuid()));

        // Act
        var ex = Record.Exception(() => application.Authorise(TestData.Officer, _now));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.Field == "authorisedBy");
    }

    [Fact]
    public void Submit_WithoutAuthorisation_IsRejected()
    {
        // Arrange
        var respondent = TestData.NewRespondent();
        var application = TestData.NewCompleteApplication(respondent, TestData.NewVictim(Guid.NewGuid()));

        // Act
        var ex = Record.Exception(() => application.Submit(respondent, null, _today, _now));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.Field == "authorisedBy");
    }
}
