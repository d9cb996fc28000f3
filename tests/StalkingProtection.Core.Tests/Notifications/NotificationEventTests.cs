using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Notifications;

public class NotificationEventTests
{
    private static readonly DateTimeOffset _at = TestData.NoonOn(new DateOnly(2026, 6, 1));

    private static NotificationEvent.Details Valid(PoliceForce area = PoliceForce.WestYorkshire) =>
        new(_at, "Elland Road Police Station", area, NotificationMode.InPersonOral, "PC Desk", false, null, "John Smith", "1 High Street, Leeds",
            "ACK-0001", _at.AddMinutes(15), "SoS-2020-1");

    private static RuleViolationException Fails(NotificationEvent.Details details, PoliceForce? expected = PoliceForce.WestYorkshire) =>
        Assert.IsType<RuleViolationException>(Record.Exception(() => NotificationEvent.Record(TestData.NewRespondent(), details, expected, _at.AddHours(1))));

    [Fact]
    public void R29_StationOutsideTheHomeAddressArea_IsRejected()
    {
        // Act
        var ex = Fails(Valid(PoliceForce.NorthYorkshire));

        // Assert
        Assert.Contains(ex.Violations, v => v.RuleId == "R29" && v.Field == "stationPoliceArea");
    }

    [Fact]
    public void R29_NoEnglandWalesAddress_ExpectsTheAreaOfTheCourtThatLastMadeAnOrder()
    {
        // Arrange
        var respondent = TestData.NewRespondent(homeArea: null);

        // Act
        var expected = NotificationEvent.ExpectedPoliceArea(respondent, new DateOnly(2026, 6, 1), PoliceForce.Merseyside);

        // Assert
        Assert.Equal(PoliceForce.Merseyside, expected);
    }

    [Fact]
    public void R29_NotifyingBeforeAMove_ExpectsTheOldAreaAndAfterItTheNewArea()
    {
        // Arrange
        var respondent = TestData.NewRespondent(homeArea: PoliceForce.WestYorkshire);
        respondent.MoveTo("2 New Road, Manchester", PoliceForce.GreaterManchester, new DateOnly(2026, 6, 10), AddressSource.Notification, _at);

        // Act
        var before = NotificationEvent.ExpectedPoliceArea(respondent, new DateOnly(2026, 6, 9), PoliceForce.Merseyside);
        var after = NotificationEvent.ExpectedPoliceArea(respondent, new DateOnly(2026, 6, 10), PoliceForce.Merseyside);

        // Assert
        Assert.Equal(PoliceForce.WestYorkshire, before);
        Assert.Equal(PoliceForce.GreaterManchester, after);
    }

    [Theory]
    [InlineData(NotificationMode.Postal)]
    [InlineData(NotificationMode.Email)]
    [InlineData(NotificationMode.Phone)]
    [InlineData(NotificationMode.InPersonWritten)]
    public void R30_NotificationNotInPersonAndOral_IsRejected(NotificationMode mode)
    {
        // Act
        var ex = Fails(Valid() with { Mode = mode });

        // Assert
        Assert.Contains(ex.Violations, v => v.RuleId == "R30" && v.Field == "mode");
    }

    [Fact]
    public void R30_AuthorisedPersonWithoutAuthorisation_IsRejected()
    {
        // Act
        var ex = Fails(Valid() with { ReceivedByAuthorisedPerson = true, AuthorisationReference = null });

        // Assert
        Assert.Contains(ex.Violations, v => v.RuleId == "R30" && v.Field == "authorisationReference");
    }

    [Fact]
    public void R31_NotificationWithoutWrittenAcknowledgement_IsRejected()
    {
        // Act
        var ex = Fails(Valid() with { AcknowledgementReference = "", AcknowledgedAt = null });

        // Assert
        Assert.Contains(ex.Violations, v => v.RuleId == "R31" && v.Field == "acknowledgementReference");
        Assert.Contains(ex.Violations, v => v.RuleId == "R31" && v.Field == "acknowledgedAt");
    }

    [Fact]
    public void R32_BiometricsForAnotherPurpose_IsRejected()
    {
        // Act
        var ex = Fails(Valid() with { BiometricsRequested = BiometricsRequested.Fingerprints, BiometricsPurpose = "intelligence", BiometricsOutcome = BiometricsOutcome.Complied });

        // Assert
        Assert.Contains(ex.Violations, v => v.RuleId == "R32" && v.Field == "biometricsPurpose");
    }

    [Fact]
    public void R32_BiometricsRequestedWithoutOutcome_IsRejected()
    {
        // Act
        var ex = Fails(Valid() with { BiometricsRequested = BiometricsRequested.Photographs, BiometricsPurpose = "verify identity" });

        // Assert
        Assert.Contains(ex.Violations, v => v.RuleId == "R32" && v.Field == "biometricsOutcome");
    }

    [Fact]
    public void R32_RefusalRecorded_IsFlaggedAsRefused()
    {
        // Act
        var notification = NotificationEvent.Record(TestData.NewRespondent(), Valid() with
        {
            BiometricsRequested = BiometricsRequested.Fingerprints | BiometricsRequested.Photographs,
            BiometricsPurpose = "Verify identity",
            BiometricsOutcome = BiometricsOutcome.Refused,
        }, PoliceForce.WestYorkshire, _at.AddHours(1));

        // Assert
        Assert.True(notification.BiometricsRefused);
        Assert.Equal(NotificationEvent.VerifyIdentityPurpose, notification.BiometricsPurpose);
    }

    [Fact]
    public void R29_R30_R31_ValidNotification_IsRecordedWithLondonDate()
    {
        // Arrange
        var lateEvening = new DateTimeOffset(2026, 6, 1, 23, 30, 0, TimeSpan.Zero);

        // Act
        var notification = NotificationEvent.Record(TestData.NewRespondent(), Valid() with { NotifiedAt = lateEvening, AcknowledgedAt = lateEvening.AddMinutes(5) },
            PoliceForce.WestYorkshire, lateEvening.AddHours(1));

        // Assert
        Assert.Equal(new DateOnly(2026, 6, 2), notification.NotifiedOn);
        Assert.Equal("ACK-0001", notification.AcknowledgementReference);
    }
}
