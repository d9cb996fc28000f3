using System.Reflection;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Orders;

namespace StalkingProtection.Core.Tests.Conventions;

/// <summary>
/// Commands answer with outcomes (docs/architecture.md): a service method that changes records on someone's behalf takes the
/// <see cref="Actor"/> and answers with the outcome its entity decided, so pages and the API explain it the same way.
/// </summary>
public class CommandOutcomeTests
{
    /// <summary>Methods that take an actor but are not commands, or answer with something other than an outcome, and why.</summary>
    private static readonly Dictionary<string, string> _notCommands = new(StringComparer.Ordinal)
    {
    };

    [Fact]
    public void EveryServiceCommand_AnswersWithAnOutcome()
    {
        // Arrange
        var commands = typeof(OrderService).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Service", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal) && m.GetParameters().Any(p => p.ParameterType == typeof(Actor)))
                .Select(m => (Name: $"{t.Name}.{m.Name}", Method: m)))
            .Where(c => !_notCommands.ContainsKey(c.Name))
            .ToList();

        // Act
        var withoutOutcome = commands.Where(c => OutcomeOf(c.Method.ReturnType) is null).Select(c => $"{c.Name} answers {Describe(c.Method.ReturnType)}").ToList();

        // Assert
        Assert.NotEmpty(commands);
        Assert.True(withoutOutcome.Count == 0, "Commands that answer without an outcome:\n" + string.Join("\n", withoutOutcome));
    }

    [Fact]
    public void EveryOutcome_HasOneExplain()
    {
        // Arrange
        var outcomes = typeof(OrderService).Assembly.GetExportedTypes().Where(t => t.Name.EndsWith("Outcome", StringComparison.Ordinal) && t.IsClass).ToList();

        // Act
        var withoutExplain = outcomes.Where(t => t.GetMethod("Explain", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)?.ReturnType != typeof(string))
            .Select(t => t.Name).ToList();

        // Assert
        Assert.NotEmpty(outcomes);
        Assert.Empty(withoutExplain);
    }

    [Fact]
    public void TheListOfMethodsThatAreNotCommands_NamesOnlyMethodsThatExist()
    {
        // Arrange
        var methods = typeof(OrderService).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => $"{t.Name}.{m.Name}"))
            .ToHashSet(StringComparer.Ordinal);

        // Act
        var stale = _notCommands.Keys.Where(k => !methods.Contains(k)).ToList();

        // Assert
        Assert.Empty(stale);
    }

    private static Type? OutcomeOf(Type returnType) =>
        returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>)
        && returnType.GetGenericArguments()[0] is { } answer && answer.Name.EndsWith("Outcome", StringComparison.Ordinal) ? answer : null;

    private static string Describe(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>" : type.Name;
}
