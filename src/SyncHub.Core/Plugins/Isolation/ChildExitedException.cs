namespace SyncHub.Core.Plugins.Isolation;

/// <summary>The plugin host process ended before it answered.</summary>
internal sealed class ChildExitedException(int exitCode) : Exception($"The plugin process exited with code {exitCode}.")
{
    public int ExitCode { get; } = exitCode;
}
