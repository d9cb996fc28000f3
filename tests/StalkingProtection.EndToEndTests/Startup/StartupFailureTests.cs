using StalkingProtection.TestCommon;

namespace StalkingProtection.EndToEndTests.Startup;

/// <summary>The real program, started as a process: a setting an operator got wrong stops it with one clear line.</summary>
[OwnDatabase]
public class StartupFailureTests
{
    [Theory]
    [InlineData("StalkingProtection__Database__Provider", "Oracle", "invalid setting")]
    [InlineData("StalkingProtection__Web__QuickExitUrl", "javascript:alert(1)", "QuickExitUrl must be an http(s) address")]
    [InlineData("StalkingProtection__Database__DataDirectory", "/etc/hostname/data", "is not writable")]
    [InlineData("StalkingProtection__VictimContact__SearchHashKey", "c2hvcnQ=", "SearchHashKey must be a base64 key of at least 32 bytes")]
    [InlineData("StalkingProtection__Database__ServiceRole", "sp_service", "ServiceRole is for PostgreSQL only")]
    [InlineData("StalkingProtection__KeyProtection__KeyEncryptionKey", "", "KeyEncryptionKey (or KeyEncryptionKeyFile) must be set outside Development")]
    [InlineData("StalkingProtection__KeyProtection__KeyEncryptionKey", "c2hvcnQ=", "KeyEncryptionKey must be base64 of exactly 32 bytes")]
    [InlineData("StalkingProtection__Proxy__KnownNetworks__0", "10.0.0.0/99", "is not a network in CIDR notation")]
    [InlineData("AllowedHosts", "*", "AllowedHosts must list the host names the service answers to")]
    [InlineData("StalkingProtection__Web__CostlyWorkAtOnce", "0", "CostlyWorkAtOnce must be between 1 and 64")]
    [InlineData("StalkingProtection__Telemetry__OtlpEndpoint", "http://otel.force.example:4317", "OtlpEndpoint must use https outside Development")]
    [InlineData("StalkingProtection__Telemetry__OtlpEndpoint", "not an address", "OtlpEndpoint must be an https address")]
    [InlineData("StalkingProtection__Web__PublicSiteUrl", "http://report.force.police.uk", "PublicSiteUrl must be an https address with no path")]
    public async Task Start_WithABadSetting_ExitsWithOneLineSayingWhatToFix(string variable, string value, string expected)
    {
        // Arrange
        var environment = new Dictionary<string, string> { [variable] = value };

        // Act
        var (exitCode, output) = await RunAsync(environment);

        // Assert
        Assert.Equal(1, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("Stalking Protection cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task V13_3_1_Start_RequiringSecretFilesWithAKeyInTheEnvironment_ExitsWithOneLineNamingTheSettingButNotTheKey()
    {
        // Arrange
        var environment = new Dictionary<string, string>
        {
            ["StalkingProtection__RequireSecretFiles"] = "true",
            ["StalkingProtection__Notify__ApiKey"] = "notify-key-in-the-environment",
        };

        // Act
        var (exitCode, output) = await RunAsync(environment);

        // Assert
        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Stalking Protection cannot start: invalid setting: StalkingProtection:", line, StringComparison.Ordinal);
        Assert.Contains("StalkingProtection:RequireSecretFiles", line, StringComparison.Ordinal);
        Assert.DoesNotContain("notify-key-in-the-environment", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithUnreachablePostgres_ExitsWithOneLineNamingTheServer()
    {
        // Arrange
        var environment = new Dictionary<string, string>
        {
            ["StalkingProtection__Database__Provider"] = "Postgres",
            ["StalkingProtection__Database__ConnectionString"] = "Host=127.0.0.1;Port=1;Database=nowhere;Username=x;Timeout=3",
        };

        // Act
        var (exitCode, output) = await RunAsync(environment);

        // Assert
        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("cannot reach PostgreSQL at 127.0.0.1:1 (database nowhere)", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db.force.example;Database=spo;Username=sp;SSL Mode=VerifyFull;Trust Server Certificate=true", "turns off certificate validation (Trust Server Certificate=true)", "true")]
    [InlineData("Host=db.force.example;Database=spo;Username=sp;SSL Mode=Require", "must use SSL Mode=VerifyFull", "true")]
    [InlineData("Host=127.0.0.1;Database=spo;Username=sp", "AllowUnencryptedLocalConnection=true", "false")]
    public async Task Start_PostgresWithoutAVerifiedCertificate_ExitsWithOneLineSayingWhatToFix(string connectionString, string expected, string allowLocal)
    {
        // Arrange
        var environment = new Dictionary<string, string>
        {
            ["StalkingProtection__Database__Provider"] = "Postgres",
            ["StalkingProtection__Database__ConnectionString"] = connectionString,
            ["StalkingProtection__Database__AllowUnencryptedLocalConnection"] = allowLocal,
        };

        // Act
        var (exitCode, output) = await RunAsync(environment);

        // Assert
        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Stalking Protection cannot start: invalid setting: StalkingProtection:Database:ConnectionString", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("Password")]
    [InlineData("sp_owner")]
    [InlineData("short-pw")]
    public async Task V13_2_3_Start_PostgresWithADefaultOrGuessablePassword_ExitsWithOneLineSayingWhatToFix(string password)
    {
        // Arrange
        var environment = new Dictionary<string, string>
        {
            ["StalkingProtection__Database__Provider"] = "Postgres",
            ["StalkingProtection__Database__ConnectionString"] = $"Host=127.0.0.1;Port=1;Database=spo;Username=sp_owner;Password={password}",
            ["StalkingProtection__Database__AllowUnencryptedLocalConnection"] = "true",
        };

        // Act
        var (exitCode, output) = await RunAsync(environment);

        // Assert
        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Stalking Protection cannot start: invalid setting: StalkingProtection:Database:ConnectionString has a default or guessable password", line, StringComparison.Ordinal);
        Assert.DoesNotContain($"Password={password}", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task V13_2_3_Start_PostgresWithALongRandomPassword_GetsPastThePasswordCheck()
    {
        // Arrange: port 1 is closed, so the start stops at the next check, which names the server.
        var environment = new Dictionary<string, string>
        {
            ["StalkingProtection__Database__Provider"] = "Postgres",
            ["StalkingProtection__Database__ConnectionString"] = "Host=127.0.0.1;Port=1;Database=spo;Username=sp_owner;Password=q7V-2mZr9fLx8TbWc4Ns;Timeout=3",
            ["StalkingProtection__Database__AllowUnencryptedLocalConnection"] = "true",
        };

        // Act
        var (exitCode, output) = await RunAsync(environment);

        // Assert
        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("cannot reach PostgreSQL at 127.0.0.1:1", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task V13_2_1_Start_PostgresWithAPasswordFileAndAPasswordInTheConnectionString_ExitsWithOneLineSayingWhatToFix()
    {
        // Arrange
        var environment = new Dictionary<string, string>
        {
            ["StalkingProtection__Database__Provider"] = "Postgres",
            ["StalkingProtection__Database__ConnectionString"] = "Host=127.0.0.1;Port=1;Database=spo;Username=sp_service;Password=q7V-2mZr9fLx8TbWc4Ns",
            ["StalkingProtection__Database__PasswordFile"] = Path.Combine(Path.GetTempPath(), "sp-db-password"),
            ["StalkingProtection__Database__AllowUnencryptedLocalConnection"] = "true",
        };

        // Act
        var (exitCode, output) = await RunAsync(environment);

        // Assert
        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("Stalking Protection cannot start: invalid setting: StalkingProtection:Database:ConnectionString must not hold a password when StalkingProtection:Database:PasswordFile is set.", line.Trim());
    }

    [Theory]
    [InlineData("StalkingProtection__SecretsDirectory", "StalkingProtection:SecretsDirectory")]
    [InlineData("CREDENTIALS_DIRECTORY", "CREDENTIALS_DIRECTORY")]
    public async Task V13_3_1_Start_WithASecretsFolderThatDoesNotExist_ExitsWithOneLineSayingWhatToFix(string variable, string setting)
    {
        // Arrange
        var environment = new Dictionary<string, string> { [variable] = Path.Combine(Path.GetTempPath(), $"sp-missing-{Guid.NewGuid():N}") };

        // Act
        var (exitCode, output) = await RunAsync(environment);

        // Assert
        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"Stalking Protection cannot start: invalid setting: {setting} must name an existing folder by its absolute path.", line.Trim());
    }

    private static Task<(int ExitCode, string Output)> RunAsync(IDictionary<string, string> environment) =>
        ProgramProcess.RunAsync(environment, ["--urls", "http://127.0.0.1:0"]);
}
