using System.Data.Common;
using Microsoft.Extensions.Configuration.KeyPerFile;

namespace StalkingProtection.Web.Infrastructure.Startup;

/// <summary>
/// ASVS V13.3.1: settings read from files a secrets manager provides, one file per setting, named as its environment variable
/// (<c>StalkingProtection__Database__ConnectionString</c>): systemd credentials in <c>$CREDENTIALS_DIRECTORY</c> (which
/// <c>systemd-creds</c> can keep encrypted with the machine's TPM) and the folder named by <see cref="DirectorySetting"/> (a mounted
/// Kubernetes secret, or a vault agent's rendered files). They are added after every other source, so a file wins over
/// appsettings.json, environment variables and the command line.
/// </summary>
public static class SecretFiles
{
    public const string DirectorySetting = "StalkingProtection:SecretsDirectory";

    /// <summary>On, the service refuses to start when a secret is given anywhere but a secrets file.</summary>
    public const string RequireSetting = "StalkingProtection:RequireSecretFiles";

    /// <summary>The settings that are secrets. The connection string is one only when it carries a password.</summary>
    public static readonly IReadOnlyList<string> Secrets =
    [
        "StalkingProtection:Database:ConnectionString",
        "StalkingProtection:VictimContact:SearchHashKey",
        "StalkingProtection:KeyProtection:KeyEncryptionKey",
        "StalkingProtection:SignIn:OpenIdConnect:ClientSecret",
        "StalkingProtection:Notify:ApiKey",
    ];

    public static void AddTo(ConfigurationManager configuration)
    {
        foreach (var (setting, folder) in new[] { ("CREDENTIALS_DIRECTORY", configuration["CREDENTIALS_DIRECTORY"]), (DirectorySetting, configuration[DirectorySetting]) })
        {
            if (string.IsNullOrWhiteSpace(folder))
            {
                continue;
            }

            if (!Path.IsPathRooted(folder) || !Directory.Exists(folder))
            {
                throw new StartupFailedException($"invalid setting: {setting} must name an existing folder by its absolute path.");
            }

            configuration.AddKeyPerFile(folder, optional: false);
        }
    }

    /// <summary>
    /// ASVS V13.3.1: with <see cref="RequireSetting"/> on, every secret that is set must come from a secrets file, so a secret left in
    /// appsettings.json, an environment variable or the command line stops the start rather than being used.
    /// </summary>
    public static void CheckRequired(IConfigurationRoot configuration)
    {
        if (!configuration.GetValue<bool>(RequireSetting))
        {
            return;
        }

        foreach (var setting in Secrets)
        {
            if (string.IsNullOrEmpty(configuration[setting]) || !IsSecret(setting, configuration[setting]!))
            {
                continue;
            }

            var source = configuration.Providers.Reverse().First(p => p.TryGet(setting, out _));
            if (source is not KeyPerFileConfigurationProvider)
            {
                throw new StartupFailedException(
                    $"invalid setting: {setting} is given in settings or the environment, but {RequireSetting} asks for every secret as a file in $CREDENTIALS_DIRECTORY or {DirectorySetting}.");
            }
        }
    }

    private static bool IsSecret(string setting, string value)
    {
        if (setting != "StalkingProtection:Database:ConnectionString")
        {
            return true;
        }

        try
        {
            var parts = new DbConnectionStringBuilder { ConnectionString = value };
            return parts.ContainsKey("Password") || parts.ContainsKey("Pwd");
        }
        catch (ArgumentException)
        {
            // A connection string that does not read as one could hold anything.
            return true;
        }
    }
}
