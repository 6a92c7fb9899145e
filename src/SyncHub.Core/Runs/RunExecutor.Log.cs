using Microsoft.Extensions.Logging;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Runs;

public sealed partial class RunExecutor
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} of {Integration} finished {Status}: {Created} created, {Updated} updated, {Skipped} skipped, {Failed} failed")]
    private partial void LogFinished(long runId, string integration, RunStatus status, int created, int updated, int skipped, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} of {Integration} failed after all {Retries} automatic retries; an administrator must look at it")]
    private partial void LogRetriesExhausted(long runId, string integration, int retries);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The connection of {Integration} is marked expired: its credentials were refused and could not be refreshed")]
    private partial void LogConnectionExpired(string integration);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} pauses {Seconds} s for the source's rate limit")]
    private partial void LogRateLimited(long runId, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Connector} threw while reading the source of {Integration}")]
    private partial void LogSourceThrew(Exception exception, string connector, string integration);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} stopped on an unexpected error")]
    private partial void LogRunCrashed(Exception exception, long runId);
}
