using StalkingProtection.Core.Applications;
using StalkingProtection.Core.People;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.People;

public class RespondentTests
{
    [Fact]
    public void R7_IsYouthOn_IsDerivedFromDateOfBirth()
    {
        // Arrange
        var respondent = TestData.NewRespondent(new DateOnly(2008, 9, 1));

        // Act
        var before = respondent.IsYouthOn(new DateOnly(2026, 8, 31));
        var birthday = respondent.IsYouthOn(new DateOnly(2026, 9, 1));

        // Assert
        Assert.True(before);
        Assert.False(birthday);
    }

    [Fact]
    public void MoveTo_NewAddress_EndsThePreviousAddressTheDayBefore()
    {
        // Arrange
        var respondent = TestData.NewRespondent(homeArea: PoliceForce.WestYorkshire, livingThereSince: new DateOnly(2024, 1, 1));

        // Act
        respondent.MoveTo("2 New Road, Manchester", PoliceForce.GreaterManchester, new DateOnly(2026, 5, 1), AddressSource.Notification, TestData.NoonOn(new DateOnly(2026, 5, 1)));

        // Assert
        Assert.Equal(PoliceForce.WestYorkshire, respondent.HomeAddressOn(new DateOnly(2026, 4, 30))!.PoliceArea);
        Assert.Equal(PoliceForce.GreaterManchester, respondent.HomeAddressOn(new DateOnly(2026, 5, 1))!.PoliceArea);
        Assert.False(respondent.NoEnglandWalesHomeAddress);
    }

    [Fact]
    public void R25_IsSubjectToSoaPart2On_CoversTheOpenPeriodUpToTheFinalDay()
    {
        // Arrange
        var respondent = TestData.NewRespondent();
        respondent.StartSoaPart2(new DateOnly(2020, 1, 1), TestData.NoonOn(new DateOnly(2020, 1, 1)));

        // Act
        respondent.EndSoaPart2(new DateOnly(2026, 6, 30));

        // Assert
        Assert.True(respondent.IsSubjectToSoaPart2On(new DateOnly(2026, 6, 30)));
        Assert.False(respondent.IsSubjectToSoaPart2On(new DateOnly(2026, 7, 1)));
    }
}
