using Xunit.v3;

namespace StalkingProtection.TestCommon;

/// <summary>
/// Marks a test class that uses no database or chooses its own (a SQLite file, or PostgreSQL: the test server or one of its
/// own), whatever StalkingProtection__Database__Provider says, so both passes of ./scripts/test would run the same test twice.
/// The script runs it on the SQLite pass only (trait Database=Own, left out of the PostgreSQL pass with -trait-).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class OwnDatabaseAttribute : Attribute, ITraitAttribute
{
    public const string Trait = "Database=Own";

    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new("Database", "Own")];
}
