namespace SyncHub.Core.Integrations;

/// <summary>What testing a connection showed the administrator. <see cref="Message"/> is untrusted, already truncated text.</summary>
public sealed record ConnectionTestReport(bool Supported, bool Succeeded, string ErrorClass, string Message);
