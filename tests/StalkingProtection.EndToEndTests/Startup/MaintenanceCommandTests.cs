using StalkingProtection.TestCommon;

namespace StalkingProtection.EndToEndTests.Startup;

/// <summary>RL6: the operator's commands, run as the real program: migrate, back up the SQLite database, and compare checksums.</summary>
[OwnDatabase]
public sealed class MaintenanceCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"sp-maintenance-{Guid.NewGuid():N}");

    private Dictionary<string, string> InFolder => new() { ["StalkingProtection__Database__DataDirectory"] = _folder };

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task RL6_MigrateBackupThenChecksums_TheBackupHasTheChecksumsOfTheOriginal()
    {
        // Arrange
        var backup = Path.Combine(_folder, "backup.db");
        Assert.Equal(0, (await ProgramProcess.RunAsync(InFolder, ["migrate"])).ExitCode);

        // Act
        var backedUp = await ProgramProcess.RunAsync(InFolder, ["backup", backup]);
        var original = await ProgramProcess.RunAsync(InFolder, ["checksums"]);
        var copy = await ProgramProcess.RunAsync(new Dictionary<string, string> { ["StalkingProtection__Database__ConnectionString"] = $"Data Source={backup}" },
            ["checksums"]);

        // Assert
        Assert.True(backedUp.ExitCode == 0, backedUp.Output);
        Assert.Contains($"to {backup}.", backedUp.Output, StringComparison.Ordinal);
        Assert.Equal(0, original.ExitCode);
        var lines = original.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("__ef_migrations_history ", StringComparison.Ordinal) && !l.Contains(" 0 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("orders 0 ", StringComparison.Ordinal));
        Assert.Equal(ChecksumLines(original.Output), ChecksumLines(copy.Output));
    }

    [Fact]
    public async Task S3_VerifyAudit_OnAFreshDatabase_SaysTheChainIsIntact()
    {
        // Arrange
        Assert.Equal(0, (await ProgramProcess.RunAsync(InFolder, ["migrate"])).ExitCode);

        // Act
        var (exitCode, output) = await ProgramProcess.RunAsync(InFolder, ["verify-audit"]);

        // Assert
        Assert.True(exitCode == 0, output);
        Assert.Contains("0 entries sealed; head is entry none", output, StringComparison.Ordinal);
        Assert.Contains("The audit chain is intact.", output.Split('\n').Select(l => l.Trim()));
    }

    [Fact]
    public async Task RL6_BackupOntoAnExistingFile_RefusesInOneLineAndLeavesTheFileAlone()
    {
        // Arrange
        Assert.Equal(0, (await ProgramProcess.RunAsync(InFolder, ["migrate"])).ExitCode);
        var existing = Path.Combine(_folder, "existing.db");
        await File.WriteAllTextAsync(existing, "an earlier backup", TestContext.Current.CancellationToken);

        // Act
        var (exitCode, output) = await ProgramProcess.RunAsync(InFolder, ["backup", existing]);

        // Assert
        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"Cannot back up: {existing} already exists: choose a new file for the backup.", line);
        Assert.Equal("an earlier backup", await File.ReadAllTextAsync(existing, TestContext.Current.CancellationToken));
    }

    /// <summary>The command's own lines, without any log line the program wrote meanwhile (a slow query on a busy machine).</summary>
    private static List<string> ChecksumLines(string output) =>
        [.. output.Split('\n').Select(l => l.Trim()).Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, "^[a-z_][a-z0-9_]* [0-9]+ [0-9a-f]{64}$"))];
}
