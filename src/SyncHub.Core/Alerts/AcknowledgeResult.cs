using SyncHub.Data.Entities;

namespace SyncHub.Core.Alerts;

/// <summary>What acknowledging did, and the alert as it is now (null when there is none).</summary>
public sealed record AcknowledgeResult(AcknowledgeOutcome Outcome, Alert? Alert);
