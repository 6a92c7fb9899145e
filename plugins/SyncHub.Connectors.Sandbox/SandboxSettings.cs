using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Sandbox;

/// <summary>The sandbox's view of an integration's settings, checked once per call.</summary>
internal sealed record SandboxSettings
{
    public TimeSpan Latency { get; private init; }

    public TimeSpan RetryAfter { get; private init; } = TimeSpan.FromSeconds(30);

    /// <summary>Scripted entries, in order; empty when there is no script.</summary>
    public IReadOnlyList<string> Script { get; private init; } = [];

    /// <summary>The script's JSON text, so a changed script starts again from its first entry.</summary>
    public string ScriptText { get; private init; } = "";

    public IReadOnlyList<KeyValuePair<string, double>> FailureRates { get; private init; } = [];

    public int? Seed { get; private init; }

    /// <summary>Whether look-ups answer from the ledger (setting <c>lookup</c>, default true); false makes them unsupported.</summary>
    public bool LookupEnabled { get; private init; } = true;

    public static bool TryParse(ConnectorSettings settings, [NotNullWhen(true)] out SandboxSettings? parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        var latencyMs = settings.GetDouble("latencyMs");
        var retryAfterSeconds = settings.GetDouble("retryAfterSeconds", 30);
        if (latencyMs < 0 || retryAfterSeconds < 0)
        {
            error = "Sandbox settings 'latencyMs' and 'retryAfterSeconds' must not be negative.";
            return false;
        }

        if (settings.TryGet("lookup", out var lookup) && lookup.ValueKind is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null))
        {
            error = "Sandbox setting 'lookup' must be true or false.";
            return false;
        }

        if (!TryReadScript(settings, out var script, out var scriptText, out error)
            || !TryReadRates(settings, out var rates, out error))
        {
            return false;
        }

        parsed = new SandboxSettings
        {
            Latency = TimeSpan.FromMilliseconds(latencyMs),
            RetryAfter = TimeSpan.FromSeconds(retryAfterSeconds),
            Script = script,
            ScriptText = scriptText,
            FailureRates = rates,
            Seed = settings.TryGet("seed", out var seed) && seed.TryGetInt32(out var value) ? value : null,
            LookupEnabled = lookup.ValueKind != JsonValueKind.False,
        };
        return true;
    }

    private static bool TryReadScript(ConnectorSettings settings, out List<string> script, out string text, [NotNullWhen(false)] out string? error)
    {
        script = [];
        text = "";
        error = null;
        if (!settings.TryGet("script", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            error = "Sandbox setting 'script' must be an array of strings such as \"ok\", \"503\", \"timeout\" or \"lost\".";
            return false;
        }

        foreach (var item in element.EnumerateArray())
        {
            var entry = item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText();
            if (!SandboxFaults.IsDelivery(entry) && !SandboxFaults.IsFault(entry))
            {
                error = $"Sandbox setting 'script' has an unknown entry '{entry}'.";
                return false;
            }

            script.Add(entry);
        }

        text = element.GetRawText();
        return true;
    }

    private static bool TryReadRates(ConnectorSettings settings, out List<KeyValuePair<string, double>> rates, [NotNullWhen(false)] out string? error)
    {
        rates = [];
        error = null;
        if (!settings.TryGet("failureRates", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            error = "Sandbox setting 'failureRates' must be an object such as {\"503\": 0.1}.";
            return false;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!SandboxFaults.IsFault(property.Name)
                || property.Value.ValueKind != JsonValueKind.Number
                || property.Value.GetDouble() is < 0 or > 1)
            {
                error = $"Sandbox setting 'failureRates' entry '{property.Name}' must be a known fault with a probability from 0 to 1.";
                return false;
            }

            rates.Add(new(property.Name, property.Value.GetDouble()));
        }

        return true;
    }
}
