using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Web.Tests.Security;

/// <summary>
/// docs/security/asvs.md maps every OWASP ASVS 5.0.0 Level 1 and Level 2 requirement to the tests that show it, or
/// says why it does not apply or what is missing. These tests keep the map complete and its test names real.
/// </summary>
public partial class AsvsMapTests
{
    /// <summary>
    /// The Level 1 and Level 2 requirements of ASVS 5.0.0, section by section: the levels of requirements .1, .2, ...
    /// of each section in order. Level 3 requirements always close their section in the standard, so they are left off
    /// the end of each line, and sections with only Level 3 requirements (V3.1, V3.6, V6.7, V11.7, V15.4) are absent.
    /// </summary>
    private const string Level1And2Requirements = """
        V1.1: 2 2
        V1.2: 1 1 1 1 1 2 2 2 2
        V1.3: 1 1 2 2 2 2 2 2 2 2 2
        V1.4: 2 2 2
        V1.5: 1 2
        V2.1: 1 2 2
        V2.2: 1 1 2
        V2.3: 1 2 2 2
        V2.4: 2
        V3.2: 1 1
        V3.3: 1 2 2 2
        V3.4: 1 1 2 2 2 2
        V3.5: 1 1 1 2 2
        V3.7: 2 2
        V4.1: 1 2 2
        V4.2: 2
        V4.3: 2 2
        V4.4: 1 2 2 2
        V5.1: 2
        V5.2: 1 1 2
        V5.3: 1 1
        V5.4: 2 2 2
        V6.1: 1 2 2
        V6.2: 1 1 1 1 1 1 1 1 2 2 2 2
        V6.3: 1 1 2 2
        V6.4: 1 1 2 2
        V6.5: 2 2 2 2 2
        V6.6: 2 2 2
        V6.8: 2 2 2 2
        V7.1: 2 2 2
        V7.2: 1 1 1 1
        V7.3: 2 2
        V7.4: 1 1 2 2 2
        V7.5: 2 2
        V7.6: 2 2
        V8.1: 1 2
        V8.2: 1 1 2
        V8.3: 1
        V8.4: 2
        V9.1: 1 1 1
        V9.2: 1 2 2 2
        V10.1: 2 2
        V10.2: 2 2
        V10.3: 2 2 2 2
        V10.4: 1 1 1 1 1 2 2 2 2 2 2
        V10.5: 2 2 2 2 2
        V10.6: 2 2
        V10.7: 2 2 2
        V11.1: 2 2
        V11.2: 2 2 2
        V11.3: 1 1 2
        V11.4: 1 2 2 2
        V11.5: 2
        V11.6: 2
        V12.1: 1 2 2
        V12.2: 1 1
        V12.3: 2 2 2 2
        V13.1: 2
        V13.2: 2 2 2 2 2
        V13.3: 2 2
        V13.4: 1 2 2 2 2
        V14.1: 2 2
        V14.2: 1 2 2 2
        V14.3: 1 2 2
        V15.1: 1 2 2
        V15.2: 1 2 2
        V15.3: 1 2 2 2 2 2 2
        V16.1: 2
        V16.2: 2 2 2 2 2
        V16.3: 2 2 2 2
        V16.4: 2 2 2
        V16.5: 2 2 2
        V17.1: 2
        V17.2: 2 2 2 2
        V17.3: 2 2
        """;

    private static readonly string MapPath = Path.Combine(RepositoryPaths.Root, "docs", "security", "asvs.md");

    private static readonly string[] TestProjects = ["StalkingProtection.Core.Tests", "StalkingProtection.Web.Tests", "StalkingProtection.EndToEndTests"];

    [Fact]
    public void Standard_Level1And2_Has70And183Requirements()
    {
        // Act
        var levels = Standard().Values.ToList();

        // Assert: the counts ASVS 5.0.0 publishes, so a slip in the list above is caught
        Assert.Equal(70, levels.Count(l => l == 1));
        Assert.Equal(183, levels.Count(l => l == 2));
    }

    [Fact]
    public void Map_HasEveryLevel1And2RequirementOnceWithItsLevel()
    {
        // Arrange
        var rows = MapRows();

        // Act
        var duplicates = rows.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var missing = Standard().Keys.Except(rows.Select(r => r.Id)).ToList();
        var unknown = rows.Select(r => r.Id).Except(Standard().Keys).ToList();
        var wrongLevel = rows.Where(r => Standard().TryGetValue(r.Id, out var level) && r.Level != level.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(r => $"{r.Id} (level {r.Level})").ToList();

        // Assert
        Assert.Empty(duplicates);
        Assert.Empty(missing);
        Assert.Empty(unknown);
        Assert.Empty(wrongLevel);
    }

    [Fact]
    public void Map_EveryRow_NamesTestsOrSaysWhyNot()
    {
        // Act
        var bare = MapRows()
            .Where(r => r.Requirement.Length < 10
                || (r.Evidence.StartsWith("Not applicable:", StringComparison.Ordinal) || r.Evidence.StartsWith("Not met:", StringComparison.Ordinal)
                    ? r.Evidence[(r.Evidence.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Length < 20
                    : TestNames(r.Evidence).Count == 0))
            .Select(r => r.Id)
            .ToList();

        // Assert
        Assert.Empty(bare);
    }

    [Fact]
    public void Map_EveryNamedTestClassAndMethod_ExistsInTheTestProjects()
    {
        // Arrange
        var tests = TestProjects.SelectMany(p => ReadTestMethods(AssemblyPath(p)))
            .GroupBy(t => t.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(t => t.Value).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

        // Act
        var unknown = MapRows()
            .SelectMany(r => TestNames(r.Evidence).Select(name => (r.Id, Name: name)))
            .Where(t => !Exists(tests, t.Name))
            .Select(t => $"{t.Id}: {t.Name}")
            .ToList();

        // Assert
        Assert.Empty(unknown);
    }

    [Fact]
    public void Map_WithAMadeUpTestName_IsCaught()
    {
        // Arrange
        var tests = ReadTestMethods(AssemblyPath("StalkingProtection.Web.Tests"));

        // Act and assert
        Assert.True(Exists(tests, $"{typeof(AsvsMapTests).FullName}.{nameof(Map_WithAMadeUpTestName_IsCaught)}"));
        Assert.True(Exists(tests, typeof(AsvsMapTests).FullName!));
        Assert.False(Exists(tests, $"{typeof(AsvsMapTests).FullName}.NoSuchTest"));
        Assert.False(Exists(tests, $"{typeof(AsvsMapTests).FullName}.{nameof(Standard)}"));
        Assert.False(Exists(tests, "StalkingProtection.Web.Tests.Security.NoSuchTests"));
        Assert.False(Exists(tests, typeof(Infrastructure.WebAppFactory).FullName!));
    }

    private static Dictionary<string, int> Standard()
    {
        var requirements = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in Level1And2Requirements.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (section, levels) = (line[..line.IndexOf(':', StringComparison.Ordinal)], line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            var number = 0;
            foreach (var level in levels.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                requirements.Add($"{section}.{++number}", int.Parse(level, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return requirements;
    }

    private sealed record MapRow(string Id, string Level, string Requirement, string Evidence);

    private static List<MapRow> MapRows()
    {
        var rows = new List<MapRow>();
        foreach (var line in File.ReadLines(MapPath))
        {
            var match = RowPattern().Match(line);
            if (match.Success)
            {
                var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
                Assert.True(cells.Length == 4, $"A map row must have four cells (ID, level, requirement, evidence): {line}");
                rows.Add(new MapRow(cells[0], cells[1], cells[2], cells[3]));
            }
        }

        Assert.NotEmpty(rows);
        return rows;
    }

    private static List<string> TestNames(string evidence) =>
        TestNamePattern().Matches(evidence).Select(m => m.Groups[1].Value).ToList();

    private static bool Exists(Dictionary<string, HashSet<string>> tests, string name)
    {
        if (tests.TryGetValue(name, out var methods))
        {
            return methods.Count > 0;
        }

        var dot = name.LastIndexOf('.');
        return dot > 0 && tests.TryGetValue(name[..dot], out var declared) && declared.Contains(name[(dot + 1)..]);
    }

    /// <summary>
    /// The test projects are built side by side with the same configuration and framework as this one; their
    /// assemblies are read as metadata, so none of their dependencies (Playwright, for one) has to be loadable here.
    /// </summary>
    private static string AssemblyPath(string project)
    {
        var ownProject = Path.Combine(RepositoryPaths.Root, "tests", "StalkingProtection.Web.Tests");
        var output = Path.GetRelativePath(ownProject, AppContext.BaseDirectory);
        var path = Path.Combine(RepositoryPaths.Root, "tests", project, output, project + ".dll");
        Assert.True(File.Exists(path), $"{path} is missing: build the whole solution before running this test.");
        return path;
    }

    /// <summary>Every top-level class of the assembly with the names of its own [Fact] and [Theory] methods.</summary>
    private static Dictionary<string, HashSet<string>> ReadTestMethods(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var types = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if (!type.GetDeclaringType().IsNil)
            {
                continue;
            }

            var methods = type.GetMethods()
                .Select(metadata.GetMethodDefinition)
                .Where(m => m.GetCustomAttributes().Any(a => IsTestAttribute(metadata, metadata.GetCustomAttribute(a))))
                .Select(m => metadata.GetString(m.Name));
            types[$"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}"] = new HashSet<string>(methods, StringComparer.Ordinal);
        }

        return types;
    }

    private static bool IsTestAttribute(MetadataReader metadata, CustomAttribute attribute)
    {
        var type = attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
            HandleKind.MethodDefinition => metadata.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
            _ => default(EntityHandle),
        };
        var name = type.Kind switch
        {
            HandleKind.TypeReference => metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)type).Name),
            HandleKind.TypeDefinition => metadata.GetString(metadata.GetTypeDefinition((TypeDefinitionHandle)type).Name),
            _ => string.Empty,
        };
        return name is "FactAttribute" or "TheoryAttribute";
    }

    [GeneratedRegex(@"^\|\s*V\d+\.\d+\.\d+\s*\|")]
    private static partial Regex RowPattern();

    [GeneratedRegex(@"`(StalkingProtection\.[A-Za-z0-9_.]+)`")]
    private static partial Regex TestNamePattern();
}
