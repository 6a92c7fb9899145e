using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncHub.Client;

/// <summary>
/// Calls SyncHub's API (<c>/api/v1</c>, described by <c>/openapi/v1.json</c>) with an <see cref="HttpClient"/> whose base
/// address is SyncHub's and which sends the <c>X-Api-Key</c> header (see <see cref="Create"/>). A problem answer throws
/// <see cref="SyncHubApiException"/> carrying the problem.
/// </summary>
public sealed class SyncHubClient(HttpClient http, TimeProvider? time = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>An <see cref="HttpClient"/> for <paramref name="baseAddress"/> that sends <paramref name="apiKey"/>, and a client over it.</summary>
    public static SyncHubClient Create(Uri baseAddress, string apiKey)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return new SyncHubClient(http);
    }

    /// <summary>Pushes one record (<c>IngestRecord</c>); the same source id again updates that record.</summary>
    public Task<IngestResult> IngestAsync(string integration, RecordToIngest record, CancellationToken cancellationToken = default) =>
        SendAsync<IngestResult>(HttpMethod.Post, $"api/v1/integrations/{Escape(integration)}/records", record, cancellationToken);

    /// <summary>Pushes up to 1000 records in one transaction, all or none (<c>IngestRecordBatch</c>).</summary>
    public async Task<IReadOnlyList<IngestResult>> IngestBatchAsync(string integration, IEnumerable<RecordToIngest> records, CancellationToken cancellationToken = default) =>
        (await SendAsync<IngestBatchResult>(HttpMethod.Post, $"api/v1/integrations/{Escape(integration)}/records:batch", new { records }, cancellationToken)).Items;

    /// <summary>Retry All Failed of one integration, optionally of one error class (<c>RetryRecords</c>).</summary>
    public Task<OperationStarted> RetryAllAsync(string integration, string? errorClass = null, CancellationToken cancellationToken = default) =>
        SendAsync<OperationStarted>(HttpMethod.Post, $"api/v1/integrations/{Escape(integration)}/records/retry", new { all = true, errorClass }, cancellationToken);

    /// <summary>Retry Selected (<c>RetryRecords</c> with ids).</summary>
    public Task<OperationStarted> RetryAsync(string integration, IEnumerable<long> ids, CancellationToken cancellationToken = default) =>
        SendAsync<OperationStarted>(HttpMethod.Post, $"api/v1/integrations/{Escape(integration)}/records/retry", new { ids }, cancellationToken);

    /// <summary>A retry operation's progress (<c>GetOperation</c>).</summary>
    public Task<Operation> GetOperationAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync<Operation>(HttpMethod.Get, $"api/v1/operations/{id}", null, cancellationToken);

    /// <summary>Cancels a running operation (<c>CancelOperation</c>); a 409 when it had already ended.</summary>
    public Task<Operation> CancelOperationAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync<Operation>(HttpMethod.Post, $"api/v1/operations/{id}/cancel", null, cancellationToken);

    /// <summary>Polls the operation every <paramref name="interval"/> (one second by default) until it is no longer running.</summary>
    public async Task<Operation> WaitForOperationAsync(Guid id, TimeSpan? interval = null, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var operation = await GetOperationAsync(id, cancellationToken).ConfigureAwait(false);
            if (operation.Status != Operation.Running)
            {
                return operation;
            }

            await Task.Delay(interval ?? TimeSpan.FromSeconds(1), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One integration's status (<c>GetIntegration</c>).</summary>
    public Task<Integration> GetIntegrationAsync(string integration, CancellationToken cancellationToken = default) =>
        SendAsync<Integration>(HttpMethod.Get, $"api/v1/integrations/{Escape(integration)}", null, cancellationToken);

    /// <summary>One page of an integration's records of one status, failed by default (<c>ListRecords</c>).</summary>
    public Task<RecordPage> ListRecordsAsync(string integration, string? status = null, int? limit = null, string? after = null, CancellationToken cancellationToken = default)
    {
        var query = new List<string>();
        if (status is not null)
        {
            query.Add("status=" + Uri.EscapeDataString(status));
        }

        if (limit is { } size)
        {
            query.Add("limit=" + size.ToString(CultureInfo.InvariantCulture));
        }

        if (after is not null)
        {
            query.Add("after=" + Uri.EscapeDataString(after));
        }

        var url = $"api/v1/integrations/{Escape(integration)}/records" + (query.Count == 0 ? "" : "?" + string.Join("&", query));
        return SendAsync<RecordPage>(HttpMethod.Get, url, null, cancellationToken);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string url, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var problem = response.Content.Headers.ContentLength is 0
                ? null
                : await ReadProblemAsync(response, cancellationToken).ConfigureAwait(false);
            throw new SyncHubApiException((int)response.StatusCode, problem);
        }

        return (await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task<Problem?> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<Problem>(Json, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
