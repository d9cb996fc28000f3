using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Applications;

public class ProposedConditionServiceTests
{
    private static readonly DateOnly _today = new(2026, 11, 28);

    private static ProposedConditionDetails Distance(Guid victimId, string metres = "100") =>
        new(TestData.NoContact([victimId]), "no-approach-distance", new Dictionary<string, string> { ["distance"] = metres, ["person"] = "Jane Smith" });

    [Fact]
    public async Task ProposeChangeAndRemove_AreSavedAndEachIsAudited()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var application = await testData.CreateApplicationAsync(a => a.Draft());
        var victimId = application.Case.ProtectedPersonIds[0];

        // Act
        var id = (await testData.WithServicesAsync(_today, s => s.Applications.ProposeConditionAsync(
            new ProposeConditionOptions(application.ApplicationId, Distance(victimId)), TestData.Officer))).ProposedConditionId!.Value;
        await testData.WithServicesAsync(_today, s => s.Applications.ChangeProposedConditionAsync(
            new ChangeProposedConditionOptions(application.ApplicationId, id, Distance(victimId, "250")), TestData.Officer));
        await using (var ctx = db.CreateContext())
        {
            var saved = Assert.Single((await ctx.Applications.SingleAsync(a => a.Id == application.ApplicationId)).ProposedConditions);
            Assert.Equal(id, saved.Id);
            Assert.Equal("Not to come within 250 metres of Jane Smith.", saved.Wording);
            Assert.Equal("250", saved.Parameters["distance"]);
            Assert.Equal([victimId], saved.ProtectedPersonIds);
        }

        await testData.WithServicesAsync(_today, s => s.Applications.RemoveProposedConditionAsync(
            new RemoveProposedConditionOptions(application.ApplicationId, id), TestData.Officer));

        // Assert
        await using var after = db.CreateContext();
        Assert.Empty((await after.Applications.SingleAsync(a => a.Id == application.ApplicationId)).ProposedConditions);
        var key = application.ApplicationId.ToString();
        var actions = await after.AuditEntries.Where(e => e.RecordId == key && e.Action.Contains("Condition")).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal(["Application.ConditionProposed", "Application.ProposedConditionChanged", "Application.ProposedConditionRemoved"], actions);
        var changed = await after.AuditEntries.SingleAsync(e => e.RecordId == key && e.Action == "Application.ProposedConditionChanged");
        Assert.Contains("100 metres", changed.OldValues!, StringComparison.Ordinal);
        Assert.Contains("250 metres", changed.NewValues!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R9_ProposeWithOverride_AuditsTheReason()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var application = await testData.CreateApplicationAsync(a => a.Draft());
        var details = Distance(application.Case.ProtectedPersonIds[0]);
        details = details with { Draft = details.Draft with { ConflictFound = true } };

        // Act
        await testData.WithServicesAsync(_today, s => s.Applications.ProposeConditionAsync(
            new ProposeConditionOptions(application.ApplicationId, details, TestData.OfficerOverride("His gym is inside the distance; the court will weigh it")), TestData.Officer));

        // Assert
        await using var ctx = db.CreateContext();
        var entry = await ctx.AuditEntries.SingleAsync(e => e.Action == "Application.ConditionProposed");
        Assert.Contains("R9", entry.Justification!, StringComparison.Ordinal);
        Assert.Contains("His gym is inside the distance", entry.Justification!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProposeOnSubmittedApplication_IsRefusedAndSavesNothing()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var application = await testData.CreateApplicationAsync();

        // Act
        var ex = await Record.ExceptionAsync(() => testData.WithServicesAsync(_today, s => s.Applications.ProposeConditionAsync(
            new ProposeConditionOptions(application.ApplicationId, Distance(application.Case.ProtectedPersonIds[0])), TestData.Officer)));

        // Assert
        Assert.Equal("Status", Assert.Single(Assert.IsType<RuleViolationException>(ex).Violations).RuleId);
        await using var ctx = db.CreateContext();
        Assert.False(await ctx.Set<ProposedCondition>().AnyAsync());
        Assert.False(await ctx.AuditEntries.AnyAsync(e => e.Action == "Application.ConditionProposed"));
    }

    [Fact]
    public async Task RL4_ProposeWithStaleVersion_IsAConflict()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var application = await testData.CreateApplicationAsync(a => a.Draft());
        var victimId = application.Case.ProtectedPersonIds[0];
        long stale;
        await using (var ctx = db.CreateContext())
        {
            stale = (await ctx.Applications.SingleAsync(a => a.Id == application.ApplicationId)).Version;
        }

        await testData.WithServicesAsync(_today, s => s.Applications.ProposeConditionAsync(new ProposeConditionOptions(application.ApplicationId, Distance(victimId)), TestData.Officer));

        // Act
        var ex = await Record.ExceptionAsync(() => testData.WithServicesAsync(_today, s => s.Applications.ProposeConditionAsync(
            new ProposeConditionOptions(application.ApplicationId, Distance(victimId, "300"), null, stale), TestData.Officer)));

        // Assert
        Assert.IsType<DbUpdateConcurrencyException>(ex);
        await using var after = db.CreateContext();
        Assert.Single((await after.Applications.SingleAsync(a => a.Id == application.ApplicationId)).ProposedConditions);
    }

    [Fact]
    public async Task R10_ExclusionZoneWithPolygon_IsStoredAndCarriedToTheOrderDraft()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var application = await testData.CreateApplicationAsync(a => a.Draft());
        const string polygon = """{"type":"Polygon","coordinates":[[[-1.55,53.80],[-1.54,53.80],[-1.54,53.81],[-1.55,53.80]]]}""";

        // Act
        await testData.WithServicesAsync(_today, s => s.Applications.ProposeConditionAsync(new ProposeConditionOptions(application.ApplicationId,
            new(TestData.NoContact(application.Case.ProtectedPersonIds) with { LocalityPolygon = polygon }, "exclusion-zone",
                new Dictionary<string, string> { ["area"] = "Park Road, Leeds", ["mapReference"] = "exhibit AB/1" })), TestData.Officer));

        // Assert
        await using var ctx = db.CreateContext();
        var draft = Assert.Single((await ctx.Applications.SingleAsync(a => a.Id == application.ApplicationId)).ProposedConditions).ToDraft();
        Assert.Equal(ConditionScope.Locality, draft.Scope);
        Assert.Equal("exhibit AB/1", draft.MapReference);
        Assert.Equal(polygon, draft.LocalityPolygon);
    }
}
