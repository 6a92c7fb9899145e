using SyncHub.Core.Failures;
using SyncHub.Core.Integrations;

namespace SyncHub.Core.Audit;

/// <summary>Every audit action SyncHub writes, with the words the audit page shows for it.</summary>
public static class AuditLabels
{
    public static IReadOnlyDictionary<string, string> Known { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [AccountAuditActions.SignIn] = "Signed in",
        [AccountAuditActions.SignInRefused] = "Sign-in refused",
        [AccountAuditActions.SignOut] = "Signed out",
        [AccountAuditActions.PasswordChange] = "Changed own password",
        [AccountAuditActions.UserCreate] = "Added a user",
        [AccountAuditActions.UserRole] = "Changed a role",
        [AccountAuditActions.UserReset] = "Reset a password",
        [AccountAuditActions.UserLock] = "Locked a user",
        [AccountAuditActions.UserUnlock] = "Unlocked a user",
        [AccountAuditActions.UserSignOutEverywhere] = "Signed a user out everywhere",
        [AccountAuditActions.ApiKeyCreate] = "Created an API key",
        [AccountAuditActions.ApiKeyRevoke] = "Revoked an API key",
        [AccountAuditActions.RunStart] = "Started a run",
        [AccountAuditActions.RunCancel] = "Cancelled a run",
        [AccountAuditActions.RunPolicy] = "Changed schedule and run policy",
        [IntegrationAuditActions.Create] = "Created an integration",
        [IntegrationAuditActions.Update] = "Changed integration settings",
        [IntegrationAuditActions.Mapping] = "Changed a mapping",
        [IntegrationAuditActions.ErrorBudget] = "Changed an error budget",
        [IntegrationAuditActions.Pause] = "Paused an integration",
        [IntegrationAuditActions.Resume] = "Resumed an integration",
        [IntegrationAuditActions.Delete] = "Deleted an integration",
        [Alerts.AlertAuditActions.RuleUpdate] = "Changed an alert rule",
        [Alerts.AlertAuditActions.Acknowledge] = "Acknowledged an alert",
        [AuditActions.Retry] = "Retried a record",
        [AuditActions.RetryAll] = "Retried many records",
        [AuditActions.DismissGroup] = "Dismissed a failure group",
        [AuditActions.EditRetry] = "Edited and retried a record",
        [AuditActions.Dismiss] = "Dismissed a record",
        [AuditActions.Archive] = "Archived a record",
        [AuditActions.Restore] = "Restored a record",
        [AuditActions.CancelOperation] = "Cancelled a retry operation",
        [AuditActions.DuplicateMerge] = "Merged a duplicate",
        [AuditActions.DuplicateKeepApart] = "Kept a duplicate apart",
        [Reconciliation.ReconcileAuditActions.Start] = "Started a reconciliation",
        [Reconciliation.ReconcileAuditActions.Resync] = "Resynced a reconciliation's gaps",
        [Reconciliation.ReconcileAuditActions.Cancel] = "Cancelled a reconciliation",
        [Notifications.NotificationAuditActions.Create] = "Added a notification channel",
        [Notifications.NotificationAuditActions.Update] = "Changed a notification channel",
        [Notifications.NotificationAuditActions.Delete] = "Deleted a notification channel",
        [Notifications.NotificationAuditActions.Test] = "Sent a test notification",
        [Redaction.RedactionAuditActions.StoredTextRedacted] = "Removed credentials from stored provider messages",
    };

    /// <summary>The human label, or the raw action for one written by a newer or older version.</summary>
    public static string For(string action) => Known.TryGetValue(action, out var label) ? label : action;
}
