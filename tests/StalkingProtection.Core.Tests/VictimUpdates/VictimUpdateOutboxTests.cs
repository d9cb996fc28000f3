using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Core.VictimUpdates;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.VictimUpdates;

public class VictimUpdateOutboxTests
{
    internal const string CanaryAddress = "CANARY-51c2 Flat 9, Hidden Lane";
    internal const string CanaryPhone = "07700 900456";
    internal const string CanaryEmail = "canary.hidden@example.org";

    private static readonly DateOnly _lodged = new(2026, 2, 2);
    private static readonly IDataProtectionProvider _protection = new EphemeralDataProtectionProvider();

    internal static readonly SafeTimeWindow AlwaysDaytime = new(SafeDays.Every, new TimeOnly(8, 0), new TimeOnly(20, 0));

    internal static async Task SetUpVictimAsync(TestData testData, Guid victimId, DateOnly on, VictimUpdateEvent events, bool doNotContact = false,
        VictimUpdateChannel channel = VictimUpdateChannel.Sms, IDataProtectionProvider? protection = null)
    {
        protection ??= _protection;
        await testData.WithServicesAsync(on, s => s.VictimContact(protection)
            .SetAsync(new SetVictimContactOptions(victimId, new VictimContact(CanaryPhone, CanaryEmail, CanaryAddress, "Weekday mornings", false)), TestData.Officer));
        await testData.WithServicesAsync(on, s => Updates(s, protection)
            .SetPreferencesAsync(new SetVictimUpdatePreferencesOptions(victimId, doNotContact, events, channel, AlwaysDaytime), TestData.Officer));
    }

    internal static VictimUpdateService Updates(TestData.Services s, IDataProtectionProvider protection) =>
        new(s.Context, s.Clock, s.Audit, s.VictimContact(protection));

    private static async Task<CreatedOrder> JourneyToABreachOutcomeAsync(TestData testData, CreatedCase created)
    {
        var application = await testData.CreateApplicationAsync(a => a.ForCase(created).Lodged(_lodged));
        var madeOn = _lodged.AddDays(14);
        await testData.WithServicesAsync(_lodged.AddDays(1), async s => (await s.Hearings.ListHearingAsync(
            new ListHearingOptions(application.ApplicationId, LondonTime.ToUtc(madeOn, new TimeOnly(10, 0)), "Leeds Magistrates' Court"), TestData.Officer)).HearingId);
        var terms = new OrderTerms(OrderKind.Full, OrderOrigin.PoliceApplicationMagistrates, "Leeds Magistrates' Court", PoliceForce.WestYorkshire, madeOn,
            DurationType.FixedPeriod, StatutoryDates.MinimumLastDay(madeOn), [TestData.NoContact(created.ProtectedPersonIds)]);
        var orderId = (await testData.WithServicesAsync(madeOn, s => s.Orders.RecordOrderAsync(
            new RecordOrderOptions(created.CaseId, application.ApplicationId, terms, NoIncompatibilityAttested: true), TestData.Officer))).OrderId;
        var servedOn = madeOn.AddDays(1);
        await testData.WithServicesAsync(servedOn, s => s.Orders.RecordServiceAsync(
            new RecordServiceOptions(orderId, LondonTime.ToUtc(servedOn, new TimeOnly(10, 0)), ServiceMethod.Personal, "PC Server"), TestData.Officer));
        var conditionId = await testData.WithServicesAsync(servedOn, s => Task.FromResult(
            s.Context.Orders.Single(o => o.Id == orderId).ConditionSets.SelectMany(x => x.Conditions).OrderBy(c => c.Sequence).First().Id));
        var breachOn = servedOn.AddDays(5);
        var breachId = await testData.WithServicesAsync(breachOn, async s => (await s.Breaches.RecordBreachAsync(
            new RecordBreachOptions(orderId, conditionId, LondonTime.ToUtc(breachOn, new TimeOnly(9, 0)), null, "He phoned her twice"), TestData.Officer)).BreachId);
        await testData.WithServicesAsync(breachOn.AddDays(3), s => s.Breaches.RecordOutcomeAsync(
            new RecordBreachOutcomeOptions(breachId, BreachOutcome.Charged, null, null), TestData.Officer));
        return new CreatedOrder(application, orderId, [conditionId], null, madeOn);
    }

    [Fact]
    public async Task R41_EachOptedInEvent_WritesExactlyOneMessageWithTheEvent()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync(c => c.Reported(_lodged.AddDays(-7)));
        await SetUpVictimAsync(testData, created.VictimId, _lodged.AddDays(-1), (VictimUpdateEvent)0x7FF);

        // Act
        var order = await JourneyToABreachOutcomeAsync(testData, created);

        // Assert
        await using var ctx = db.CreateContext();
        var messages = await ctx.Set<VictimMessage>().Where(m => m.VictimId == created.VictimId).ToListAsync();
        VictimUpdateEvent[] expected = [VictimUpdateEvent.ApplicationMade, VictimUpdateEvent.HearingListed, VictimUpdateEvent.OrderGranted,
            VictimUpdateEvent.OrderServed, VictimUpdateEvent.BreachReported, VictimUpdateEvent.BreachOutcome];
        Assert.Equal(expected.Order(), messages.Select(m => m.Event).Order());
        Assert.All(messages, m => Assert.Equal(VictimMessageStatus.Pending, m.Status));
        var reference = await ctx.Orders.Where(o => o.Id == order.OrderId).Select(o => o.VictimReference).SingleAsync();
        Assert.Contains(reference!, messages.Single(m => m.Event == VictimUpdateEvent.OrderServed).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R41_OnlyTheEventsOptedIn_AreWritten()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync(c => c.Reported(_lodged.AddDays(-7)));
        await SetUpVictimAsync(testData, created.VictimId, _lodged.AddDays(-1), VictimUpdateEvent.OrderGranted | VictimUpdateEvent.BreachOutcome);

        // Act
        await JourneyToABreachOutcomeAsync(testData, created);

        // Assert
        await using var ctx = db.CreateContext();
        var events = await ctx.Set<VictimMessage>().Select(m => m.Event).ToListAsync();
        Assert.Equal([VictimUpdateEvent.OrderGranted, VictimUpdateEvent.BreachOutcome], events.Order());
    }

    [Fact]
    public async Task R41_AVictimWhoChoseDoNotContact_GetsNothing()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync(c => c.Reported(_lodged.AddDays(-7)));
        await SetUpVictimAsync(testData, created.VictimId, _lodged.AddDays(-1), (VictimUpdateEvent)0x7FF, doNotContact: true);

        // Act
        await JourneyToABreachOutcomeAsync(testData, created);

        // Assert
        await using var ctx = db.CreateContext();
        Assert.False(await ctx.Set<VictimMessage>().AnyAsync());
    }

    [Fact]
    public async Task R41_ARefusedApplication_TellsTheVictimItWasRefused()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync(c => c.Reported(_lodged.AddDays(-7)));
        await SetUpVictimAsync(testData, created.VictimId, _lodged.AddDays(-1), VictimUpdateEvent.OrderRefused);
        var application = await testData.CreateApplicationAsync(a => a.ForCase(created).Lodged(_lodged));

        // Act
        await testData.WithServicesAsync(_lodged.AddDays(10), s => s.Applications.DetermineAsync(
            new DetermineApplicationOptions(application.ApplicationId, Determination.Refused, "Not necessary on the evidence"), TestData.Officer));

        // Assert
        await using var ctx = db.CreateContext();
        var message = await ctx.Set<VictimMessage>().SingleAsync();
        Assert.Equal(VictimUpdateEvent.OrderRefused, message.Event);
        Assert.Equal(created.VictimId, message.VictimId);
    }

    [Fact]
    public async Task R41_Canary_NoMessageCarriesAnAddressPhoneEmailOrTheRespondentsName()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync(c => c.Reported(_lodged.AddDays(-7)));
        await SetUpVictimAsync(testData, created.VictimId, _lodged.AddDays(-1), (VictimUpdateEvent)0x7FF);

        // Act
        await JourneyToABreachOutcomeAsync(testData, created);

        // Assert
        await using var ctx = db.CreateContext();
        var respondent = await ctx.Respondents.Include(r => r.Person).ThenInclude(p => p.Names).SingleAsync(r => r.Id == created.RespondentId);
        var respondentAddresses = await ctx.Set<RespondentAddress>().Where(a => a.RespondentId == created.RespondentId).Select(a => a.Address).ToListAsync();
        var victim = await ctx.Victims.Include(v => v.Person).ThenInclude(p => p.Names).SingleAsync(v => v.Id == created.VictimId);
        var bodies = await ctx.Set<VictimMessage>().Select(m => m.Body).ToListAsync();
        Assert.NotEmpty(bodies);
        string[] secrets = [CanaryAddress, "900456", CanaryEmail, respondent.Person.PrimaryName.FamilyName, victim.Person.PrimaryName.FamilyName, .. respondentAddresses];
        foreach (var body in bodies)
        {
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task R41_ChoosingAChannelTheContactDetailsDoNotHold_IsRefused()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();
        await testData.WithServicesAsync(_lodged, s => s.VictimContact(_protection)
            .SetAsync(new SetVictimContactOptions(created.VictimId, new VictimContact(CanaryPhone, null, null, null, false)), TestData.Officer));

        // Act
        var ex = await Assert.ThrowsAsync<RuleViolationException>(() => testData.WithServicesAsync(_lodged, s => Updates(s, _protection)
            .SetPreferencesAsync(new SetVictimUpdatePreferencesOptions(created.VictimId, false, VictimUpdateEvent.OrderGranted, VictimUpdateChannel.Email, AlwaysDaytime),
                TestData.Officer)));

        // Assert
        Assert.Contains(ex.Violations, v => v.RuleId == "R41" && v.Field == "channel");
        await using var ctx = db.CreateContext();
        Assert.False(await ctx.Set<VictimUpdatePreferences>().AnyAsync());
    }

    [Fact]
    public void R41_OfficerReasons_LongerThanATextMessageAllows_AreCutAtAWordAndPointToTheOfficer()
    {
        // Arrange
        var reasons = string.Join(' ', Enumerable.Repeat("checked", 200));

        // Act
        var said = VictimUpdateOutbox.OfficerReasons(reasons);
        var body = VictimUpdateOutbox.Text(VictimUpdateEvent.BreachOutcome, "SPO-AAAA-BBBB", new DateOnly(2026, 12, 24), said);

        // Assert
        Assert.StartsWith("The officer's reasons: checked", said, StringComparison.Ordinal);
        Assert.EndsWith("checked... Your officer can tell you the rest.", said, StringComparison.Ordinal);
        Assert.True(body.Length <= 918, $"A text message carries at most 918 characters; this one has {body.Length}");
    }
}
