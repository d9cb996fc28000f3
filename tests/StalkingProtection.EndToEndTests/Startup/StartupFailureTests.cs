using System.Diagnostics;

namespace StalkingProtection.EndToEndTests.Startup;

/// <summary>The real program, started as a process: a setting an operator got wrong stops it with one clear line.</summary>
public class StartupFailureTests
{
    [Theory]
    [InlineData("StalkingProtection__Database__Provider", "Oracle", "invalid setting")]
    [InlineData("StalkingProtection__Web__QuickExitUrl", "javascript:alert(1)", "QuickExitUrl must be an http(s) address")]
    [InlineData("StalkingProtection__Database__DataDirectory", "/etc/hostname/data", "is not writable")]
    [InlineData("StalkingProtection__VictimContact__SearchHashKey", "c2hvcnQ=", "SearchHashKey must be a base64 key of at least 32 bytes")]
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

    private static async Task<(int ExitCode, string Output)> RunAsync(IDictionary<string, string> environment)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "StalkingProtection.Web.dll");
        var start = new ProcessStartInfo("dotnet", [app, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("StalkingProtection__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["StalkingProtection__VictimContact__SearchHashKey"] = Convert.ToBase64String(new byte[32]);
        start.Environment["StalkingProtection__Database__DataDirectory"] = Path.Combine(Path.GetTempPath(), $"sp-start-{Guid.NewGuid():N}");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, (await stderr) + (await stdout));
    }
}
