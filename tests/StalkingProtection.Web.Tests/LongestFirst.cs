using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.ApiTests;
using StalkingProtection.Web.Tests.PageTests;

[assembly: TestCollectionOrderer(typeof(StalkingProtection.Web.Tests.LongestFirst))]

namespace StalkingProtection.Web.Tests;

/// <summary>Each of these takes about a minute; most classes take a few seconds.</summary>
public sealed class LongestFirst : LongestFirstOrderer
{
    protected override IReadOnlyList<Type> Longest { get; } =
        [typeof(RecordPageAuthorisationTests), typeof(OrderLifecycleDocumentationTests), typeof(FormSweepTests)];
}
