using System.Globalization;

namespace SyncHub.Benchmarks;

/// <summary>The command line: which scenarios, at which sizes. <c>--quick</c> is a smoke run in about a minute.</summary>
internal sealed record BenchOptions
{
    public static readonly string[] AllScenarios = ["delivery", "retry-all", "pages", "ingest", "startup"];

    public IReadOnlyList<string> Scenarios { get; init; } = AllScenarios;

    /// <summary>Records delivered (scenario 1), retried (2) and ingested (4).</summary>
    public int Records { get; init; } = 100_000;

    /// <summary>Sync log entries seeded for the page timings (scenario 3).</summary>
    public int LogEntries { get; init; } = 1_000_000;

    /// <summary>Failed records seeded for the page timings (scenario 3).</summary>
    public int Failed { get; init; } = 100_000;

    /// <summary>Deliveries at once, for SyncHub (<c>SyncHub:Delivery:Concurrency</c>) and the bare client alike.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Requests timed per page.</summary>
    public int Samples { get; init; } = 200;

    /// <summary>SQLite files in a scratch folder, or fresh databases on the local PostgreSQL server.</summary>
    public BenchStore Store { get; init; } = BenchStore.Sqlite;

    /// <summary>Leaves the databases in place (for EXPLAIN QUERY PLAN and the like) and says where.</summary>
    public bool Keep { get; init; }

    /// <summary>The SyncHub.Web.dll to start; the Release build by default.</summary>
    public string? App { get; init; }

    public static string Usage =>
        """
        Usage: dotnet run -c Release --project tests/SyncHub.Benchmarks -- [options]
          --scenario a,b     delivery, retry-all, pages, ingest, startup (default: all)
          --records N        records delivered, retried and ingested (default 100000)
          --log-entries N    sync log entries seeded for the pages (default 1000000)
          --failed N         failed records seeded for the pages (default 100000)
          --concurrency N    deliveries at once, SyncHub and the bare client (default 8)
          --samples N        requests timed per page (default 200)
          --quick            small sizes for a smoke run (2000 records, 20000 log entries, 2000 failed, 50 samples)
          --store S          sqlite (default) or postgres (SYNCHUB_TEST_POSTGRES, or the local server scripts/start-postgres.sh starts)
          --keep             keep the databases and print where they are
          --app PATH         the SyncHub.Web.dll to start (default: src/SyncHub.Web/bin/Release/net10.0;
                             scripts/bench.sh passes its ReadyToRun publish)
        """;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            int Number() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"{name} needs a positive whole number.");
            options = name switch
            {
                "--scenario" => options with { Scenarios = ParseScenarios(Value()) },
                "--records" => options with { Records = Number() },
                "--log-entries" => options with { LogEntries = Number() },
                "--failed" => options with { Failed = Number() },
                "--concurrency" => options with { Concurrency = Number() },
                "--samples" => options with { Samples = Number() },
                "--app" => options with { App = Value() },
                "--store" => options with { Store = ParseStore(Value()) },
                "--keep" => options with { Keep = true },
                "--quick" => options with { Records = 2_000, LogEntries = 20_000, Failed = 2_000, Samples = 50 },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        if (options.LogEntries < 2 * options.Failed)
        {
            throw new ArgumentException("--log-entries must be at least twice --failed (each failed record has two failed attempts).");
        }

        return options;
    }

    private static BenchStore ParseStore(string value) => value.ToLowerInvariant() switch
    {
        "sqlite" => BenchStore.Sqlite,
        "postgres" or "postgresql" => BenchStore.Postgres,
        _ => throw new ArgumentException($"Unknown store {value}; pick sqlite or postgres."),
    };

    private static string[] ParseScenarios(string value)
    {
        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Except(AllScenarios).ToArray();
        return unknown.Length == 0 ? names : throw new ArgumentException($"Unknown scenario {string.Join(", ", unknown)}; pick from {string.Join(", ", AllScenarios)}.");
    }
}
