using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Rules;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Applications;

public class ApplicationServiceTests
{
    [Fact]
    public async Task R7_SubmitAsyncForSeventeenYearOld_GoesToYouthCourtAndStaysThereAfterEighteenthBirthday()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);

        // Act
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 3, 2)).UntilFurtherOrder()
            .WithCase(c => c.RespondentBornOn(new DateOnly(2008, 3, 1))));

        // Assert
        await using var ctx = db.CreateContext();
        var application = await ctx.Applications.SingleAsync(a => a.Id == order.Application.ApplicationId);
        var saved = await ctx.Orders.SingleAsync(o => o.Id == order.OrderId);
        Assert.Equal(new DateOnly(2026, 2, 28), application.LodgedOn);
        Assert.Equal(CourtVenue.YouthCourt, application.Venue);
        Assert.Equal(Core.Rules.OrderOrigin.PoliceApplicationYouthCourt, saved.Origin);
    }

    [Fact]
    public async Task R3_SubmitAsyncWithMissingEvidence_SavesNothingAndAuditsNothing()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();
        var id = await testData.WithServicesAsync(new DateOnly(2026, 1, 10), async s => (await s.Applications.CreateAsync(new CreateApplicationOptions(created.CaseId,
            ApplicationType.Full, PoliceForce.WestYorkshire, CourtVenue.MagistratesCourt, "Leeds Magistrates' Court", null, JurisdictionBasis.ResidesInArea,
            "Lives in Leeds", created.ProtectedPersonIds), TestData.Officer)).ApplicationId);
        await testData.WithServicesAsync(new DateOnly(2026, 1, 10), s => s.Applications.AuthoriseAsync(new AuthoriseApplicationOptions(id), TestData.Coordinator));

        // Act
        var ex = await Record.ExceptionAsync(() => testData.WithServicesAsync(new DateOnly(2026, 1, 10), s => s.Applications.SubmitAsync(new SubmitApplicationOptions(id), TestData.Officer)));

        // Assert
        Assert.Equal(3, Assert.IsType<RuleViolationException>(ex).Violations.Count(v => v.RuleId == "R3"));
        await using var ctx = db.CreateContext();
        Assert.Equal(ApplicationStatus.Draft, (await ctx.Applications.SingleAsync(a => a.Id == id)).Status);
        Assert.False(await ctx.AuditEntries.AnyAsync(a => a.Action == "Application.Submitted"));
    }

    [Fact]
    public async Task R18_CreateAsyncInterimByAnotherForce_IsBlocked()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var main = await testData.CreateApplicationAsync();

        // Act
        var ex = await Record.ExceptionAsync(() => testData.WithServicesAsync(new DateOnly(2026, 1, 20), async s => (await s.Applications.CreateAsync(new CreateApplicationOptions(
            main.Case.CaseId, ApplicationType.Interim, PoliceForce.Humberside, CourtVenue.MagistratesCourt, "Hull Magistrates' Court", main.ApplicationId), TestData.Officer)).ApplicationId));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R18" && v.Field == "applicantForce");
    }

    [Fact]
    public async Task AuthoriseAsync_ByCoordinator_IsAuditedWithWhoAuthorised()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);

        // Act
        var application = await testData.CreateApplicationAsync();

        // Assert
        await using var ctx = db.CreateContext();
        var saved = await ctx.Applications.SingleAsync(a => a.Id == application.ApplicationId);
        Assert.Equal(TestData.Coordinator.Name, saved.AuthorisedBy);
        var entry = await ctx.AuditEntries.SingleAsync(a => a.Action == "Application.Authorised");
        Assert.Equal(TestData.Coordinator.Id, entry.ActorId);
    }
}

public class AuthorisationWithdrawalTests
{
    [Fact]
    public async Task Authorisation_EvidenceAddedAfterAuthorising_WithdrawsItAuditedAndSendsTheApplicationBackToTheCoordinators()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var application = await testData.CreateApplicationAsync(a => a.Draft());
        var today = application.Case.ReportedOn.AddDays(8);
        await testData.WithServicesAsync(today, s => s.Applications.AskForAuthorisationAsync(new AuthoriseApplicationOptions(application.ApplicationId), TestData.Officer));
        await testData.WithServicesAsync(today, s => s.Applications.AuthoriseAsync(new AuthoriseApplicationOptions(application.ApplicationId), TestData.Coordinator));

        // Act
        await testData.WithServicesAsync(today.AddDays(1), s => s.Applications.AddEvidenceAsync(new AddEvidenceOptions(application.ApplicationId,
            new EvidenceLink(Limb.ActsAssociatedWithStalking, EvidenceKind.Document, null, "A further message found on her phone")), TestData.Officer));

        // Assert
        await using var ctx = db.CreateContext();
        var saved = await ctx.Applications.SingleAsync(a => a.Id == application.ApplicationId);
        Assert.Null(saved.AuthorisedAt);
        Assert.Equal("Awaiting authorisation", saved.StageText);
        Assert.Equal(TestData.NoonOn(today.AddDays(1)), saved.AwaitingAuthorisationSince);
        var entry = await ctx.AuditEntries.SingleAsync(a => a.Action == "Application.AuthorisationWithdrawn");
        Assert.Equal(TestData.Officer.Id, entry.ActorId);
        Assert.Contains(TestData.Coordinator.Name, entry.Justification, StringComparison.Ordinal);
        var lodge = await Record.ExceptionAsync(() => testData.WithServicesAsync(today.AddDays(1),
            s => s.Applications.SubmitAsync(new SubmitApplicationOptions(application.ApplicationId), TestData.Officer)));
        Assert.Contains(Assert.IsType<RuleViolationException>(lodge).Violations, v => v.RuleId == "Authorisation");
    }

    [Fact]
    public async Task Authorisation_ChangeBeforeAuthorising_LeavesTheQueueAsItWasAndAuditsNoWithdrawal()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var application = await testData.CreateApplicationAsync(a => a.Draft());
        var today = application.Case.ReportedOn.AddDays(8);

        // Act
        await testData.WithServicesAsync(today, s => s.Applications.ChooseCourtAsync(new ChooseCourtOptions(application.ApplicationId,
            CourtVenue.MagistratesCourt, "Bradford Magistrates' Court"), TestData.Officer));

        // Assert
        await using var ctx = db.CreateContext();
        var saved = await ctx.Applications.SingleAsync(a => a.Id == application.ApplicationId);
        Assert.Equal("Draft", saved.StageText);
        Assert.Null(saved.AwaitingAuthorisationSince);
        Assert.False(await ctx.AuditEntries.AnyAsync(a => a.Action == "Application.AuthorisationWithdrawn"));
    }
}
