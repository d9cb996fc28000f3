using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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
    }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["CREDENTIALS_DIRECTORY"] = Credentials,
        ["StalkingProtection:SecretsDirectory"] = Secrets,
        ["StalkingProtection:Web:ForceName"] = "Settings Constabulary",
        ["StalkingProtection:Web:ServiceName"] = "Settings Service Name",
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
