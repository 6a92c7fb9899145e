using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SyncHub.Connectors.Tests.Xero;

/// <summary>Keeps every log line, with its structured values, so tests can check what was (never) logged.</summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(_lines);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join("; ", pairs.Select(pair => $"{pair.Key}={pair.Value}")) : "";
            lines.Enqueue($"{logLevel}: {formatter(state, exception)} | {values} | {exception}");
        }
    }
}
