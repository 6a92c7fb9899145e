using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncHub.Connectors;
using SyncHub.Core.Retries;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Operations;

/// <summary>
/// Ends a retry operation: completed when its queue ran dry, stopped when the canary failed the same way as before.
/// Either way no record is left pointing at it.
/// </summary>
public sealed partial class OperationEnding(
    IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, TimeProvider time, RetryOperationLookup lookup, ILogger<OperationEnding> logger)
{
    public async Task<RetryOperation> CompleteAsync(Guid operationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await writes.RunAsync(
            async token =>
            {
                // Only a running operation completes: a cancel that came in during the last batch keeps its status.
                await db.RetryOperations.Where(o => o.Id == operationId && o.Status == OperationStatus.Running).ExecuteUpdateAsync(
                    s => s.SetProperty(o => o.Status, OperationStatus.Completed).SetProperty(o => o.CompletedAt, time.GetUtcNow()),
                    token);
            },
            cancellationToken);

        return await TidyAsync(operationId, cancellationToken);
    }

    /// <summary>The canary failed the same way as before: the other records go back untouched and the panel says why.</summary>
    internal async Task<RetryOperation> StopAsync(Guid operationId, CanaryFailure failure, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await writes.RunAsync(
            async token =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(token);
                var untouched = await OperationMarks.ReleaseAsync(db, operationId, token);
                var message = StopMessage(failure, untouched);
                await db.RetryOperations.Where(o => o.Id == operationId && o.Status == OperationStatus.Running).ExecuteUpdateAsync(
                    s => s.SetProperty(o => o.Status, OperationStatus.Stopped).SetProperty(o => o.CompletedAt, time.GetUtcNow())
                        .SetProperty(o => o.Message, message),
                    token);
                await transaction.CommitAsync(token);
                LogStopped(operationId, failure.ErrorClass, untouched);
            },
            cancellationToken);

        return await TidyAsync(operationId, cancellationToken);
    }

    /// <summary>
    /// Whatever ended the operation, no record may keep pointing at it: a breaker can hand a claimed record back with
    /// the mark after a cancel released the others. Skipped becomes what the operation never tried.
    /// </summary>
    public async Task<RetryOperation> TidyAsync(Guid operationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await writes.RunAsync(
            async token =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(token);
                await OperationMarks.ReleaseAsync(db, operationId, token);
                await db.RetryOperations.Where(o => o.Id == operationId && o.Status != OperationStatus.Running).ExecuteUpdateAsync(
                    s => s.SetProperty(o => o.Skipped, o => o.Total - o.Succeeded - o.Failed > 0 ? o.Total - o.Succeeded - o.Failed : 0),
                    token);
                await transaction.CommitAsync(token);
            },
            cancellationToken);

        return await lookup.GetAsync(operationId, cancellationToken);
    }

    /// <summary>What the panel of a stopped operation says: the class it failed with, the records left, and the likely cause.</summary>
    internal static string StopMessage(CanaryFailure failure, int untouched)
    {
        var http = failure.HttpStatus is { } status ? $" ({status})" : "";
        return $"Stopped after the first record failed again with {ErrorClassPolicy.Label(failure.ErrorClass)}{http}, as before. "
            + $"The other {untouched} records were left untouched. {ErrorClassPolicy.Diagnosis(failure.ErrorClass)}";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retry operation {OperationId} stopped after its canary failed again with {ErrorClass}; {Untouched} records released untouched")]
    private partial void LogStopped(Guid operationId, ErrorClass errorClass, int untouched);
}
