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
        ["VictimUpdateService.MessagesAsync"] = "a read of the victim updates sent, audited as a consultation",
        ["StatisticsService.GetAsync"] = "a read of the statistics for a period, audited as a consultation",
        ["RecordSearchService.SearchAsync"] = "the workspace search, audited as a consultation",
        ["TriageService.QueueAsync"] = "the triage queue, a read",
        ["TriageService.ViewAsync"] = "a read of a public report, audited as a consultation",
        ["TriageService.MayReadContactDetailsAsync"] = "a need-to-know check before a read",
        ["TriageService.ReadContactDetailsAsync"] = "a read of safe-contact details, audited (DPA 2018 s.62)",
        ["VictimContactService.ReadAsync"] = "a read of a victim's contact details, audited (DPA 2018 s.62)",
        ["VictimContactService.FindByPhoneAsync"] = "a read: the victims with a phone number, audited (DPA 2018 s.62)",
        ["OrderLookupService.SearchAsync"] = "the frontline lookup, audited as a consultation",
        ["ReportedBreachService.ViewAsync"] = "a read of a reported breach, audited as a consultation",
        ["ReportedBreachService.ReadContactDetailsAsync"] = "a read of safe-contact details, audited (DPA 2018 s.62)",
        ["DocumentService.ApplicationPackAsync"] = "makes a document to download, audited as a disclosure; changes no record",
        ["DocumentService.OrderBriefingAsync"] = "makes a document to download, audited as a disclosure; changes no record",
        ["DocumentService.StatementOfServiceAsync"] = "makes a document to download, audited as a disclosure; changes no record",
        ["DocumentService.NotificationAcknowledgementAsync"] = "makes a document to download, audited as a disclosure; changes no record",
        ["DocumentService.VictimCopyAsync"] = "makes a document to download, audited as a disclosure; changes no record",
        ["TrackerImportService.RunAsync"] = "answers with the import's row-by-row report, which is its outcome",
        ["ApiClientService.CreateAsync"] = "answers with the new key, shown once",
        ["ApiClientService.RotateAsync"] = "answers with the new key, shown once",
        ["StaffAccountService.CreateAsync"] = "answers with ASP.NET Core Identity's result for the new account",
        ["StaffAccountService.InviteAsync"] = "answers with the set-up link, shown once to the administrator",
        ["StaffAccountService.ReissueSetUpLinkAsync"] = "answers with the set-up link, shown once to the administrator",
        ["StaffAccountService.ResetPasswordAsync"] = "answers with the set-up link, shown once to the administrator",
        ["StaffAccountService.ChangePasswordAsync"] = "answers with Identity's result and the sessions ended, shown to the person",
        ["StaffAccountService.EndOwnSessionAsync"] = "signing out: answers whether a session was ended",
        ["StaffAccountService.EndSessionsAsync"] = "answers with the number of sessions ended",
        ["StaffAccountService.EndEveryoneElsesSessionsAsync"] = "answers with the number of sessions ended",
        ["StaffAccountService.EnableTwoFactorAsync"] = "answers with the recovery codes, shown once to the person",
        ["StaffAccountService.StartTwoFactorChangeAsync"] = "answers with the new authenticator secret, shown once to the person",
        ["StaffAccountService.CompleteTwoFactorChangeAsync"] = "answers with the recovery codes, shown once to the person",
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
