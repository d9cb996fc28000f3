using StalkingProtection.EndToEndTests.PublicSite;
using StalkingProtection.EndToEndTests.Reliability;
using StalkingProtection.EndToEndTests.Workspace.Journey;
using StalkingProtection.TestCommon;

[assembly: TestCollectionOrderer(typeof(StalkingProtection.EndToEndTests.LongestFirst))]

namespace StalkingProtection.EndToEndTests;

/// <summary>The drills and the whole-life journey take two to four minutes each; every other class well under two.</summary>
public sealed class LongestFirst : LongestFirstOrderer
{
    protected override IReadOnlyList<Type> Longest { get; } =
        [typeof(WholeLifeJourneyTests), typeof(ImportKillDrillTests), typeof(KillDrillTests), typeof(LeavingTests), typeof(QuickExitTests)];
}
