using System.Globalization;
using System.Text.Json;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Sandbox;

/// <summary>Simulated possible duplicates: two provider records sharing the record's e-mail (or name), with stable ids.</summary>
internal static class SandboxDuplicates
{
    public static DeliveryOutcome Outcome(DeliveryRequest request)
    {
        var (name, email) = Describe(request.Body);
        var seed = (uint)StringComparer.Ordinal.GetHashCode(request.SourceId) % 90_000 + 10_000;
        DuplicateCandidate Candidate(string suffix, string created, string? reference) => new($"SBX-D{seed.ToString(CultureInfo.InvariantCulture)}{suffix}", name)
        {
            Fields = new Dictionary<string, string>
            {
                ["email"] = email,
                ["reference"] = reference ?? "",
                ["created"] = created,
            },
        };

        return DeliveryOutcome.PotentialDuplicate(
            $"Two records at the provider share '{email}' (simulated); choose which one this record is.",
            [Candidate("A", "2025-03-14", "M-" + seed.ToString(CultureInfo.InvariantCulture)), Candidate("B", "2026-01-09", null)],
            200);
    }

    private static (string Name, string Email) Describe(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        string? Text(string property) => root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var given = Text("given_name") ?? Text("givenName");
        var family = Text("family_name") ?? Text("familyName");
        var person = given is null && family is null ? null : $"{given} {family}".Trim();
        var name = Text("name") ?? person ?? Text("customer") ?? Text("contact") ?? "Unnamed";
        return (name, Text("email") ?? name.ToLowerInvariant().Replace(' ', '.') + "@example.com");
    }
}
