using System.Collections.Concurrent;

namespace SyncHub.Connectors.Sandbox;

/// <summary>Picks a fault at random according to an integration's failure rates.</summary>
internal sealed class FaultDice
{
    private readonly ConcurrentDictionary<string, Random> _seeded = new(StringComparer.Ordinal);

    /// <summary>The fault to simulate on this call, or null to deliver.</summary>
    public string? Roll(string integrationSlug, SandboxSettings settings)
    {
        if (settings.FailureRates.Count == 0)
        {
            return null;
        }

        var roll = NextDouble(integrationSlug, settings.Seed);
        var cumulative = 0.0;
        foreach (var (fault, probability) in settings.FailureRates)
        {
            cumulative += probability;
            if (roll < cumulative)
            {
                return fault;
            }
        }

        return null;
    }

    private double NextDouble(string integrationSlug, int? seed)
    {
        if (seed is null)
        {
            return Random.Shared.NextDouble();
        }

        // A seeded sequence per integration keeps a demo or test repeatable; Random itself is not thread-safe.
        var random = _seeded.GetOrAdd($"{integrationSlug}\u001f{seed}", static (_, s) => new Random(s), seed.Value);
        lock (random)
        {
            return random.NextDouble();
        }
    }
}
