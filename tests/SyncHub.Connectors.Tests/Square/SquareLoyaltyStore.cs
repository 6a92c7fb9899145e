using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using SyncHub.Specs;

namespace SyncHub.Connectors.Tests.Square;

/// <summary>
/// Loyalty accounts kept the way Square keeps them, answering the Loyalty API on a spec server: search by customer id,
/// the seller's program, accounts opened by phone number (linked to the customer with that number), adjustments applied
/// once per idempotency key, and the token status with <see cref="Scopes"/>.
/// </summary>
internal sealed class SquareLoyaltyStore
{
    public const string ProgramId = "prog-main";

    private readonly ConcurrentDictionary<string, Account> _byCustomer = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _customerByPhone = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _answeredKeys = new(StringComparer.Ordinal);

    public SquareLoyaltyStore(SpecServer server)
    {
        server.Respond("POST", "/v2/loyalty/accounts/search", Search);
        server.Respond("GET", "/v2/loyalty/programs/{program_id}", _ => HasProgram
            ? Ok(new JsonObject { ["program"] = new JsonObject { ["id"] = ProgramId, ["status"] = "ACTIVE" } })
            : ScriptedResponse.Json(404, SquareJson.Error("INVALID_REQUEST_ERROR", "NOT_FOUND", "Merchant does not have a loyalty program.")));
        server.Respond("POST", "/v2/loyalty/accounts", Create);
        server.Respond("POST", "/v2/loyalty/accounts/{account_id}/adjust", Adjust);
        server.Respond("POST", "/oauth2/token/status", _ => Ok(new JsonObject
        {
            ["scopes"] = new JsonArray([.. Scopes.Select(s => (JsonNode)s)]),
            ["merchant_id"] = "MERCHANT-1",
        }));
    }

    public bool HasProgram { get; set; } = true;

    /// <summary>What RetrieveTokenStatus lists.</summary>
    public IReadOnlyList<string> Scopes { get; set; } = ["CUSTOMERS_READ", "CUSTOMERS_WRITE", "LOYALTY_READ", "LOYALTY_WRITE"];

    /// <summary>Opens an account for a customer with a balance.</summary>
    public string Give(string customerId, long balance)
    {
        var id = "LA-" + customerId;
        _byCustomer[customerId] = new Account(id, customerId, balance);
        return id;
    }

    /// <summary>Which customer an account opened for this phone number belongs to.</summary>
    public void CustomerHasPhone(string customerId, string phone) => _customerByPhone[phone] = customerId;

    public long? BalanceOf(string customerId) => _byCustomer.TryGetValue(customerId, out var account) ? account.Balance : null;

    private ScriptedResponse Search(ReceivedRequest request)
    {
        var ids = request.Json?["query"]?["customer_ids"]?.AsArray().Select(n => n!.GetValue<string>()).ToHashSet() ?? [];
        var found = _byCustomer.Values.Where(a => ids.Contains(a.CustomerId)).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        return found.Count == 0 ? Ok([]) : Ok(new JsonObject { ["loyalty_accounts"] = new JsonArray([.. found.Select(a => (JsonNode)a.ToJson())]) });
    }

    private ScriptedResponse Create(ReceivedRequest request) => Once(request, () =>
    {
        var phone = request.Json!["loyalty_account"]!["mapping"]!["phone_number"]!.GetValue<string>();
        var customer = _customerByPhone.GetValueOrDefault(phone, "CUST-OF-" + phone);
        if (_byCustomer.ContainsKey(customer))
        {
            return ScriptedResponse.Json(409, SquareJson.Error("INVALID_REQUEST_ERROR", "CONFLICT", "A loyalty account with this phone number exists."));
        }

        Give(customer, 0);
        return Ok(new JsonObject { ["loyalty_account"] = _byCustomer[customer].ToJson() });
    });

    private ScriptedResponse Adjust(ReceivedRequest request) => Once(request, () =>
    {
        var account = _byCustomer.Values.Single(a => a.Id == request.PathValues["account_id"]);
        var points = request.Json!["adjust_points"]!["points"]!.GetValue<long>();
        var balance = account.Balance + points;
        if (balance < 0 && request.Json["allow_negative_balance"]?.GetValue<bool>() != true)
        {
            return ScriptedResponse.Json(400, SquareJson.Error("INVALID_REQUEST_ERROR", "INSUFFICIENT_POINTS", "The balance cannot go below zero."));
        }

        _byCustomer[account.CustomerId] = account with { Balance = balance };
        return Ok(new JsonObject
        {
            ["event"] = new JsonObject
            {
                ["id"] = "EV-" + request.Json["idempotency_key"]!.GetValue<string>(), ["type"] = "ADJUST_POINTS", ["created_at"] = "2026-03-01T12:00:00Z",
                ["loyalty_account_id"] = account.Id, ["source"] = "LOYALTY_API", ["adjust_points"] = new JsonObject { ["points"] = points },
            },
        });
    });

    // Square answers a repeated idempotency key with the first answer and changes nothing again.
    private ScriptedResponse Once(ReceivedRequest request, Func<ScriptedResponse> first)
    {
        var key = request.PathTemplate + "|" + request.Json?["idempotency_key"]?.GetValue<string>();
        if (_answeredKeys.TryGetValue(key, out var body))
        {
            return Ok(JsonNode.Parse(body)!.AsObject());
        }

        var answer = first();
        if (answer.Status == 200)
        {
            _answeredKeys[key] = answer.Body!;
        }

        return answer;
    }

    private static ScriptedResponse Ok(JsonObject body) => ScriptedResponse.Json(200, body.ToJsonString());

    private sealed record Account(string Id, string CustomerId, long Balance)
    {
        public JsonObject ToJson() => new() { ["id"] = Id, ["program_id"] = ProgramId, ["customer_id"] = CustomerId, ["balance"] = Balance };
    }
}
