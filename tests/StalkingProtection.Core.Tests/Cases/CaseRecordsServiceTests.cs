using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Cases;

/// <summary>Multi-agency referrals, Right to Know decisions and the respondent's other orders (spo-rules.md §11).</summary>
public class CaseRecordsServiceTests
{
    private static readonly DateOnly _today = new(2026, 3, 2);

    [Fact]
    public async Task RecordReferralAsync_ToMaracForAnOrder_KeepsTheReferralAndItsOutcome()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)));

        // Act
        var id = (await testData.WithServicesAsync(_today, s => s.Cases.RecordReferralAsync(new RecordReferralOptions(order.Case.CaseId, order.OrderId,
            ReferralForum.Marac, null, _today, "DC Priya Shah", "High risk DASH with threats to kill"), TestData.Officer))).RecordId;
        await testData.WithServicesAsync(_today.AddDays(7), s => s.Cases.RecordReferralOutcomeAsync(
            new RecordReferralOutcomeOptions(id, "Discussed at MARAC; IDVA allocated", _today.AddDays(6)), TestData.Officer));

        // Assert
        await using var ctx = db.CreateContext();
        var referral = await ctx.MultiAgencyReferrals.SingleAsync(r => r.Id == id);
        Assert.Equal((ReferralForum.Marac, order.OrderId, _today.AddDays(6)), (referral.Forum, referral.OrderId, referral.OutcomeOn!.Value));
        Assert.True(await ctx.AuditEntries.AnyAsync(a => a.Action == "Referral.Recorded" && a.RecordId == id.ToString() && a.Kind == AuditKind.Collection));
    }

    [Fact]
    public async Task RecordReferralAsync_OtherForumWithoutNameOrOutcomeBeforeReferral_IsRefused()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();
        var id = (await testData.WithServicesAsync(_today, s => s.Cases.RecordReferralAsync(new RecordReferralOptions(created.CaseId, null,
            ReferralForum.YouthOffendingTeam, null, _today, "DC Priya Shah", "The respondent is 16"), TestData.Officer))).RecordId;

        // Act
        var unnamed = await Record.ExceptionAsync(() => testData.WithServicesAsync(_today, s => s.Cases.RecordReferralAsync(new RecordReferralOptions(
            created.CaseId, null, ReferralForum.Other, " ", _today, "DC Priya Shah", "Local stalking panel"), TestData.Officer)));
        var early = await Record.ExceptionAsync(() => testData.WithServicesAsync(_today, s => s.Cases.RecordReferralOutcomeAsync(
            new RecordReferralOutcomeOptions(id, "Accepted", _today.AddDays(-1)), TestData.Officer)));

        // Assert
        Assert.Equal("otherForum", Assert.Single(Assert.IsType<RuleViolationException>(unnamed).Violations).Field);
        Assert.Equal("outcomeOn", Assert.Single(Assert.IsType<RuleViolationException>(early).Violations).Field);
    }

    [Fact]
    public async Task R39_RightToKnowWithoutRationale_IsRefusedAndNothingSaved()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();

        // Act
        var ex = await Record.ExceptionAsync(() => testData.WithServicesAsync(_today, s => s.Cases.RecordRightToKnowAsync(new RecordRightToKnowOptions(
            created.CaseId, created.VictimId, DisclosureDecision.DoNotDisclose, null, _today, "DI Morgan Lead", "No.", null), TestData.Officer)));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R39" && v.Field == "rationale");
        await using var ctx = db.CreateContext();
        Assert.False(await ctx.RightToKnowDisclosures.AnyAsync());
    }

    [Fact]
    public async Task R39_RightToKnowDisclose_IsAuditedAsADisclosureOfTheRespondentsIdentity()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();

        // Act
        var id = (await testData.WithServicesAsync(_today, s => s.Cases.RecordRightToKnowAsync(new RecordRightToKnowOptions(created.CaseId, created.VictimId,
            DisclosureDecision.Disclose, null, _today, "DI Morgan Lead", "The victim needs to know who is behind the accounts to keep safe.", _today),
            TestData.Officer))).RecordId;

        // Assert
        await using var ctx = db.CreateContext();
        var disclosure = await ctx.RightToKnowDisclosures.SingleAsync(d => d.Id == id);
        Assert.Equal((created.RespondentId, RightToKnowDisclosure.DefaultInformation), (disclosure.RespondentId, disclosure.InformationDisclosed));
        var entry = await ctx.AuditEntries.SingleAsync(a => a.Kind == AuditKind.Disclosure);
        Assert.Equal((nameof(Respondent), created.RespondentId.ToString()), (entry.RecordType, entry.RecordId));
        Assert.Contains("keep safe", entry.Justification!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R39_RightToKnowNotDisclosed_KeepsTheRationaleAndLogsNoDisclosure()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();

        // Act
        var ex = await Record.ExceptionAsync(() => testData.WithServicesAsync(_today, s => s.Cases.RecordRightToKnowAsync(new RecordRightToKnowOptions(
            created.CaseId, created.VictimId, DisclosureDecision.DoNotDisclose, null, _today, "DI Morgan Lead",
            "Disclosure now would prejudice the investigation.", _today), TestData.Officer)));
        await testData.WithServicesAsync(_today, s => s.Cases.RecordRightToKnowAsync(new RecordRightToKnowOptions(created.CaseId, created.VictimId,
            DisclosureDecision.DoNotDisclose, null, _today, "DI Morgan Lead", "Disclosure now would prejudice the investigation.", null), TestData.Officer));

        // Assert
        Assert.Equal("disclosedOn", Assert.Single(Assert.IsType<RuleViolationException>(ex).Violations).Field);
        await using var ctx = db.CreateContext();
        Assert.Contains("prejudice", (await ctx.RightToKnowDisclosures.SingleAsync()).Rationale, StringComparison.Ordinal);
        Assert.False(await ctx.AuditEntries.AnyAsync(a => a.Kind == AuditKind.Disclosure));
    }

    [Fact]
    public async Task RecordOtherOrderAsync_NonMolestationOrderUntilFurtherOrder_IsKept()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();

        // Act
        var id = (await testData.WithServicesAsync(_today, s => s.Cases.RecordOtherOrderAsync(new RecordOtherOrderOptions(created.RespondentId,
            OtherOrderType.NonMolestationOrder, null, "Leeds Family Court", new DateOnly(2025, 6, 1), true, null, "FL401/25/123", null), TestData.Officer))).RecordId;

        // Assert
        await using var ctx = db.CreateContext();
        Assert.True((await ctx.RespondentOtherOrders.SingleAsync(o => o.Id == id)).IsInForceOn(_today));
    }

    [Fact]
    public async Task RecordOtherOrderAsync_NeitherLastDayNorUntilFurtherOrder_IsRefused()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();

        // Act
        var ex = await Record.ExceptionAsync(() => testData.WithServicesAsync(_today, s => s.Cases.RecordOtherOrderAsync(new RecordOtherOrderOptions(
            created.RespondentId, OtherOrderType.RestrainingOrder, null, "Leeds Crown Court", new DateOnly(2025, 6, 1), false, null, null, null), TestData.Officer)));

        // Assert
        Assert.Equal("endsOn", Assert.Single(Assert.IsType<RuleViolationException>(ex).Violations).Field);
    }
}
