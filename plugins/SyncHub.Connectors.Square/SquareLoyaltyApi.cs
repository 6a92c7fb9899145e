using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SyncHub.Connectors.Square;

/// <summary>The Square Loyalty API calls the connector makes to keep a member's points, and the token status it checks first.</summary>
internal sealed class SquareLoyaltyApi(SquareClient client)
{
    /// <summary>Square searches at most 30 customer ids at once.</summary>
    public const int MaxCustomersPerSearch = 30;

    private const int MaxReasonChars = 200;

    /// <summary>RetrieveTokenStatus: the permissions (scopes) of the access token.</summary>
    public Task<SquareResponse> TokenStatusAsync(CancellationToken cancellationToken) =>
        client.SendAsync(HttpMethod.Post, "/oauth2/token/status", null, cancellationToken);

    /// <summary>SearchLoyaltyAccounts by customer ids.</summary>
    public Task<SquareResponse> SearchAsync(IReadOnlyList<string> customerIds, CancellationToken cancellationToken) =>
        client.SendAsync(HttpMethod.Post, "/v2/loyalty/accounts/search", new JsonObject
        {
            ["query"] = new JsonObject { ["customer_ids"] = new JsonArray([.. customerIds.Take(MaxCustomersPerSearch).Select(id => (JsonNode)id)]) },
            ["limit"] = MaxCustomersPerSearch,
        }, cancellationToken);

    /// <summary>RetrieveLoyaltyProgram of the seller's one program (<c>main</c>).</summary>
    public Task<SquareResponse> ProgramAsync(CancellationToken cancellationToken) =>
        client.SendAsync(HttpMethod.Get, "/v2/loyalty/programs/main", null, cancellationToken);

    /// <summary>CreateLoyaltyAccount mapped to the buyer's phone number (Square links it to the customer with that number).</summary>
    public Task<SquareResponse> CreateAsync(string programId, string phone, string idempotencyKey, CancellationToken cancellationToken) =>
        client.SendAsync(HttpMethod.Post, "/v2/loyalty/accounts", new JsonObject
        {
            ["idempotency_key"] = idempotencyKey,
            ["loyalty_account"] = new JsonObject { ["program_id"] = programId, ["mapping"] = new JsonObject { ["phone_number"] = phone } },
        }, cancellationToken);

    /// <summary>AdjustLoyaltyPoints by <paramref name="points"/> (negative subtracts; below zero only when <paramref name="allowNegative"/>).</summary>
    public Task<SquareResponse> AdjustAsync(string accountId, long points, string reason, string idempotencyKey, bool allowNegative, CancellationToken cancellationToken) =>
        client.SendAsync(HttpMethod.Post, "/v2/loyalty/accounts/" + Uri.EscapeDataString(accountId) + "/adjust", new JsonObject
        {
            ["idempotency_key"] = idempotencyKey,
            ["adjust_points"] = new JsonObject { ["points"] = points, ["reason"] = UntrustedText.OneLine(reason, MaxReasonChars) },
            ["allow_negative_balance"] = allowNegative,
        }, cancellationToken);

    /// <summary>
    /// A key for one change of one account, from the record's key and what the change starts and ends at: a repeat of the
    /// same change sends the same key (Square answers it once), and a balance that moved meanwhile makes a new one.
    /// </summary>
    public static string Key(string recordKey, string accountId, long from, long to) =>
        "sh-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{recordKey}|{accountId}|{from}|{to}")))[..40];
}
