using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Square;

/// <summary>The Square Customers API calls the connector makes, with the headers every call needs (the Loyalty API's are in <see cref="SquareLoyaltyApi"/>).</summary>
internal sealed class SquareClient(HttpClient http, TimeProvider time, SquareSettings settings)
{
    private const int MaxBodyBytes = 1024 * 1024;

    /// <summary>SearchCustomers with one exact filter, for example <c>reference_id</c> or <c>email_address</c>.</summary>
    public Task<SquareResponse> SearchAsync(string field, string exact, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "/v2/customers/search", SquareBodies.Search(field, exact), cancellationToken);

    /// <summary>SearchCustomers for the customers updated since a time, oldest first, by cursor.</summary>
    public Task<SquareResponse> SearchUpdatedSinceAsync(DateTimeOffset from, string? cursor, int limit, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "/v2/customers/search", SquareBodies.UpdatedSince(from, cursor, limit), cancellationToken);

    /// <summary>CreateCustomer, idempotent on the record's key.</summary>
    public Task<SquareResponse> CreateAsync(Member member, string idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "/v2/customers", SquareBodies.Create(member, idempotencyKey), cancellationToken);

    /// <summary>UpdateCustomer: writes the member's reference and the fields it has.</summary>
    public Task<SquareResponse> UpdateAsync(string customerId, Member member, long? version, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, "/v2/customers/" + Uri.EscapeDataString(customerId), SquareBodies.Update(member, version), cancellationToken);

    /// <summary>ListCustomers with a limit of one: a harmless read with the permission the connector needs.</summary>
    public Task<SquareResponse> ListOneCustomerAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "/v2/customers?limit=1", null, cancellationToken);

    /// <summary>RetrieveCustomer: the customer's current fields, for example its phone number.</summary>
    public Task<SquareResponse> RetrieveAsync(string customerId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "/v2/customers/" + Uri.EscapeDataString(customerId), null, cancellationToken);

    /// <summary>One call to Square with the token, the version header and an optional JSON body.</summary>
    internal async Task<SquareResponse> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(method, new Uri(settings.BaseUrl.AbsoluteUri.TrimEnd('/') + path));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        message.Headers.TryAddWithoutValidation("Square-Version", settings.Version);
        if (body is not null)
        {
            message.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var text = await ReadAsync(response.Content, cancellationToken);
        var retryAfter = response.Headers.NonValidated.TryGetValues("Retry-After", out var values)
            ? HttpErrorClassifier.ParseRetryAfter(values.ToString(), time.GetUtcNow())
            : null;
        return new SquareResponse((int)response.StatusCode, ParseJson(text), text, retryAfter);
    }

    private static JsonNode? ParseJson(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>At most 1 MB of the answer: a misbehaving endpoint must not exhaust memory.</summary>
    private static async Task<string> ReadAsync(HttpContent content, CancellationToken cancellationToken) =>
        Encoding.UTF8.GetString(await BoundedBody.ReadAsync(content, MaxBodyBytes, cancellationToken));
}
