using System.Diagnostics;
using System.Text.Json;
using StalkingProtection.TestCommon;

namespace StalkingProtection.EndToEndTests.Release;

/// <summary>ASVS V15.1.2: the bill of materials that <c>scripts/sbom</c> writes names every package the service ships, at the version it is locked to.</summary>
[OwnDatabase]
public sealed class SoftwareBillOfMaterialsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"sp-sbom-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task V15_1_2_Sbom_ListsEveryLockedRuntimePackageAndTheServedFrontEnd_AndNoTestPackage()
    {
        // Arrange
        var locked = LockedPackages(Path.Combine(RepositoryPaths.Root, "src", "StalkingProtection.Web", "packages.lock.json"));
        var frontEnd = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "package-lock.json"), TestContext.Current.CancellationToken))
            .RootElement.GetProperty("packages").GetProperty("node_modules/govuk-frontend").GetProperty("version").GetString();

        // Act
        var (exitCode, output) = await RunAsync(Path.Combine(RepositoryPaths.Root, "scripts", "sbom"), _folder);

        // Assert
        Assert.True(exitCode == 0, output);
        var nuget = Purls(Path.Combine(_folder, "nuget.cdx.json"));
        var npm = Purls(Path.Combine(_folder, "npm.cdx.json"));
        Assert.NotEmpty(locked);
        Assert.All(locked, package => Assert.Contains($"pkg:nuget/{package.Name}@{package.Version}", nuget));
        Assert.DoesNotContain(nuget, purl => purl.StartsWith("pkg:nuget/xunit", StringComparison.OrdinalIgnoreCase) || purl.StartsWith("pkg:nuget/Microsoft.Playwright", StringComparison.Ordinal));
        Assert.Equal([$"pkg:npm/govuk-frontend@{frontEnd}"], npm);
    }

    private static List<(string Name, string Version)> LockedPackages(string lockFile)
    {
        var targets = JsonDocument.Parse(File.ReadAllText(lockFile)).RootElement.GetProperty("dependencies");
        return targets.EnumerateObject().SelectMany(t => t.Value.EnumerateObject())
            .Where(p => p.Value.GetProperty("type").GetString() is "Direct" or "Transitive" or "CentralTransitive")
            .Select(p => (p.Name, p.Value.GetProperty("resolved").GetString()!))
            .Distinct()
            .ToList();
    }

    private static HashSet<string> Purls(string bom) =>
        JsonDocument.Parse(File.ReadAllText(bom)).RootElement.GetProperty("components").EnumerateArray()
            .Select(c => c.GetProperty("purl").GetString()!)
            .ToHashSet(StringComparer.Ordinal);

    private static async Task<(int ExitCode, string Output)> RunAsync(string script, string argument)
    {
        var start = new ProcessStartInfo(script, [argument]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }
}
