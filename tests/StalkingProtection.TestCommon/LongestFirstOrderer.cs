using Xunit.Sdk;
using Xunit.v3;

namespace StalkingProtection.TestCommon;

/// <summary>
/// Starts the longest test classes first, in the order <see cref="Longest"/> lists them, and the rest after them in xUnit's
/// own shuffled order. Left to that shuffle alone, a two-minute drill drawn last ran alone on one of the two threads while
/// the other had nothing left to do.
/// </summary>
public abstract class LongestFirstOrderer : ITestCollectionOrderer
{
    /// <summary>The classes whose run is longest, longest first (one collection per class, xUnit's default).</summary>
    protected abstract IReadOnlyList<Type> Longest { get; }

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection
    {
        var shuffled = DefaultTestCollectionOrderer.Instance.OrderTestCollections(testCollections);
        return [.. shuffled.OrderBy(c => Rank(c))];
    }

    private int Rank(ITestCollection collection)
    {
        for (var i = 0; i < Longest.Count; i++)
        {
            if (collection.TestCollectionDisplayName.EndsWith(" " + Longest[i].FullName, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return Longest.Count;
    }
}
