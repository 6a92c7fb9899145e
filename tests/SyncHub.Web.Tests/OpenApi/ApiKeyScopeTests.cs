using System.Net;
using System.Text;
using Shouldly;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.OpenApi;

/// <summary>
/// An ingest-only key may push records and nothing else: every other operation of the document refuses it with a 403
/// problem before doing anything, new operations included without anyone listing them here.
/// </summary>
public sealed class ApiKeyScopeTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    private static readonly string[] IngestOperations = ["IngestRecord", "IngestRecordBatch"];

    [Fact]
    public async Task EveryOperationButIngest_WithAnIngestOnlyKey_Returns403Problem()
    {
        using var full = factory.CreateApiClient();
        var document = await ServedDocument.LoadAsync(full);
        using var ingestOnly = factory.CreateClient();
        ingestOnly.DefaultRequestHeaders.Add("X-Api-Key", await CreateIngestOnlyKeyAsync());

        var answers = new List<string>();
        foreach (var (method, path, operation) in document.Operations().Where(o => !IngestOperations.Contains(o.Operation["operationId"]!.GetValue<string>())))
        {
            var url = System.Text.RegularExpressions.Regex.Replace(path.Replace("operations/{id}", "operations/" + Guid.NewGuid(), StringComparison.Ordinal), @"\{[^}]+\}", "1");
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (operation["requestBody"]?["content"]?["application/json"]?["example"] is { } example)
            {
                request.Content = new StringContent(example.ToJsonString(), Encoding.UTF8, "application/json");
            }

            using var response = await ingestOnly.SendAsync(request);
            answers.Add($"{method} {path} -> {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
        }

        answers.Count.ShouldBeGreaterThan(35);
        answers.Where(a => !a.EndsWith("-> 403 application/problem+json", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Ingest_WithAnIngestOnlyKey_Accepted()
    {
        using var full = factory.CreateApiClient();
        await full.EnsureIntegrationAsync("scoped");
        using var ingestOnly = factory.CreateClient();
        ingestOnly.DefaultRequestHeaders.Add("X-Api-Key", await CreateIngestOnlyKeyAsync());

        using var response = await ingestOnly.PostJsonAsync("/api/v1/integrations/scoped/records", """{"entityType": "invoice", "sourceId": "S-1", "payload": {}}""");

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    private async Task<string> CreateIngestOnlyKeyAsync()
    {
        using var admin = await Browser.SignedInAsync(factory);
        await admin.OpenAsync("/api-keys");
        using var response = await admin.FormPostAsync("/api-keys?handler=Create", [new("Form.Name", "Scope check " + Guid.NewGuid()), new("Form.Scope", nameof(ApiKeyScope.Ingest))]);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return Html.Parse(html).Single("#new-api-key").TextContent.Trim();
    }
}
