using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Integration;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Tests.Integration;

public class ApiClientTests
{
    private const string Key = "spk_0a1b2c3d_first-secret-of-the-client-key";
    private const string NewKey = "spk_9f8e7d6c_second-secret-of-the-client-key";
    private static readonly DateTimeOffset _issued = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan _lifetime = TimeSpan.FromDays(365);

    [Fact]
    public void V13_2_1_Check_BeforeExpiry_AcceptsAndAtExpiry_SaysExpired()
    {
        // Arrange
        var client = Client();

        // Act
        var before = client.Check(Key, client.KeyExpiresAt.AddTicks(-1));
        var at = client.Check(Key, client.KeyExpiresAt);

        // Assert
        Assert.Equal(ApiKeyStatus.Accepted, before);
        Assert.Equal(ApiKeyStatus.Expired, at);
        Assert.False(client.Accepts(Key, client.KeyExpiresAt));
    }

    [Fact]
    public void V13_2_1_Check_AnotherKeyWithTheSamePrefixAfterExpiry_IsUnknownNotExpired()
    {
        // Arrange
        var client = Client();

        // Act
        var status = client.Check("spk_0a1b2c3d_a-guess-at-the-secret", client.KeyExpiresAt.AddDays(1));

        // Assert
        Assert.Equal(ApiKeyStatus.Unknown, status);
    }

    [Fact]
    public void V13_2_1_Rotate_GivesTheNewKeyAFullLifetime_AndTheOldKeyNoOverlapBeyondItsExpiry()
    {
        // Arrange
        var client = Client();
        var now = client.KeyExpiresAt.AddHours(-2);

        // Act
        client.Rotate(NewKey, now, TimeSpan.FromHours(24), _lifetime);

        // Assert
        Assert.Equal(now + _lifetime, client.KeyExpiresAt);
        Assert.Equal(_issued + _lifetime, client.PreviousKeyValidUntil);
        Assert.Equal(ApiKeyStatus.Accepted, client.Check(Key, now.AddHours(1)));
        Assert.Equal(ApiKeyStatus.Unknown, client.Check(Key, now.AddHours(2)));
        Assert.Equal(ApiKeyStatus.Accepted, client.Check(NewKey, now.AddHours(2)));
    }

    [Fact]
    public void KeyExpiresSoon_IsTrueInTheLast30DaysOnly()
    {
        // Arrange
        var client = Client();

        // Act
        var earlier = client.KeyExpiresSoon(client.KeyExpiresAt - ApiClient.ExpiryWarning - TimeSpan.FromSeconds(1));
        var within = client.KeyExpiresSoon(client.KeyExpiresAt - ApiClient.ExpiryWarning);
        var expired = client.KeyExpiresSoon(client.KeyExpiresAt);

        // Assert
        Assert.Equal((false, true, false), (earlier, within, expired));
        Assert.True(client.KeyHasExpired(client.KeyExpiresAt));
    }

    [Fact]
    public void S4_ChangeTeam_TrimsGivesNoneForBlankAndRefusesOneTooLong()
    {
        // Arrange
        var client = Client();

        // Act
        client.ChangeTeam("  Leeds Stalking Team ");
        var given = client.Team;
        client.ChangeTeam(" ");
        var blank = client.Team;
        var tooLong = Assert.Throws<RuleViolationException>(() => client.ChangeTeam(new string('T', StalkingCase.TeamMaxLength + 1)));

        // Assert
        Assert.Equal("Leeds Stalking Team", given);
        Assert.Null(blank);
        Assert.Equal("Team", Assert.Single(tooLong.Violations).Field);
        Assert.Null(client.Team);
    }

    private static ApiClient Client() => new()
    {
        Id = Guid.NewGuid(),
        Name = "Records system",
        KeyPrefix = ApiClient.Split(Key).Prefix,
        KeyHash = ApiClient.Hash(Key),
        CreatedAt = _issued,
        KeyExpiresAt = _issued + _lifetime,
    };
}
