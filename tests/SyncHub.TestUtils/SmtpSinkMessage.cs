namespace SyncHub.TestUtils;

/// <summary>One message the <see cref="LoopbackSmtpSink"/> accepted: envelope and raw content.</summary>
public sealed record SmtpSinkMessage(string From, IReadOnlyList<string> To, string Data);
