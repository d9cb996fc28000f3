using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Breaches;

/// <summary>What followed a breach (spo-rules.md §10.8 item 11), and the R38 standard of proof on a hearing.</summary>
public class BreachProgressTests
{
    private static readonly DateOnly _made = new(2026, 2, 2);

    [Fact]
    public async Task R37_RecordProgressAsync_ArrestChargePleaConvictionAndVictimTold_AreKept()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var (order, breachId) = await BreachAsync(testData);
        var arrested = TestData.NoonOn(_made.AddDays(11));

        // Act
        await testData.WithServicesAsync(_made.AddDays(40), s => s.Breaches.RecordProgressAsync(new RecordBreachProgressOptions(breachId, new BreachProgress(
            "13/999/26", arrested, arrested.AddHours(6), BreachPlea.Guilty, _made.AddDays(30), BreachOutcome.Convicted, _made.AddDays(30), "12 weeks' custody",
            arrested.AddHours(7), null), 1), TestData.Officer));

        // Assert
        await using var ctx = db.CreateContext();
        var breach = await ctx.Breaches.SingleAsync(b => b.Id == breachId);
        Assert.Equal((BreachPlea.Guilty, BreachOutcome.Convicted, "12 weeks' custody"), (breach.Plea!.Value, breach.Outcome, breach.Sentence));
        Assert.Equal(arrested.AddHours(7), breach.VictimInformedAt);
        Assert.True(await ctx.AuditEntries.AnyAsync(a => a.Action == "Breach.ProgressRecorded" && a.RecordId == breachId.ToString()));
        Assert.NotEqual(Guid.Empty, order);
    }

    [Fact]
    public async Task R37_RecordProgressAsync_ConvictedWithoutDate_IsRefusedNamingR37()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var (_, breachId) = await BreachAsync(testData);

        // Act
        var ex = await Record.ExceptionAsync(() => testData.WithServicesAsync(_made.AddDays(40), s => s.Breaches.RecordProgressAsync(
            new RecordBreachProgressOptions(breachId, new BreachProgress(null, null, null, null, null, BreachOutcome.Convicted, null, null, null, null)),
            TestData.Officer)));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R37" && v.Field == "convictedOn");
    }

    [Fact]
    public async Task R41_RecordProgressAsync_VictimToldBeforeTheIncidentOrPleaWithoutCharge_IsRefusedAndNothingSaved()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var (_, breachId) = await BreachAsync(testData);

        // Act
        var ex = await Record.ExceptionAsync(() => testData.WithServicesAsync(_made.AddDays(40), s => s.Breaches.RecordProgressAsync(
            new RecordBreachProgressOptions(breachId, new BreachProgress(null, null, null, BreachPlea.NotGuilty, _made.AddDays(20), BreachOutcome.UnderInvestigation,
                null, null, TestData.NoonOn(_made), null)), TestData.Officer)));

        // Assert
        var violations = Assert.IsType<RuleViolationException>(ex).Violations;
        Assert.Contains(violations, v => v.RuleId == "R41" && v.Field == "victimInformedAt");
        Assert.Contains(violations, v => v.Field == "plea");
        await using var ctx = db.CreateContext();
        Assert.Null((await ctx.Breaches.SingleAsync(b => b.Id == breachId)).Plea);
    }

    [Fact]
    public async Task R38_RecordStandardOfProofAsync_KeepsTheStandardArguedAndFound()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var application = await testData.CreateApplicationAsync();
        var hearingId = await testData.WithServicesAsync(_made, async s => (await s.Hearings.ListHearingAsync(
            new ListHearingOptions(application.ApplicationId, TestData.NoonOn(_made.AddDays(7)), "Leeds Magistrates' Court"), TestData.Officer)).HearingId);

        // Act
        await testData.WithServicesAsync(_made.AddDays(7), s => s.Hearings.RecordStandardOfProofAsync(
            new RecordStandardOfProofOptions(hearingId, StandardOfProof.Civil, StandardOfProof.Criminal, 1), TestData.Officer));

        // Assert
        await using var ctx = db.CreateContext();
        var hearing = await ctx.Hearings.SingleAsync(h => h.Id == hearingId);
        Assert.Equal((StandardOfProof.Civil, StandardOfProof.Criminal), (hearing.StandardArgued, hearing.StandardFound));
        Assert.True(await ctx.AuditEntries.AnyAsync(a => a.Action == "Hearing.StandardOfProofRecorded" && a.RecordId == hearingId.ToString()));
    }

    private static async Task<(Guid OrderId, Guid BreachId)> BreachAsync(TestData testData)
    {
        var order = await testData.CreateOrderAsync(o => o.MadeOn(_made).ServedOn(_made));
        var breachId = await testData.WithServicesAsync(_made.AddDays(10), async s => (await s.Breaches.RecordBreachAsync(new RecordBreachOptions(order.OrderId,
            order.ConditionIds[0], LondonTime.ToUtc(_made.AddDays(10), new TimeOnly(9, 0)), null, "Messaged her"), TestData.Officer)).BreachId);
        return (order.OrderId, breachId);
    }
}
