using SyncHub.Core.Audit;
using SyncHub.Core.Operations;
using SyncHub.Core.Queries;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Failed;

/// <summary>The failed page's retries: Retry Selected (now), Retry All and Retry group (in the background), Cancel.</summary>
public sealed class FailedRetryActions(RetryOperationService operations)
{
    /// <summary>Retries the picked records now and says what became of them.</summary>
    public async Task<string> RetrySelectedAsync(long[] ids, bool deadLetters, Actor actor, CancellationToken cancellationToken)
    {
        if (ids.Length == 0)
        {
            return "Select at least one record to retry.";
        }

        var selected = ids.Distinct().Take(FailedRecordsQuery.MaxPageSize).ToArray();
        var result = await operations.RunNowAsync(RetryScope.Selected(selected), actor.Name, cancellationToken);
        return RetryMessage(result, selected.Length, deadLetters);
    }

    /// <summary>Retry All: exactly the records the filtered list shows (all its pages), search included.</summary>
    public Task<RetryOperation> RetryAllAsync(RecordFilter filter, Actor actor, CancellationToken cancellationToken) =>
        operations.StartInBackgroundAsync(RetryScope.Filtered(filter), actor.Name, cancellationToken);

    /// <summary>Retry group: a Retry All over the group's failed records (or dead letters), with the same canary, progress and cancel.</summary>
    public Task<RetryOperation> RetryGroupAsync(string group, int? integrationId, RecordStatus queue, Actor actor, CancellationToken cancellationToken) =>
        operations.StartInBackgroundAsync(
            queue == RecordStatus.DeadLetter ? RetryScope.DeadLetterGroup(group, integrationId) : RetryScope.Group(group, integrationId), actor.Name, cancellationToken);

    public Task<OperationCancelResult> CancelAsync(Guid id, Actor actor, CancellationToken cancellationToken) =>
        operations.CancelAsync(id, actor.Name, cancellationToken);

    public static string RetryMessage(RetryOperation result, int selected, bool deadLetters)
    {
        var message = $"Retried {result.Total} of {selected} selected: {result.Succeeded} delivered, {result.Failed} failed again.";
        if (deadLetters && result.Failed > 0)
        {
            message += " Records that failed again stay in the dead-letter queue.";
        }

        if (result.Status == OperationStatus.Stopped && result.Message is { } why)
        {
            return message + " " + why;
        }

        if (result.Status == OperationStatus.Running)
        {
            message += " The rest wait for a connection breaker and are retried in the background when it lets them through.";
        }

        return result.Total < selected
            ? message + " The others were no longer in the queue or were already being retried."
            : message;
    }
}
