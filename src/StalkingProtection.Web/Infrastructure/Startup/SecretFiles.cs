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
}
