using SyncHub.Data.Entities;

namespace SyncHub.Core.Runs;

/// <summary>What to run: which integration, why, and which source records.</summary>
public sealed record RunRequest(
    int IntegrationId,
    RunTrigger Trigger,
    RunMode Mode,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? StartedBy = null,
    long? RetryOfRunId = null,
    int RetryNumber = 0);
