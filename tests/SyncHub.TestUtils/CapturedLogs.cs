using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SyncHub.TestUtils;

/// <summary>
/// Keeps every log line (message and exception) so tests can prove what never gets logged, and each line's
/// structured properties with those of its scopes (the host's TraceId and SpanId scope included).
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<string> Lines { get; } = new();

    /// <summary>The same lines, structured.</summary>
    public ConcurrentQueue<CapturedLog> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            owner.Lines.Enqueue($"{logLevel} {category}: {message} {exception}");
            var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
            owner._scopes.ForEachScope(static (scope, into) => Collect(scope, into), properties);
            Collect(state, properties);
            owner.Entries.Enqueue(new CapturedLog(logLevel, category, message, properties, exception));
        }

        private static void Collect(object? state, Dictionary<string, object?> into)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    into[key] = value;
                }
            }
        }
    }
}
