namespace SyncHub.Core.Plugins;

/// <summary>A loaded connector that misbehaved at run time (an isolated plugin was restarted), and why.</summary>
public sealed record ConnectorProblem(string Connector, string Reason, DateTimeOffset At);
