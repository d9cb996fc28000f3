using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Rules;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Cases;

public class CaseServiceTests
{
    private static readonly DateOnly _today = new(2026, 3, 2);

    [Fact]
    public async Task R39_RecordSpoDecisionAsync_KeepsRationaleInDecisionAndAudit()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();
        const string rationale = "Victim does not support prosecution; an SPO complements the investigation.";

        // Act
        var id = (await testData.WithServicesAsync(_today, s => s.Cases.RecordSpoDecisionAsync(
            new RecordSpoDecisionOptions(created.CaseId, SpoDecisionOutcome.Apply, rationale, "DI Jones", null), TestData.Officer))).DecisionId;

        // Assert
        await using var ctx = db.CreateContext();
        var decision = await ctx.SpoDecisions.SingleAsync(d => d.Id == id);
        Assert.Equal(TestData.Officer.Name, decision.DecidedBy);
        Assert.Equal(_today, decision.DecidedOn);
        var entry = await ctx.AuditEntries.SingleAsync(a => a.Action == "SpoDecision.Recorded");
        Assert.Equal(rationale, entry.Justification);
        Assert.Equal(AuditKind.Collection, entry.Kind);
    }

    [Fact]
    public async Task R39_RecordSpoDecisionAsyncWithoutRationale_SavesNothing()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();

        // Act
        var ex = await Record.ExceptionAsync(() => testData.WithServicesAsync(_today, s => s.Cases.RecordSpoDecisionAsync(
            new RecordSpoDecisionOptions(created.CaseId, SpoDecisionOutcome.DoNotApply, "", null, null), TestData.Officer)));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R39");
        await using var ctx = db.CreateContext();
        Assert.False(await ctx.SpoDecisions.AnyAsync());
        Assert.False(await ctx.AuditEntries.AnyAsync(a => a.Action == "SpoDecision.Recorded"));
    }

    [Fact]
    public async Task R5_RecordActAsyncAbroadBeforeCommencement_IsStored()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();
        var occurred = TestData.NoonOn(new DateOnly(2019, 8, 1));

        // Act
        var id = (await testData.WithServicesAsync(_today, s => s.Cases.RecordActAsync(new RecordActOptions(created.CaseId, occurred, occurred.AddDays(14), "France",
            "Paris", ActCategory.Following, null, ActChannel.InPerson, created.VictimId, "Followed her on holiday"), TestData.Officer))).RecordId;

        // Assert
        await using var ctx = db.CreateContext();
        var act = await ctx.StalkingActs.SingleAsync(a => a.Id == id);
        Assert.Equal("France", act.LocationCountry);
        Assert.Equal(occurred, act.OccurredFrom);
    }

    [Fact]
    public async Task R4_CaseWithProxyProtectedPerson_ApplicationNamesBothProtectedPersons()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);

        // Act
        var application = await testData.CreateApplicationAsync(a => a.WithCase(c => c.WithProxyProtectedPerson()));

        // Assert
        await using var ctx = db.CreateContext();
        var saved = await ctx.Applications.SingleAsync(a => a.Id == application.ApplicationId);
        Assert.Equal(2, saved.ProtectedPersons.Count);
        var proxyId = application.Case.ProtectedPersonIds[1];
        Assert.False(await ctx.StalkingActs.AnyAsync(a => a.TargetVictimId == proxyId));
    }

    [Fact]
    public async Task RecordFourAssessmentAsync_StaleVersion_ThrowsConcurrencyException()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();
        long read;
        await using (var ctx = db.CreateContext())
        {
            read = (await ctx.Cases.SingleAsync(c => c.Id == created.CaseId)).Version;
        }

        await testData.WithServicesAsync(_today, s => s.Cases.RecordFourAssessmentAsync(new RecordFourAssessmentOptions(created.CaseId, true, true, true, true, read), TestData.Officer));

        // Act
        var ex = await Record.ExceptionAsync(() => testData.WithServicesAsync(_today, s =>
            s.Cases.RecordFourAssessmentAsync(new RecordFourAssessmentOptions(created.CaseId, true, false, true, true, read), TestData.Officer)));

        // Assert
        Assert.IsType<DbUpdateConcurrencyException>(ex);
        await using var check = db.CreateContext();
        Assert.True((await check.Cases.SingleAsync(c => c.Id == created.CaseId)).Four!.IndicatesStalking);
    }
}
