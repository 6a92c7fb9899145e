namespace SyncHub.Web.Api.OpenApi;

/// <summary>
/// One example body per operation that takes one, by operation id: what the reference page pre-fills and what the
/// contract test sends. Each must be accepted by a SyncHub that has the example integration (<see cref="ParameterDocs.ExampleSlug"/>).
/// </summary>
internal static class RequestExamples
{
    private static readonly Dictionary<string, string> ById = new(StringComparer.Ordinal)
    {
        ["CreateIntegration"] = """
            {"slug": "erp-books", "name": "ERP books", "connector": "sandbox", "settings": {"latencyMs": 0},
             "mapping": "{\"total\": {{ payload.amount }}, \"ref\": {{ record.source_id | object.to_json }}}",
             "mappingDefaults": {"currency": "EUR"}, "retry": {"baseDelaySeconds": 60, "maxAutomaticAttempts": 5}}
            """,
        ["UpdateIntegration"] = """{"name": "Demo accounting (EU)", "retry": {"baseDelaySeconds": 30, "maxAutomaticAttempts": 6}, "duplicateDetection": true}""",
        ["SaveMapping"] = """
            {"mapping": "{\"total\": {{ payload.amount }}, \"currency\": {{ payload.currency | object.to_json }}}",
             "mappingTemplates": {"customer": "{\"name\": {{ payload.name | object.to_json }}}"}, "mappingDefaults": {"currency": "EUR"}}
            """,
        ["PauseIntegration"] = """{"reason": "Month-end close at the destination"}""",
        ["IngestRecord"] = """{"entityType": "invoice", "sourceId": "INV-1001", "payload": {"amount": 120.5, "currency": "EUR", "customer": "Acme Ltd"}}""",
        ["IngestRecordBatch"] = """
            {"records": [
              {"entityType": "invoice", "sourceId": "INV-1002", "payload": {"amount": 80, "currency": "EUR", "customer": "Acme Ltd"}},
              {"entityType": "invoice", "sourceId": "INV-1003", "payload": {"amount": 42.9, "currency": "EUR", "customer": "Globex"}}]}
            """,
        ["EditAndRetryRecord"] = """{"payload": {"amount": 120.5, "currency": "EUR", "customer": "Acme Ltd", "email": "billing@acme.example"}}""",
        ["DismissRecords"] = """{"ids": [1], "reason": "Entered by hand at the destination"}""",
        ["ArchiveRecords"] = """{"ids": [1]}""",
        ["RestoreRecords"] = """{"ids": [1]}""",
        ["RetryRecords"] = """{"all": true}""",
        ["DismissFailureGroup"] = """{"reason": "Test data, not needed at the destination"}""",
        ["StartRun"] = """{"mode": "incremental"}""",
        ["StartReconciliation"] = """{"from": "2026-01-01T00:00:00Z", "to": "2026-02-01T00:00:00Z"}""",
        ["MergeReview"] = """{"survivor": "CUST-1"}""",
        ["AcknowledgeAlert"] = """{"note": "Looking into it with the provider"}""",
        ["CreateNotificationChannel"] = """
            {"name": "Ops webhook", "kind": "webhook", "enabled": false, "events": ["alertOpened", "alertResolved", "deadLettered"],
             "throttleMinutes": 15, "url": "https://hooks.example.com/synchub"}
            """,
        ["UpdateNotificationChannel"] = """{"name": "Ops inbox", "kind": "inApp", "enabled": true, "events": ["alertOpened", "alertResolved"], "throttleMinutes": 30}""",
    };

    public static string? For(string operationId) => ById.GetValueOrDefault(operationId);

    public static IReadOnlyCollection<string> OperationIds => ById.Keys;
}
