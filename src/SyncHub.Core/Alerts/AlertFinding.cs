namespace SyncHub.Core.Alerts;

/// <summary>A pattern a rule found: what about (unique per rule), and what it saw.</summary>
public sealed record AlertFinding(string Subject, int? IntegrationId, string Detail);
