using Microsoft.Extensions.Logging;

namespace SyncHub.Connectors;

/// <summary>What the host lends a connector: HTTP, time and logging. Passed to the gateway's constructor.</summary>
/// <param name="Http">A pooled client for outbound calls. Set absolute URIs; do not dispose it.</param>
/// <param name="Time">The clock. Use it for every delay and timestamp so SyncHub's tests stay deterministic.</param>
/// <param name="Logging">Creates loggers. Never log secrets or whole payloads at Information level.</param>
public sealed record ConnectorServices(HttpClient Http, TimeProvider Time, ILoggerFactory Logging)
{
    /// <summary>Where to keep credentials the destination rotates. Null when the host offers no store (tests).</summary>
    public ICredentialStore? Credentials { get; init; }
}
