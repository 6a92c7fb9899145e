using Htmx;
using Microsoft.AspNetCore.Mvc;
using SyncHub.Core.Failures.Groups;
using SyncHub.Core.Operations;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Failed;

// The failure groups tab's actions, on the failed queue or (queue=dead-letter) the dead letters; [OperatorActions]
// refuses them to viewers before they run.
public sealed partial class IndexModel
{
    /// <summary>Retry group: a Retry All over the group's failed records (or dead letters), with the same canary, progress and cancel.</summary>
    public async Task<IActionResult> OnPostRetryGroupAsync(string? group, CancellationToken cancellationToken)
    {
        Tab = FailedTabs.Groups;
        if (string.IsNullOrWhiteSpace(group) || group.Length > ErrorFingerprint.Length)
        {
            return ListResult(await LoadAsync("Pick a failure group to retry.", cancellationToken));
        }

        var integrationId = await IntegrationIdAsync(cancellationToken);
        var scope = GroupQueue == RecordStatus.DeadLetter ? RetryScope.DeadLetterGroup(group, integrationId) : RetryScope.Group(group, integrationId);
        var operation = await operations.StartInBackgroundAsync(scope, Actor, cancellationToken);
        if (Request.IsHtmx())
        {
            return Partial("Partials/_OperationProgress", await ProgressViewAsync(operation, null, cancellationToken));
        }

        return RedirectToPage(new { tab = FailedTabs.Groups, integration = Integration, queue = Queue, operation = operation.Id });
    }

    /// <summary>Dismiss group: every failed record (or dead letter) of the group, with one reason and one audit entry.</summary>
    public async Task<IActionResult> OnPostDismissGroupAsync(string? group, string? reason, CancellationToken cancellationToken)
    {
        Tab = FailedTabs.Groups;
        var result = await actions.DismissGroupAsync(group ?? "", reason, Actor, await IntegrationIdAsync(cancellationToken), GroupQueue, cancellationToken);
        var message = result.IsValid
            ? result.Dismissed == 0
                ? $"Nothing was dismissed: the group has no {(GroupQueue == RecordStatus.DeadLetter ? "dead letters" : "failed records")} left."
                : $"Dismissed {Records(result.Dismissed)} of the group; they will not be retried automatically. Reason: {reason!.Trim()}"
            : Describe(result.Errors!) + " Nothing was dismissed.";
        return ListResult(await LoadAsync(message, cancellationToken));
    }
}
