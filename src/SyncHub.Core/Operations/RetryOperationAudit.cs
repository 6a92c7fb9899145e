using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Failures;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Operations;

/// <summary>
/// The audit entries a started operation commits with its marking: a selection gets an entry per record it queued;
/// Retry All (up to 100,000 records) one entry for the operation.
/// </summary>
internal static class RetryOperationAudit
{
    public static async Task AddAsync(
        SyncHubDbContext db, RetryOperation operation, RetryScope scope, IReadOnlyList<long> queuedIds, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (scope.RecordIds is null)
        {
            db.AuditLog.Add(new AuditEntry { At = now, Actor = actor, Action = AuditActions.RetryAll, Target = Target(scope), Detail = $"{operation.Total} records, operation {operation.Id}" });
            return;
        }

        var queued = await db.Records.Where(r => EF.Parameter(queuedIds).Contains(r.Id)).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Status }).ToListAsync(cancellationToken);
        db.AuditLog.AddRange(queued.Select(r => new AuditEntry
        {
            At = now, Actor = actor, Action = AuditActions.Retry, Target = AuditActions.RecordTarget(r.Id), Detail = $"from {r.Status}, operation {operation.Id}",
        }));
    }

    /// <summary>What a Retry All took, as its audit entry names it.</summary>
    public static string Target(RetryScope scope)
    {
        var target = scope.Filter?.Describe() ?? (scope.IntegrationId is { } integrationId ? $"integration {integrationId}" : "all integrations");
        if (scope.DeadLetters)
        {
            target += ", dead letters";
        }

        if (scope.Filter is null && scope.ErrorClass is { } errorClass)
        {
            target += $", error class {errorClass}";
        }

        return target;
    }
}
