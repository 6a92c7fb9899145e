using SyncHub.Core.Audit;
using SyncHub.Core.Failures;
using SyncHub.Core.Failures.Groups;
using SyncHub.Core.Validation;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Failed;

/// <summary>The failed page's archive, dismiss (one record or a failure group) and restore, each answered with the message the list shows.</summary>
public sealed class FailedRecordActions(RecordActionService actions, GroupDismissal groups)
{
    public async Task<string> ArchiveAsync(long[] ids, Actor actor, CancellationToken cancellationToken)
    {
        var result = await actions.ArchiveAsync(ids.Length == 0 ? null : ids, actor.Name, null, cancellationToken);
        return result.IsValid
            ? $"Archived {result.Changed.Count} of {ids.Distinct().Count()} selected. Find them on the Archived tab."
            : "Select at least one record to archive.";
    }

    public async Task<string> DismissAsync(long[] ids, string? reason, Actor actor, CancellationToken cancellationToken)
    {
        var result = await actions.DismissAsync(ids, reason, actor.Name, null, cancellationToken);
        return result.IsValid
            ? result.Changed.Count == 0
                ? "Nothing was dismissed: the record has left the dead-letter queue."
                : $"Dismissed {Records(result.Changed.Count)}; it will not be retried automatically. Reason: {reason!.Trim()}"
            : Describe(result.Errors!) + " Nothing was dismissed.";
    }

    public async Task<string> RestoreAsync(long[] ids, Actor actor, CancellationToken cancellationToken)
    {
        var result = await actions.RestoreAsync(ids.Length == 0 ? null : ids, actor.Name, null, cancellationToken);
        return result.IsValid
            ? $"Restored {Records(result.Changed.Count)}; back in the list of its status."
            : "Select a record to restore.";
    }

    /// <summary>Dismiss group: every failed record (or dead letter) of the group, with one reason and one audit entry.</summary>
    public async Task<string> DismissGroupAsync(string? group, string? reason, Actor actor, int? integrationId, RecordStatus queue, CancellationToken cancellationToken)
    {
        var result = await groups.DismissGroupAsync(group ?? "", reason, actor.Name, integrationId, queue, cancellationToken);
        return result.IsValid
            ? result.Dismissed == 0
                ? $"Nothing was dismissed: the group has no {(queue == RecordStatus.DeadLetter ? "dead letters" : "failed records")} left."
                : $"Dismissed {Records(result.Dismissed)} of the group; they will not be retried automatically. Reason: {reason!.Trim()}"
            : Describe(result.Errors!) + " Nothing was dismissed.";
    }

    private static string Records(int count) => count == 1 ? "1 record" : $"{count} records";

    // "Reason is required.": the message names the field the way the form labels it.
    private static string Describe(FieldErrors errors) => string.Join(
        " ", errors.ToDictionary().SelectMany(e => e.Value.Select(m => $"{char.ToUpperInvariant(e.Key[0])}{e.Key[1..]} {m}")));
}
