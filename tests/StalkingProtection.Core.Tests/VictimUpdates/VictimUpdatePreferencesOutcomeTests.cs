using Microsoft.AspNetCore.DataProtection;
using StalkingProtection.Core.People;
using StalkingProtection.Core.VictimUpdates;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.VictimUpdates;

/// <summary>Setting a victim's update preferences answers with what they now are, and one <c>Explain</c> gives the words (R41).</summary>
public class VictimUpdatePreferencesOutcomeTests
{
    private static readonly DateOnly _today = new(2026, 3, 1);

    [Fact]
    public async Task R41_ChooseUpdatesByText_OutcomeGivesHowManyKindsAndTheChannel()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();
        var protection = new EphemeralDataProtectionProvider();
        await testData.WithServicesAsync(_today, s => s.VictimContact(protection).SetAsync(
            new SetVictimContactOptions(created.VictimId, new VictimContact("07700 900123", null, null, null, false)), TestData.Officer));

        // Act
        var saved = await testData.WithServicesAsync(_today, s => VictimUpdateOutboxTests.Updates(s, protection).SetPreferencesAsync(
            new SetVictimUpdatePreferencesOptions(created.VictimId, false, VictimUpdateEvent.OrderGranted | VictimUpdateEvent.OrderServed, VictimUpdateChannel.Sms,
                VictimUpdateOutboxTests.AlwaysDaytime), TestData.Officer));

        // Assert
        Assert.False(saved.DoNotContact);
        Assert.Equal("Update preferences saved: 2 kinds of update, by text message, within the victim's safe times (R41).", saved.Explain());
    }

    [Fact]
    public async Task R41_DoNotContact_OutcomeSaysTheVictimWillNotBeSentUpdates()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();
        var protection = new EphemeralDataProtectionProvider();

        // Act
        var saved = await testData.WithServicesAsync(_today, s => VictimUpdateOutboxTests.Updates(s, protection).SetPreferencesAsync(
            new SetVictimUpdatePreferencesOptions(created.VictimId, true, VictimUpdateEvent.None, VictimUpdateChannel.Sms, VictimUpdateOutboxTests.AlwaysDaytime),
            TestData.Officer));

        // Assert
        Assert.Equal((true, 0), (saved.DoNotContact, saved.WaitingWithheld));
        Assert.Equal("The victim will not be sent updates (R41).", saved.Explain());
    }
}
