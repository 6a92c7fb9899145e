namespace SyncHub.Core.Integrations;

/// <summary>The <c>Action</c> values of the audit entries written about an integration's set-up.</summary>
public static class IntegrationAuditActions
{
    public const string Create = "integration.create";
    public const string Update = "integration.update";
    public const string Mapping = "integration.mapping";
    public const string ErrorBudget = "integration.error-budget";
    public const string Pause = "integration.pause";
    public const string Resume = "integration.resume";
    public const string Delete = "integration.delete";

    public static string Target(string slug) => "integration " + slug;
}
