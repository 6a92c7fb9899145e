namespace SyncHub.Core.Alerts;

/// <summary>The <c>Action</c> values of the audit entries written about alert rules.</summary>
public static class AlertAuditActions
{
    public const string RuleUpdate = "alert-rule.update";
    public const string Acknowledge = "alert.acknowledge";

    public static string Target(long id) => "alert " + id;
}
