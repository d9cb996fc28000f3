using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Orders;

public class OrderRuleTests
{
    private static readonly DateOnly _made = new(2025, 3, 10);

    private static RuleViolationException MakeExpectingFailure(OrderKind kind, DateOnly made, DateOnly? lastDay, Func<Guid, IReadOnlyList<ConditionDraft>>? conditions = null,
        DurationType duration = DurationType.FixedPeriod, OrderOrigin origin = OrderOrigin.PoliceApplicationMagistrates, OrderContext? context = null, Override? @override = null,
        bool withApplication = true)
    {
        var parts = TestData.NewOrderParts(kind);
        var drafts = conditions?.Invoke(parts.Victim.Id) ?? [TestData.NoContact([parts.Victim.Id])];
        var ex = Record.Exception(() => StalkingProtectionOrder.Make(parts.Victim.CaseId, parts.Respondent.Id, withApplication ? parts.Application : null,
            TestData.Terms(kind, made, lastDay, drafts, duration, origin), context ?? TestData.NoOtherOrders, parts.ProtectedPersonIds, @override,
            TestData.NoonOn(made), out _));
        return Assert.IsType<RuleViolationException>(ex);
    }

    private static ConditionDraft Draft(Guid victimId) => TestData.NoContact([victimId]);

    [Fact]
    public void R8_ConditionWithoutNecessityRationaleOrProtectedPerson_IsRejected()
    {
        // Act
        var ex = MakeExpectingFailure(OrderKind.Full, _made, null, v => [Draft(v) with { NecessityRationale = " ", ProtectedPersonIds = [] }],
            DurationType.UntilFurtherOrder);

        // Assert
        Assert.Contains(ex.Violations, v => v.RuleId == "R8" && v.Field == "conditions[0].necessityRationale");
        Assert.Contains(ex.Violations, v => v.RuleId == "R8" && v.Field == "conditions[0].protectedPersonIds");
    }

    [Fact]
    public void R8_ConditionWithoutType_IsRejected()
    {
        // Act
        var ex = MakeExpectingFailure(OrderKind.Full, _made, null, v => [Draft(v) with { Type = (ConditionType)7 }], DurationType.UntilFurtherOrder);

        // Assert
        Assert.Contains(ex.Violations, v => v.RuleId == "R8" && v.Field == "conditions[0].type");
    }

    [Fact]
    public void R9_ConflictNotConsidered_WarnsAndBlocksWithoutOverride()
    {
        // Act
        var ex = MakeExpectingFailure(OrderKind.Full, _made, null, v => [Draft(v) with { ConflictConsidered = false }], DurationType.UntilFurtherOrder);

        // Assert
        Assert.True(ex.CanBeOverridden);
        Assert.Contains(ex.Warnings, w => w.RuleId == "R9" && w.Field == "conditions[0].conflictConsidered");
    }

    [Fact]
    public void R9_ConflictFoundWithoutMitigation_GoesAheadWithAnOverrideReason()
    {
        // Arrange
        var parts = TestData.NewOrderParts();
        var draft = Draft(parts.Victim.Id) with { ConflictFound = true, ConflictNotes = null };

        // Act
        var order = StalkingProtectionOrder.Make(parts.Victim.CaseId, parts.Respondent.Id, parts.Application,
            TestData.Terms(OrderKind.Full, _made, null, [draft], DurationType.UntilFurtherOrder), TestData.NoOtherOrders, parts.ProtectedPersonIds,
            TestData.OfficerOverride("Court considered his mosque attendance; the zone cannot avoid it"), TestData.NoonOn(_made), out var overridden);

        // Assert
        Assert.Equal("R9", Assert.Single(overridden).RuleId);
        Assert.True(order.CurrentConditionSet.Conditions[0].ConflictFound);
    }

    [Fact]
    public void R10_LocalityScopeWithoutLocality_IsRejected()
    {
        // Act
        var ex = MakeExpectingFailure(OrderKind.Full, _made, null, v => [Draft(v) with { Scope = ConditionScope.Locality, LocalityText = null }],
            DurationType.UntilFurtherOrder);

        // Assert
        Assert.Contains(ex.Violations, v => v.RuleId == "R10" && v.Field == "conditions[0].localityText");
    }

    [Fact]
    public void R10_ScopeOptions_AreAllUkOrALocalityAndNeverOutsideTheUk()
    {
        // Act
        var scopes = Enum.GetValues<ConditionScope>();

        // Assert
        Assert.Equal([ConditionScope.AllUk, ConditionScope.Locality], scopes);
        Assert.Equal(ConditionScope.AllUk, default(ConditionScope));
    }

    [Fact]
    public void R11_FullOrderForRespondentWithAnotherOrderInForce_RequiresAttestation()
    {
        // Arrange
        var (existing, _) = TestData.NewOrder(OrderKind.Full, new DateOnly(2024, 1, 8), duration: DurationType.UntilFurtherOrder);
        var context = new OrderContext(null, existing.ConditionsInForceOn(_made), false, null);

        // Act
        var ex = MakeExpectingFailure(OrderKind.Full, _made, null, duration: DurationType.UntilFurtherOrder, context: context);

        // Assert
        Assert.Contains(ex.Warnings, w => w.RuleId == "R11" && w.Field == "noIncompatibilityAttested");
    }

    [Fact]
    public void R11_AttestedNoIncompatibility_IsRecordedOnTheOrder()
    {
        // Arrange
        var (existing, _) = TestData.NewOrder(OrderKind.Full, new DateOnly(2024, 1, 8), duration: DurationType.UntilFurtherOrder);

        // Act
        var (order, _) = TestData.NewOrder(OrderKind.Full, _made, duration: DurationType.UntilFurtherOrder,
            context: new OrderContext(null, existing.ConditionsInForceOn(_made), true, null));

        // Assert
        Assert.True(order.NoIncompatibilityAttested);
    }

    [Fact]
    public void R12_OrderWithoutCourtOrConditions_ReportsEveryMissingField()
    {
        // Arrange
        var parts = TestData.NewOrderParts();
        var terms = TestData.Terms(OrderKind.Full, _made, null, [], DurationType.UntilFurtherOrder) with { CourtName = "" };

        // Act
        var ex = Record.Exception(() => StalkingProtectionOrder.Make(parts.Victim.CaseId, parts.Respondent.Id, parts.Application, terms, TestData.NoOtherOrders,
            parts.ProtectedPersonIds, null, TestData.NoonOn(_made), out _));

        // Assert
        var fields = Assert.IsType<RuleViolationException>(ex).Violations.Where(v => v.RuleId == "R12").Select(v => v.Field).ToList();
        Assert.Contains("courtName", fields);
        Assert.Contains("conditions", fields);
    }

    [Fact]
    public void R12_ConditionWithoutWordingOrFixedEndDate_IsRejected()
    {
        // Act
        var ex = MakeExpectingFailure(OrderKind.Full, _made, null, v => [Draft(v) with { Wording = "", Duration = ConditionDuration.FixedPeriod, EndsOn = null }],
            DurationType.UntilFurtherOrder);

        // Assert
        Assert.Contains(ex.Violations, v => v.RuleId == "R12" && v.Field == "conditions[0].wording");
        Assert.Contains(ex.Violations, v => v.RuleId == "R12" && v.Field == "conditions[0].endsOn");
    }

    [Fact]
    public void R13_FixedPeriodWithoutLastDay_IsRejected()
    {
        // Act
        var ex = MakeExpectingFailure(OrderKind.Full, _made, null);

        // Assert
        Assert.Contains(ex.Violations, v => v.RuleId == "R13" && v.Field == "lastInForceDay");
    }

    [Fact]
    public void R13_UntilFurtherOrder_HasNoLastDayAndStaysInForce()
    {
        // Act
        var (order, _) = TestData.NewOrder(OrderKind.Full, _made, duration: DurationType.UntilFurtherOrder);

        // Assert
        Assert.Null(order.LastInForceDay);
        Assert.Equal(OrderStatus.InForce, order.StatusOn(new DateOnly(2040, 1, 1)));
    }

    [Fact]
    public void R14_FixedPeriodEndingBeforeTwoYears_IsRejected()
    {
        // Act
        var ex = MakeExpectingFailure(OrderKind.Full, _made, new DateOnly(2027, 3, 8));

        // Assert
        var violation = Assert.Single(ex.Violations, v => v.RuleId == "R14");
        Assert.Equal("lastInForceDay", violation.Field);
        Assert.Contains("at least 2 years beginning with the day the order is made", violation.Message, StringComparison.Ordinal);
        Assert.Contains("9 March 2027", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R14_FixedPeriodEndingOnDayBeforeSecondAnniversary_IsAccepted()
    {
        // Act
        var (order, _) = TestData.NewOrder(OrderKind.Full, _made, new DateOnly(2027, 3, 9));

        // Assert
        Assert.Equal(OrderStatus.InForce, order.StatusOn(new DateOnly(2027, 3, 9)));
        Assert.Equal(OrderStatus.Expired, order.StatusOn(new DateOnly(2027, 3, 10)));
    }

    [Fact]
    public void R14_MadeOnLeapDay_EarliestLastDayIs28FebruaryTwoYearsOn()
    {
        // Arrange
        var leapDay = new DateOnly(2024, 2, 29);

        // Act
        var tooShort = MakeExpectingFailure(OrderKind.Full, leapDay, new DateOnly(2026, 2, 27));
        var (order, _) = TestData.NewOrder(OrderKind.Full, leapDay, new DateOnly(2026, 2, 28));

        // Assert
        Assert.Contains(tooShort.Violations, v => v.RuleId == "R14");
        Assert.Equal(new DateOnly(2026, 2, 28), order.LastInForceDay);
    }

    [Fact]
    public void R15_ConditionShorterThanTwoYears_WithoutOverride_Warns()
    {
        // Act
        var ex = MakeExpectingFailure(OrderKind.Full, _made, null, v => [Draft(v) with { Duration = ConditionDuration.FixedPeriod, EndsOn = new DateOnly(2026, 3, 9) }],
            DurationType.UntilFurtherOrder);

        // Assert
        Assert.Contains(ex.Warnings, w => w.RuleId == "R15" && w.Field == "conditions[0].endsOn");
    }

    [Fact]
    public void R15_ConditionShorterThanTwoYears_OverrideByOfficer_IsRejected()
    {
        // Act
        var ex = MakeExpectingFailure(OrderKind.Full, _made, null, v => [Draft(v) with { Duration = ConditionDuration.FixedPeriod, EndsOn = new DateOnly(2026, 3, 9) }],
            DurationType.UntilFurtherOrder, @override: TestData.OfficerOverride());

        // Assert
        Assert.Contains(ex.Violations, v => v.RuleId == "R15" && v.Field == "overrideReason");
    }

    [Fact]
    public void R15_ConditionShorterThanTwoYears_WithLegalServicesOverride_KeepsReasonOnCondition()
    {
        // Arrange
        var parts = TestData.NewOrderParts();
        var draft = Draft(parts.Victim.Id) with
        {
            Category = ConditionCategory.ProgrammeAttendance,
            Type = ConditionType.Requirement,
            Duration = ConditionDuration.FixedPeriod,
            EndsOn = new DateOnly(2025, 9, 9)
        };

        // Act
        var order = StalkingProtectionOrder.Make(parts.Victim.CaseId, parts.Respondent.Id, parts.Application,
            TestData.Terms(OrderKind.Full, _made, null, [draft], DurationType.UntilFurtherOrder), TestData.NoOtherOrders, parts.ProtectedPersonIds,
            TestData.LegalOverride(), TestData.NoonOn(_made), out var overridden);

        // Assert
        var condition = Assert.Single(order.CurrentConditionSet.Conditions);
        Assert.Equal("R15", Assert.Single(overridden).RuleId);
        Assert.Equal(TestData.LegalServices.Name, condition.LegalOverrideBy);
        Assert.NotNull(condition.LegalOverrideReason);
        Assert.Single(order.ConditionsInForceOn(new DateOnly(2025, 9, 9)));
        Assert.Empty(order.ConditionsInForceOn(new DateOnly(2025, 9, 10)));
    }

    [Fact]
    public void R16_InterimUntilFurtherOrder_IsRejected()
    {
        // Act
        var ex = MakeExpectingFailure(OrderKind.Interim, _made, null, duration: DurationType.UntilFurtherOrder);

        // Assert
        Assert.Contains(ex.Violations, v => v.RuleId == "R16" && v.Field == "durationType");
    }

    [Fact]
    public void R16_InterimWithShortFixedPeriod_IsAcceptedWithNoTwoYearMinimum()
    {
        // Act
        var (order, _) = TestData.NewOrder(OrderKind.Interim, _made, _made.AddDays(13));

        // Assert
        Assert.Equal(OrderKind.Interim, order.Kind);
        Assert.Equal(OrderStatus.Expired, order.StatusOn(_made.AddDays(14)));
    }

    [Fact]
    public void R17_Cease_OnInterimOrder_EndsItOnTheDayOfDetermination()
    {
        // Arrange
        var (order, _) = TestData.NewOrder(OrderKind.Interim, _made);
        var determinedAt = TestData.NoonOn(_made.AddDays(5));

        // Act
        order.Cease(determinedAt);

        // Assert
        Assert.Equal(OrderStatus.Ceased, order.StatusOn(_made.AddDays(5)));
        Assert.Equal(OrderStatus.InForce, order.StatusOn(_made.AddDays(4)));
        Assert.Equal(determinedAt, order.EndedAt);
    }

    [Fact]
    public void R17_Cease_OnFullOrder_IsRejected()
    {
        // Arrange
        var (order, _) = TestData.NewOrder(OrderKind.Full, _made, duration: DurationType.UntilFurtherOrder);

        // Act
        var ex = Record.Exception(() => order.Cease(TestData.NoonOn(_made.AddDays(5))));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R17");
    }

    [Fact]
    public void R19_FullOrderWhileInterimInForce_ReplacesInterimAndServiceStartsNoDuty()
    {
        // Arrange
        var (interim, _) = TestData.NewOrder(OrderKind.Interim, _made);
        var (full, parts) = TestData.NewOrder(OrderKind.Full, _made.AddDays(10), duration: DurationType.UntilFurtherOrder,
            context: new OrderContext(interim, [], false, null));

        // Act
        var obligation = full.RecordService(TestData.NoonOn(_made.AddDays(10)), ServiceMethod.PresentInCourt, "PC Server", parts.Respondent, TestData.NoonOn(_made.AddDays(10))).Obligation;

        // Assert
        Assert.True(full.ReplacesInterim);
        Assert.Equal(interim.Id, full.ReplacedInterimOrderId);
        Assert.Null(obligation);
    }

    [Fact]
    public void R25_ServiceOfFullOrderNotReplacingInterim_StartsInitialDuty()
    {
        // Arrange
        var (order, parts) = TestData.NewOrder(OrderKind.Full, _made, duration: DurationType.UntilFurtherOrder);
        var servedAt = Core.Time.LondonTime.ToUtc(_made.AddDays(1), new TimeOnly(23, 30));

        // Act
        var obligation = order.RecordService(servedAt, ServiceMethod.Personal, "PC Server", parts.Respondent, servedAt.AddMinutes(5)).Obligation;

        // Assert
        Assert.NotNull(obligation);
        Assert.Equal(_made.AddDays(1), obligation.TriggerDate);
        Assert.Equal(_made.AddDays(3), obligation.DueBy);
        Assert.Equal(_made.AddDays(1), order.ServedOn);
    }

    [Fact]
    public void RecordService_Twice_IsRejected()
    {
        // Arrange
        var (order, parts) = TestData.NewOrder(OrderKind.Interim, _made);
        order.RecordService(TestData.NoonOn(_made), ServiceMethod.Personal, "PC Server", parts.Respondent, TestData.NoonOn(_made));

        // Act
        var ex = Record.Exception(() => order.RecordService(TestData.NoonOn(_made.AddDays(1)), ServiceMethod.Personal, "PC Server", parts.Respondent, TestData.NoonOn(_made.AddDays(1))));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.Field == "servedAt");
    }

    [Fact]
    public void R22_DischargeOfFullOrderWithinTwoYearsWithBothConsents_IsAllowed()
    {
        // Arrange
        var (order, _) = TestData.NewOrder(OrderKind.Full, _made, duration: DurationType.UntilFurtherOrder);
        DischargeConsent[] consents =
        [
            new(ConsentParty.Defendant, _made.AddDays(100), ConsentMethod.InWriting),
            new(ConsentParty.RelevantChiefOfficer, _made.AddDays(101), ConsentMethod.InWriting),
        ];

        // Act
        order.Discharge(_made.AddDays(120), consents, TestData.NoonOn(_made.AddDays(120)));

        // Assert
        Assert.Equal(OrderStatus.Discharged, order.StatusOn(_made.AddDays(120)));
    }

    [Fact]
    public void R22_DischargeOnDayBeforeSecondAnniversaryWithoutConsent_IsBlocked()
    {
        // Arrange
        var (order, _) = TestData.NewOrder(OrderKind.Full, _made, duration: DurationType.UntilFurtherOrder);

        // Act
        var ex = Record.Exception(() => order.Discharge(new DateOnly(2027, 3, 9), [], TestData.NoonOn(new DateOnly(2027, 3, 9))));
        order.Discharge(new DateOnly(2027, 3, 10), [], TestData.NoonOn(new DateOnly(2027, 3, 10)));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R22" && v.Field == "consents");
        Assert.Equal(OrderStatus.Discharged, order.StatusOn(new DateOnly(2027, 3, 10)));
    }

    [Fact]
    public void R22_DischargeOfInterimOrderEarly_NeedsNoConsent()
    {
        // Arrange
        var (order, _) = TestData.NewOrder(OrderKind.Interim, _made);

        // Act
        order.Discharge(_made.AddDays(3), [], TestData.NoonOn(_made.AddDays(3)));

        // Assert
        Assert.Equal(OrderStatus.Discharged, order.StatusOn(_made.AddDays(3)));
    }

    [Fact]
    public void R23_RenewalLodgedAfterOrderExpired_IsRejected()
    {
        // Arrange
        var (order, _) = TestData.NewOrder(OrderKind.Full, _made, new DateOnly(2027, 3, 9));

        // Act
        var ex = Record.Exception(() => order.Renew(DurationType.FixedPeriod, new DateOnly(2029, 3, 9), new DateOnly(2027, 3, 10),
            "Risk continues: contact attempts via third parties", new DateOnly(2027, 3, 20)));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R23" && v.Field == "applicationLodgedOn");
    }

    [Fact]
    public void R23_RenewalLodgedWhileInForce_ExtendsTheLastDay()
    {
        // Arrange
        var (order, _) = TestData.NewOrder(OrderKind.Full, _made, new DateOnly(2027, 3, 9));

        // Act
        order.Renew(DurationType.FixedPeriod, new DateOnly(2029, 3, 9), new DateOnly(2027, 1, 10), "Risk continues: contact attempts via third parties",
            new DateOnly(2027, 2, 20));

        // Assert
        Assert.Equal(new DateOnly(2029, 3, 9), order.LastInForceDay);
        Assert.Equal(OrderStatus.InForce, order.StatusOn(new DateOnly(2028, 1, 1)));
    }

    [Fact]
    public void R21_RenewalWithoutNecessityRationale_IsRejected()
    {
        // Arrange
        var (order, _) = TestData.NewOrder(OrderKind.Full, _made, new DateOnly(2027, 3, 9));

        // Act
        var ex = Record.Exception(() => order.Renew(DurationType.UntilFurtherOrder, null, new DateOnly(2027, 1, 10), "", new DateOnly(2027, 2, 20)));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R21");
    }

    [Fact]
    public void R21_VariationAddingConditionsWithoutRationale_IsRejected()
    {
        // Arrange
        var (order, parts) = TestData.NewOrder(OrderKind.Full, _made, duration: DurationType.UntilFurtherOrder);

        // Act
        var ex = Record.Exception(() => order.Vary([Draft(parts.Victim.Id), Draft(parts.Victim.Id) with { Category = ConditionCategory.OnlineOrSocialMedia }],
            _made.AddDays(30), true, null, parts.ProtectedPersonIds, null, TestData.NoonOn(_made.AddDays(30)), out _));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R21" && v.Field == "necessityRationale");
    }

    [Fact]
    public void R21_Variation_CreatesNewVersionEffectiveFromItsDate()
    {
        // Arrange
        var (order, parts) = TestData.NewOrder(OrderKind.Full, _made, duration: DurationType.UntilFurtherOrder);
        var original = order.CurrentConditionSet.Conditions[0];

        // Act
        var set = order.Vary([Draft(parts.Victim.Id) with { Wording = "Must not contact her or her sister." }], _made.AddDays(30), true,
            "Has started contacting her sister", parts.ProtectedPersonIds, null, TestData.NoonOn(_made.AddDays(30)), out _);

        // Assert
        Assert.Equal(2, set.Number);
        Assert.Equal(original.Id, Assert.Single(order.ConditionsInForceOn(_made.AddDays(29))).Id);
        Assert.Equal("Must not contact her or her sister.", Assert.Single(order.ConditionsInForceOn(_made.AddDays(30))).Wording);
        Assert.Equal((_made, _made.AddDays(29)), order.InForceWindowOf(original));
    }

    [Fact]
    public void R43_CourtOnConvictionBeforeCommencementIsConfigured_IsRejected()
    {
        // Act
        var ex = MakeExpectingFailure(OrderKind.Full, _made, null, duration: DurationType.UntilFurtherOrder, origin: OrderOrigin.CourtOnConviction, withApplication: false);

        // Assert
        Assert.Contains(ex.Violations, v => v.RuleId == "R43" && v.Field == "origin");
    }

    [Fact]
    public void R43_CourtOnAcquittalAfterCommencement_IsAcceptedWithoutApplication()
    {
        // Arrange
        var parts = TestData.NewOrderParts();
        var made = new DateOnly(2026, 12, 1);

        // Act
        var order = StalkingProtectionOrder.Make(parts.Victim.CaseId, parts.Respondent.Id, null,
            TestData.Terms(OrderKind.Full, made, null, [Draft(parts.Victim.Id)], DurationType.UntilFurtherOrder, OrderOrigin.CourtOnAcquittal),
            new OrderContext(null, [], false, new DateOnly(2026, 11, 1)), parts.ProtectedPersonIds, null, TestData.NoonOn(made), out _);

        // Assert
        Assert.Equal(OrderOrigin.CourtOnAcquittal, order.Origin);
        Assert.Null(order.ApplicationId);
    }

    [Fact]
    public void R43_YouthCourtOriginForMagistratesApplication_IsRejected()
    {
        // Act
        var ex = MakeExpectingFailure(OrderKind.Full, _made, null, duration: DurationType.UntilFurtherOrder, origin: OrderOrigin.PoliceApplicationYouthCourt);

        // Assert
        Assert.Contains(ex.Violations, v => v.RuleId == "R43");
    }

    [Fact]
    public void R43_OriginValues_AreTheFiveEnumeratedOrigins()
    {
        // Act
        var origins = Enum.GetValues<OrderOrigin>();

        // Assert
        Assert.Equal(5, origins.Length);
        Assert.Contains(OrderOrigin.CrownCourtOnAppeal, origins);
    }

    [Fact]
    public void StatusOn_BeforeMadeAndAfterQuash_AreNotInForce()
    {
        // Arrange
        var (order, _) = TestData.NewOrder(OrderKind.Full, _made, duration: DurationType.UntilFurtherOrder);

        // Act
        order.Quash(_made.AddDays(60), TestData.NoonOn(_made.AddDays(60)));

        // Assert
        Assert.Equal(OrderStatus.NotYetMade, order.StatusOn(_made.AddDays(-1)));
        Assert.Equal(OrderStatus.InForce, order.StatusOn(_made.AddDays(59)));
        Assert.Equal(OrderStatus.Quashed, order.StatusOn(_made.AddDays(60)));
    }

    [Fact]
    public void R42_RecordPncEntry_WithoutReference_IsRejected()
    {
        // Arrange
        var (order, _) = TestData.NewOrder(OrderKind.Full, _made, duration: DurationType.UntilFurtherOrder);

        // Act
        var ex = Record.Exception(() => order.RecordPncEntry(" "));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R42");
    }

    [Fact]
    public void R18_InterimOrderOnFullApplication_IsRejected()
    {
        // Arrange
        var parts = TestData.NewOrderParts(OrderKind.Full);

        // Act
        var ex = Record.Exception(() => StalkingProtectionOrder.Make(parts.Victim.CaseId, parts.Respondent.Id, parts.Application,
            TestData.Terms(OrderKind.Interim, _made, _made.AddDays(20), [Draft(parts.Victim.Id)]), TestData.NoOtherOrders, parts.ProtectedPersonIds, null,
            TestData.NoonOn(_made), out _));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R18");
    }

    [Fact]
    public void R20_ApplicantPartyCheck_DefendantAlwaysMayApply()
    {
        // Act
        var check = RelevantChiefOfficer.Check(ApplicantParty.Defendant, null, []);

        // Assert
        Assert.Empty(check.Violations);
    }
}
