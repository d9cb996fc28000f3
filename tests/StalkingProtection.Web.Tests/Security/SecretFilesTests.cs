using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Infrastructure.Startup;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.Security;

/// <summary>
/// The service started with a systemd credentials folder and a secrets folder (a mounted Kubernetes secret or a vault agent's files),
/// each file a setting named as its environment variable, beside settings that say otherwise.
/// </summary>
public sealed class SecretFilesFactory : WebAppFactory
{
    public string Credentials { get; } = Directory.CreateTempSubdirectory("sp-credentials-").FullName;

    public string Secrets { get; } = Directory.CreateTempSubdirectory("sp-secrets-").FullName;

    public SecretFilesFactory()
    {
        File.WriteAllText(Path.Combine(Credentials, "StalkingProtection__Web__ForceName"), "Credential Constabulary\n");
        File.WriteAllText(Path.Combine(Secrets, "StalkingProtection__Web__ServiceName"), "Secret Service Name");
        File.WriteAllText(Path.Combine(Secrets, "StalkingProtection__VictimContact__SearchHashKey"), Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()));
        File.WriteAllText(Path.Combine(Secrets, "StalkingProtection__KeyProtection__KeyEncryptionKey"), TestData.KeyEncryptionKey);
    }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["CREDENTIALS_DIRECTORY"] = Credentials,
        ["StalkingProtection:SecretsDirectory"] = Secrets,
        ["StalkingProtection:Web:ForceName"] = "Settings Constabulary",
        ["StalkingProtection:Web:ServiceName"] = "Settings Service Name",
        [SecretFiles.RequireSetting] = "true",
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Credentials, recursive: true);
        Directory.Delete(Secrets, recursive: true);
    }
}

public sealed class SecretFilesTests(SecretFilesFactory factory) : IClassFixture<SecretFilesFactory>
{
    [Fact]
    public async Task V13_3_1_RequireSecretFiles_EverySecretSetFromAFile_TheServiceStarts()
    {
        // Act
        var response = await factory.CreateBrowser().GetAsync("/");

        // Assert
        Assert.True(factory.Services.GetRequiredService<IConfiguration>().GetValue<bool>(SecretFiles.RequireSetting));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task V13_3_1_SettingsInSystemdCredentialsAndTheSecretsFolder_OverrideTheSameSettingsGivenOtherwise()
    {
        // Act
        var response = await factory.CreateBrowser().GetAsync("/");
        var page = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Credential Constabulary", page, StringComparison.Ordinal);
        Assert.Contains("Secret Service Name", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Settings Constabulary", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Settings Service Name", page, StringComparison.Ordinal);
    }

    [Fact]
    public void V13_3_1_SearchHashKeyFromTheSecretsFolder_IsTheOneTheServiceUses()
    {
        // Act
        var key = factory.Services.GetRequiredService<IOptions<Core.People.VictimContactOptions>>().Value.SearchHashKey;

        // Assert
        Assert.Equal(Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()), key);
    }
}

/// <summary>ASVS V13.3.1: with secret files required, a secret given any other way stops the start; the program shows the message on one line.</summary>
public sealed class RequireSecretFilesTests
{
    private static ConfigurationManager Settings(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value));
        return configuration;
    }

    [Fact]
    public void V13_3_1_RequireSecretFiles_ASecretGivenInSettings_StopsTheStartAndNamesTheSettingButNotItsValue()
    {
        // Arrange
        var configuration = Settings((SecretFiles.RequireSetting, "true"), ("StalkingProtection:Notify:ApiKey", "key-given-in-settings"));

        // Act
        var failure = Assert.Throws<StartupFailedException>(() => SecretFiles.CheckRequired(configuration));

        // Assert
        Assert.StartsWith("invalid setting: StalkingProtection:Notify:ApiKey", failure.Message, StringComparison.Ordinal);
        Assert.Contains(SecretFiles.RequireSetting, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("key-given-in-settings", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db.force.example;Database=spo;Username=sp;Password=in-settings", true)]
    [InlineData("Host=db.force.example;Database=spo;Username=sp;Pwd=in-settings", true)]
    [InlineData("Host=db.force.example;Database=spo;Username=sp", false)]
    public void V13_3_1_RequireSecretFiles_TheConnectionStringIsASecretOnlyWhenItHoldsAPassword(string connectionString, bool refused)
    {
        // Arrange
        var configuration = Settings((SecretFiles.RequireSetting, "true"), ("StalkingProtection:Database:ConnectionString", connectionString));

        // Act
        var thrown = Record.Exception(() => SecretFiles.CheckRequired(configuration));

        // Assert
        Assert.Equal(refused, thrown is StartupFailedException { Message: var m } && m.Contains("StalkingProtection:Database:ConnectionString", StringComparison.Ordinal));
        Assert.True(refused || thrown is null);
    }

    [Fact]
    public void V13_3_1_SecretFilesNotRequired_ASecretInSettingsIsUsed()
    {
        // Arrange
        var configuration = Settings(("StalkingProtection:Notify:ApiKey", "key-given-in-settings"));

        // Act
        var thrown = Record.Exception(() => SecretFiles.CheckRequired(configuration));

        // Assert
        Assert.Null(thrown);
    }
}
