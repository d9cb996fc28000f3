using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace StalkingProtection.Web.Tests.Infrastructure;

/// <summary>Keeps every formatted log message (with its exception text) so tests can read what the log says.</summary>
public sealed class CapturingLoggerProvider(LogLevel minimum = LogLevel.Warning) : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();
    private readonly ConcurrentQueue<(string Category, int EventId, string Message)> _entries = new();
    private readonly LogLevel _minimum = minimum;

    public IReadOnlyCollection<string> Messages => _messages;

    /// <summary>Every message with its logger category and event ID.</summary>
    public IReadOnlyCollection<(string Category, int EventId, string Message)> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider._minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var message = formatter(state, exception) + (exception is null ? "" : " " + exception);
                provider._messages.Enqueue(message);
                provider._entries.Enqueue((category, eventId.Id, message));
            }
        }
    }
}
