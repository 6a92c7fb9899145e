namespace SyncHub.Core.Plugins.Isolation;

/// <summary>The plugin's process is down and waits out its restart backoff; the call was not sent.</summary>
internal sealed class PluginUnavailableException(string cause, TimeSpan retryAfter) : Exception(cause)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
