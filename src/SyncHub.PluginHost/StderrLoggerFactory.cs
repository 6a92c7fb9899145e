using Microsoft.Extensions.Logging;

namespace SyncHub.PluginHost;

/// <summary>Plugin logs as plain lines on stderr; the host relays them into its own log.</summary>
internal sealed class StderrLoggerFactory(TextWriter writer) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new StderrLogger(categoryName, writer);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }
}
