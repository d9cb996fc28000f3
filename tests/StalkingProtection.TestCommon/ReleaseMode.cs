using System.Globalization;

namespace StalkingProtection.TestCommon;

/// <summary>
/// How far the long drills go. Every run does a short version of each, with every assertion; STALKING_PROTECTION_RELEASE=1
/// runs the full versions before a release. A drill's own variable (STALKING_PROTECTION_KILL_DRILL_KILLS and the like) sets
/// its figure outright, in either mode.
/// </summary>
public static class ReleaseMode
{
    public const string Variable = "STALKING_PROTECTION_RELEASE";

    public static bool On => Environment.GetEnvironmentVariable(Variable) is "1" or "true" or "True";

    /// <summary>The drill's own variable when it is set, otherwise <paramref name="everyRun"/>, or <paramref name="release"/> in release mode.</summary>
    public static int Setting(string variable, int everyRun, int release) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), CultureInfo.InvariantCulture, out var value) ? value : On ? release : everyRun;
}
