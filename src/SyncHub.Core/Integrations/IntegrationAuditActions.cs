namespace SyncHub.Core.Integrations;

/// <summary>The <c>Action</c> values of the audit entries written about an integration's set-up.</summary>
public static class IntegrationAuditActions
{
    public const string Create = "integration.create";
    public const string Update = "integration.update";
    public const string Mapping = "integration.mapping";

    public static string Target(string slug) => "integration " + slug;
}
