using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Sandbox;

/// <summary>The sandbox source's settings, under <c>source</c>: how many records, of what kind, how often they appear.</summary>
internal sealed record SandboxSourceSettings
{
    public int Records { get; private init; }

    public string EntityType { get; private init; } = "invoice";

    /// <summary>When record 0 changed; record i changes at Start + i × Every.</summary>
    public DateTimeOffset Start { get; private init; }

    public TimeSpan Every { get; private init; }

    /// <summary>Every n-th record arrives with an unexpected structure (0: never).</summary>
    public int SchemaMismatchEvery { get; private init; }

    /// <summary>Scripted outcomes of page reads, in order ("ok", "503", "401", "429" ...).</summary>
    public IReadOnlyList<string> Faults { get; private init; } = [];

    public string FaultsText { get; private init; } = "";

    public static bool TryParse(ConnectorSettings settings, [NotNullWhen(true)] out SandboxSourceSettings? parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        if (!settings.TryGet("source", out var source) || source.ValueKind != JsonValueKind.Object)
        {
            error = "This sandbox integration has no 'source' settings, so it cannot be read from.";
            return false;
        }

        var reader = new ConnectorSettings(source);
        var records = reader.GetDouble("records", 100);
        var every = reader.GetDouble("everyMinutes", 60);
        var mismatch = reader.GetDouble("schemaMismatchEvery");
        if (records is < 0 or > 1_000_000 || every <= 0 || mismatch < 0)
        {
            error = "Sandbox source settings: 'records' must be 0 to 1,000,000, 'everyMinutes' positive, 'schemaMismatchEvery' not negative.";
            return false;
        }

        if (!DateTimeOffset.TryParse(reader.GetString("start", "2026-01-01T00:00:00Z"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start))
        {
            error = "Sandbox source setting 'start' must be an ISO 8601 date and time.";
            return false;
        }

        var faults = new List<string>();
        if (reader.TryGet("faults", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                var entry = item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText();
                if (!SandboxFaults.IsDelivery(entry) && !SandboxFaults.IsFault(entry))
                {
                    error = $"Sandbox source setting 'faults' has an unknown entry '{entry}'.";
                    return false;
                }

                faults.Add(entry);
            }
        }

        error = null;
        parsed = new SandboxSourceSettings
        {
            Records = (int)records,
            EntityType = reader.GetString("entityType", "invoice")!,
            Start = start,
            Every = TimeSpan.FromMinutes(every),
            SchemaMismatchEvery = (int)mismatch,
            Faults = faults,
            FaultsText = reader.TryGet("faults", out var text) ? text.GetRawText() : "",
        };
        return true;
    }
}
