using SyncHub.Connectors;

namespace SyncHub.Connectors.Sandbox;

/// <summary>The faults the sandbox can simulate, and the outcome each one produces.</summary>
internal static class SandboxFaults
{
    private static readonly Dictionary<string, (int Status, string Message)> HttpFaults = new(StringComparer.OrdinalIgnoreCase)
    {
        ["500"] = (500, "Internal Server Error: the provider failed while saving the record (simulated)"),
        ["503"] = (503, "Service Unavailable: the provider is temporarily down for maintenance (simulated)"),
        ["401"] = (401, "Unauthorized: the access token has expired (simulated)"),
        ["403"] = (403, "Forbidden: the connected user lacks permission to create records (simulated)"),
        ["404"] = (404, "Not Found: the referenced account does not exist (simulated)"),
        ["409"] = (409, "Conflict: a record with this reference already exists (simulated)"),
        ["422"] = (422, "Unprocessable Entity: field 'amount' must be a positive number (simulated)"),
    };

    public const string Timeout = "timeout";
    public const string RateLimit = "429";

    /// <summary>The provider saves the record, but its answer never arrives: the caller sees a timeout.</summary>
    public const string LostResponse = "lost";

    /// <summary>The provider holds several records that may be this one: an administrator reviews them.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Script entries that mean "deliver this call".</summary>
    public static bool IsDelivery(string entry) =>
        string.Equals(entry, "ok", StringComparison.OrdinalIgnoreCase) || entry == "201";

    public static bool IsFault(string name) =>
        HttpFaults.ContainsKey(name) || name == RateLimit || string.Equals(name, Timeout, StringComparison.OrdinalIgnoreCase)
        || IsLostResponse(name) || IsDuplicate(name);

    public static bool IsDuplicate(string name) => string.Equals(name, Duplicate, StringComparison.OrdinalIgnoreCase);

    public static bool IsLostResponse(string name) => string.Equals(name, LostResponse, StringComparison.OrdinalIgnoreCase);

    public static DeliveryOutcome ToOutcome(string fault, TimeSpan retryAfter)
    {
        if (IsLostResponse(fault))
        {
            return DeliveryOutcome.Failed(ErrorClass.Transient, "Timed out: no answer within 30 s (simulated lost response: the provider did save the record)");
        }

        if (string.Equals(fault, Timeout, StringComparison.OrdinalIgnoreCase))
        {
            // Reported, not acted out: a real hang would only slow tests and the demo down.
            return DeliveryOutcome.Failed(ErrorClass.Transient, "Timed out: no answer within 30 s (simulated)");
        }

        if (fault == RateLimit)
        {
            return DeliveryOutcome.FromHttpStatus(429, "Too Many Requests: rate limit reached (simulated)", retryAfter);
        }

        var (status, message) = HttpFaults[fault];
        return DeliveryOutcome.FromHttpStatus(status, message);
    }
}
