using System.Diagnostics;

namespace StalkingProtection.EndToEndTests.Startup;

/// <summary>Runs the real program as a process in Production, with only the settings a test gives, and answers its exit code and output.</summary>
public static class ProgramProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(IDictionary<string, string> environment, IEnumerable<string> arguments, string? programFolder = null,
        TimeSpan? timeLimit = null)
    {
        var start = StartInfo(environment, arguments, programFolder);
        using var process = Process.Start(start)!;
        // A limit for a command that hangs, not a measure of speed: a busy two-core machine can take a minute to migrate.
        using var timeout = new CancellationTokenSource(timeLimit ?? TimeSpan.FromSeconds(180));
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

    /// <summary>How to start the program: Production, no setting inherited from the test's own environment, output captured.</summary>
    public static ProcessStartInfo StartInfo(IDictionary<string, string> environment, IEnumerable<string> arguments, string? programFolder = null)
    {
        var app = Path.Combine(programFolder ?? AppContext.BaseDirectory, "StalkingProtection.Web.dll");
        var start = new ProcessStartInfo("dotnet", [app, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Not the program's folder: it finds appsettings.json and its content beside itself, wherever it is started from.
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("StalkingProtection__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["StalkingProtection__VictimContact__SearchHashKey"] = Convert.ToBase64String(new byte[32]);
        start.Environment["StalkingProtection__KeyProtection__KeyEncryptionKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        start.Environment["AllowedHosts"] = "127.0.0.1;localhost";
        // The tests talk to the program directly over loopback HTTP, with no TLS-ending proxy in front of it.
        start.Environment["StalkingProtection__Web__RequireHttps"] = "false";
        start.Environment["StalkingProtection__Database__AllowUnencryptedLocalConnection"] = "true";
        start.Environment["StalkingProtection__Database__DataDirectory"] = Path.Combine(Path.GetTempPath(), $"sp-start-{Guid.NewGuid():N}");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }
}
