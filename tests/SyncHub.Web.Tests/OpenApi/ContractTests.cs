using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shouldly;
using SyncHub.TestUtils;
using Xunit.Abstractions;

namespace SyncHub.Web.Tests.OpenApi;

/// <summary>
/// Every documented operation, sent with the document's own example body and parameter examples (ids and slugs the
/// examples cannot know come from the seeded state) to a running SyncHub; each answer must have a documented status
/// and media type and validate against the document's schema for it.
/// </summary>
public sealed class ContractTests(SyncHubWebFactory factory, ITestOutputHelper output) : IClassFixture<SyncHubWebFactory>
{
    /// <summary>The order the operations run in (creates before reads, deletes last) and the statuses each may answer.</summary>
    private static readonly (string Operation, int[] Statuses)[] Plan =
    [
        ("ListIntegrations", [200]), ("GetIntegration", [200]), ("CreateIntegration", [201]), ("UpdateIntegration", [200]), ("GetMapping", [200]),
        ("IngestRecord", [202]), ("IngestRecordBatch", [202]), ("ListRecords", [200]), ("GetRecord", [200]),
        ("ListFailureGroups", [200]), ("RetryFailureGroup", [202]), ("DismissFailureGroup", [200]),
        ("EditAndRetryRecord", [200]), ("DismissRecords", [200]), ("ArchiveRecords", [200]), ("RestoreRecords", [200]),
        ("RetryRecords", [202]), ("GetOperation", [200]), ("CancelOperation", [202, 409]),
        ("StartRun", [202]), ("ListRuns", [200]), ("GetRun", [200]), ("CancelRun", [202, 409]),
        ("StartReconciliation", [202]), ("ListReconciliations", [200]), ("GetReconciliation", [200]), ("ListReconciliationDifferences", [200]),
        ("ResyncReconciliation", [202, 409]), ("CancelReconciliation", [202, 409]),
        ("ListReviews", [200]), ("GetReview", [200]), ("MergeReview", [200]), ("KeepReviewApart", [200]),
        ("ListAlerts", [200]), ("AcknowledgeAlert", [200]), ("ListAuditEntries", [200]),
        ("CreateNotificationChannel", [201]), ("ListNotificationChannels", [200]), ("GetNotificationChannel", [200]),
        ("UpdateNotificationChannel", [200]), ("TestNotificationChannel", [200]), ("DeleteNotificationChannel", [204]),
        ("SaveMapping", [200]), ("PauseIntegration", [200]), ("ResumeIntegration", [200]), ("DeleteIntegration", [200]),
    ];

    [Fact]
    public async Task EveryOperation_SentWithItsExample_AnswersAsDocumented()
    {
        using var api = factory.CreateApiClient();
        var document = await ServedDocument.LoadAsync(api);
        var operations = document.Operations().ToDictionary(o => o.Operation["operationId"]!.GetValue<string>(), StringComparer.Ordinal);
        operations.Keys.Order(StringComparer.Ordinal).ShouldBe(Plan.Select(p => p.Operation).Order(StringComparer.Ordinal), "the plan names every operation once");
        var state = await ContractState.SeedAsync(factory, api);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);

        var failures = new List<string>();
        foreach (var (name, statuses) in Plan)
        {
            var (method, path, operation) = operations[name];
            using var request = new HttpRequestMessage(new HttpMethod(method), Url(path, operation, Overrides(name, state, values)));
            if (operation["requestBody"]?["content"]?["application/json"]?["example"] is { } example)
            {
                request.Content = new StringContent(example.ToJsonString(), Encoding.UTF8, "application/json");
            }

            using var response = await api.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            output.WriteLine($"{name}: {method} {request.RequestUri} -> {(int)response.StatusCode}");
            failures.AddRange(Check(document, name, operation, statuses, response, body));
            Remember(name, body, values);
        }

        failures.ShouldBeEmpty();
    }

    private static IEnumerable<string> Check(ServedDocument document, string name, JsonObject operation, int[] statuses, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (!statuses.Contains(status))
        {
            yield return $"{name}: {status}, expected {string.Join(" or ", statuses)}: {body}";
            yield break;
        }

        var documented = operation["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (documented is null)
        {
            yield return $"{name}: {status} is not a documented response";
            yield break;
        }

        if (documented["content"] is null)
        {
            if (body.Length > 0)
            {
                yield return $"{name}: {status} is documented without a body but had one";
            }

            yield break;
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (document.ResponseSchema(operation, status, mediaType) is not { } schema)
        {
            yield return $"{name}: {status} answered {mediaType}, not documented";
            yield break;
        }

        using var json = JsonDocument.Parse(body);
        foreach (var violation in ServedDocument.Violations(schema, json.RootElement))
        {
            yield return $"{name}: {violation}";
        }
    }

    /// <summary>Path values the examples cannot know: the seeded ids, or those an earlier answer gave.</summary>
    private static Dictionary<string, string> Overrides(string name, ContractState state, Dictionary<string, string> values) => name switch
    {
        "EditAndRetryRecord" => new() { ["id"] = state.EditRecordId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        "RetryFailureGroup" => new() { ["fingerprint"] = state.RetryGroup },
        "DismissFailureGroup" => new() { ["fingerprint"] = state.DismissGroup },
        "GetOperation" or "CancelOperation" => new() { ["id"] = values["operation"] },
        "StartRun" or "ListRuns" => new() { ["slug"] = ContractState.SourceSlug },
        "GetRun" or "CancelRun" => new() { ["id"] = values["run"] },
        "StartReconciliation" or "ListReconciliations" => new() { ["slug"] = ContractState.ReconcileSlug },
        "GetReconciliation" or "ListReconciliationDifferences" or "ResyncReconciliation" or "CancelReconciliation" => new() { ["id"] = values["reconciliation"] },
        "GetReview" or "MergeReview" => new() { ["id"] = state.MergeReviewId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        "KeepReviewApart" => new() { ["id"] = state.KeepApartReviewId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        "AcknowledgeAlert" => new() { ["id"] = state.AlertId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        "GetNotificationChannel" or "UpdateNotificationChannel" or "TestNotificationChannel" or "DeleteNotificationChannel" => new() { ["id"] = values["channel"] },
        "PauseIntegration" or "DeleteIntegration" => new() { ["slug"] = "erp-books" }, // the one CreateIntegration's example made
        _ => [],
    };

    private static void Remember(string name, string body, Dictionary<string, string> values)
    {
        var key = name switch { "RetryRecords" => "operation", "StartRun" => "run", "StartReconciliation" => "reconciliation", "CreateNotificationChannel" => "channel", _ => null };
        if (key is null || body.Length == 0)
        {
            return;
        }

        var root = JsonNode.Parse(body)!;
        values[key] = (root["operationId"] ?? root["id"])!.ToJsonString().Trim('"');
    }

    /// <summary>The path with each parameter's example (or override), and every query parameter's example.</summary>
    private static string Url(string path, JsonObject operation, Dictionary<string, string> overrides)
    {
        var query = new List<string>();
        foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
        {
            var parameterName = parameter!["name"]!.GetValue<string>();
            var value = overrides.TryGetValue(parameterName, out var given) ? given : parameter["example"]!.ToJsonString().Trim('"');
            if (parameter["in"]!.GetValue<string>() == "path")
            {
                path = path.Replace("{" + parameterName + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
            }
            else
            {
                query.Add($"{parameterName}={Uri.EscapeDataString(value)}");
            }
        }

        return query.Count == 0 ? path : path + "?" + string.Join("&", query);
    }
}
