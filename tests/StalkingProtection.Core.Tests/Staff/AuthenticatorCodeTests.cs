using StalkingProtection.Core.Staff;

namespace StalkingProtection.Core.Tests.Staff;

/// <summary>RFC 6238 codes: each belongs to one 30-second step, and only the step of now and one either side are accepted.</summary>
public class AuthenticatorCodeTests
{
    // RFC 6238 appendix B: the SHA-1 secret "12345678901234567890", whose 8-digit code at 1111111109 is 07081804.
    private const string Rfc6238Key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private const string CodeAt1111111109 = "081804";
    private static readonly DateTimeOffset Issued = DateTimeOffset.FromUnixTimeSeconds(1111111109);

    [Fact]
    public void MatchingTimeStep_Rfc6238TestVector_IsTheStepItWasIssuedIn()
    {
        // Act
        var step = AuthenticatorCode.MatchingTimeStep(Rfc6238Key, CodeAt1111111109, Issued);

        // Assert
        Assert.Equal(1111111109 / AuthenticatorCode.StepSeconds, step);
    }

    [Theory]
    [InlineData(-30)]
    [InlineData(30)]
    public void MatchingTimeStep_OneStepEitherSide_IsAcceptedForClockDrift(int seconds)
    {
        // Act
        var step = AuthenticatorCode.MatchingTimeStep(Rfc6238Key, CodeAt1111111109, Issued.AddSeconds(seconds));

        // Assert
        Assert.Equal(1111111109 / AuthenticatorCode.StepSeconds, step);
    }

    [Theory]
    [InlineData(-60)]
    [InlineData(60)]
    [InlineData(150)]
    public void MatchingTimeStep_TwoOrMoreStepsAway_IsRefused(int seconds)
    {
        // Act
        var step = AuthenticatorCode.MatchingTimeStep(Rfc6238Key, CodeAt1111111109, Issued.AddSeconds(seconds));

        // Assert
        Assert.Null(step);
    }
}
