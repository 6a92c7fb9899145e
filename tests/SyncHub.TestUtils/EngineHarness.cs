using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Connectors;
using SyncHub.Core;
using SyncHub.Core.Delivery;
using SyncHub.Core.Integrations;
using SyncHub.Core.Operations;
using SyncHub.Core.Records;
using SyncHub.Core.Recovery;
using SyncHub.Core.Retries;
using SyncHub.Data;
using SyncHub.Data.Postgres;
using SyncHub.Data.Entities;
using SyncHub.Processes;

namespace SyncHub.TestUtils;

/// <summary>
/// The real engine on a temp SQLite file (or a fresh PostgreSQL database when <c>SYNCHUB_TEST_STORE=postgres</c>), with a fake clock, pinned jitter, the <see cref="FakeGateway"/>
/// and no in-call retries, so every attempt is one gateway call and every wait is under the test's control.
/// Connection circuit breakers are off unless a test passes <c>breakers: true</c>, so tests of other features
/// see every scripted failure reach the record.
/// </summary>
public sealed class EngineHarness : IAsyncDisposable
{
    private readonly TempSqliteFile? _sqlite;
    private readonly PostgresTestDatabase? _postgres;
    private readonly bool _ownsDatabase;
    private readonly ServiceProvider _services;

    private EngineHarness(Dictionary<string, string?> settings, PostgresTestDatabase? postgres, EngineHarness? sameDatabaseAs)
    {
        _postgres = postgres;
        _ownsDatabase = sameDatabaseAs is null;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddSyncHubCore();
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        if (sameDatabaseAs is not null)
        {
            // Nodes share their keys (in the real host they live in the database), so each reads the other's secrets.
            services.Replace(ServiceDescriptor.Singleton(sameDatabaseAs.Get<IDataProtectionProvider>()));
        }

        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time));
        services.Replace(ServiceDescriptor.Singleton<IJitterSource>(new FixedJitter()));
        services.AddSingleton<IConnectorGateway>(Gateway);
        Source = new FakeSource(Gateway);
        services.AddSingleton<IConnectorGateway>(Source);
        services.AddSingleton<IConnectorGateway>(LookupGateway);
        services.AddSingleton<IConnectorGateway>(Destination);
        if (postgres is null)
        {
            _sqlite = new TempSqliteFile();
            // Every write a test reaches must take its turn at the gate, as the app's writers do.
            services.AddSingleton(provider => new WriteGateGuard(provider.GetRequiredService<WriteGate>(), enforce: true, provider.GetRequiredService<ILogger<WriteGateGuard>>()));
            services.AddPooledDbContextFactory<SyncHubDbContext>((provider, o) => o.UseSqlite(_sqlite.ConnectionString)
                .AddInterceptors(new SqliteConnectionTuning(), WriteFaults, provider.GetRequiredService<WriteGateGuard>()));
        }
        else
        {
            services.AddPooledDbContextFactory<SyncHubDbContext>(o => o.UsePostgresStore(postgres.ConnectionString).AddInterceptors(WriteFaults));
            services.Replace(ServiceDescriptor.Singleton(new WriteGate(serialize: false)));
        }

        _services = services.BuildServiceProvider();
    }

    /// <summary>The harness's database, for tests that open their own connection to it.</summary>
    public string ConnectionString => _sqlite?.ConnectionString ?? _postgres!.ConnectionString;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public FakeGateway Gateway { get; } = new();

    /// <summary>Switch on to make every database write fail as on a full disk.</summary>
    public WriteFaults WriteFaults { get; } = new();

    /// <summary>A source connector whose deliveries go through <see cref="Gateway"/>.</summary>
    public FakeSource Source { get; }
    /// <summary>A second fake connector that can look records up; integrations use it when created with its name.</summary>
    public FakeLookupGateway LookupGateway { get; } = new();

    /// <summary>A connector whose destination reconciliation can read and tests can damage.</summary>
    public FakeDestinationGateway Destination { get; } = new();

    public CapturedLogs Logs { get; } = new();

    public SyncOrchestrator Orchestrator => Get<SyncOrchestrator>();

    public RetryOperationService Operations => Get<RetryOperationService>();

    /// <param name="inCallRetries">Above 0, in-call retries wait on the fake clock: advance it while the call runs.</param>
    /// <param name="postgres">
    /// True for a fresh PostgreSQL database, false for a SQLite file, whatever <c>SYNCHUB_TEST_STORE</c> says (tests of
    /// multi-node behaviour, or of SQLite's own locking and plans).
    /// </param>
    /// <param name="sameDatabaseAs">A second node: this harness's engine works on that harness's PostgreSQL database (dispose it first).</param>
    public static async Task<EngineHarness> StartAsync(
        int batchSize = 100, int concurrency = 4, int inCallRetries = 0, bool breakers = false, IReadOnlyDictionary<string, string?>? settings = null,
        bool? postgres = null, EngineHarness? sameDatabaseAs = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["SyncHub:Breakers:Enabled"] = breakers ? "true" : "false",
            ["SyncHub:Delivery:InCallRetries"] = inCallRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SyncHub:Delivery:InCallBaseDelayMilliseconds"] = "1",
            ["SyncHub:Delivery:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SyncHub:Delivery:Concurrency"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SyncHub:Plugins:Path"] = Path.Combine(Path.GetTempPath(), "synchub-no-plugins"),
            ["SyncHub:Dashboard:SummaryRefreshSeconds"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var shared = sameDatabaseAs is null ? null
            : sameDatabaseAs._postgres ?? throw new ArgumentException("Only a PostgreSQL store is shared between nodes.", nameof(sameDatabaseAs));
        var database = shared ?? (postgres ?? PostgresTestDatabase.Selected ? await PostgresTestDatabase.CreateAsync() : null);
        var harness = new EngineHarness(configuration, database, sameDatabaseAs);
        await using var db = await harness.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        await DatabaseInitializer.InitializeAsync(db, harness.Get<WriteGate>(), CancellationToken.None);
        return harness;
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public async Task<Integration> CreateIntegrationAsync(
        string slug = "books", string? mapping = null, RetryPolicyRequest? retry = null, string? settingsJson = null, string connector = FakeGateway.Name,
        string? mappingDefaults = null)
    {
        using var settings = settingsJson is null ? null : JsonDocument.Parse(settingsJson);
        using var defaults = mappingDefaults is null ? null : JsonDocument.Parse(mappingDefaults);
        var result = await Get<IntegrationService>().CreateAsync(
            new CreateIntegrationRequest(slug, "Books " + slug, connector, settings?.RootElement, mapping, retry, defaults?.RootElement), CancellationToken.None);
        return result.Integration ?? throw new InvalidOperationException("Integration not created: " + result.Errors);
    }

    /// <summary>Changes an integration directly in the store (settings the API does not expose yet).</summary>
    public Task UpdateIntegrationAsync(int integrationId, Action<Integration> change) => WriteAsync(async db =>
    {
        var integration = await db.Integrations.SingleAsync(i => i.Id == integrationId);
        change(integration);
        await db.SaveChangesAsync();
    });

    /// <summary>A change straight in the store, in its turn at the write gate (see <see cref="StoreWrites"/>).</summary>
    public Task WriteAsync(Func<SyncHubDbContext, Task> write) => _services.WriteAsync(write);

    public async Task<long> IngestAsync(string slug, string sourceId, string payloadJson = """{"amount": 12.5}""", string entityType = "invoice")
    {
        using var payload = JsonDocument.Parse(payloadJson);
        var result = await Get<IngestService>().IngestAsync(slug, new IngestRequest(entityType, sourceId, payload.RootElement.Clone()), CancellationToken.None);
        return result.RecordId;
    }

    /// <summary>Ingests records and makes their first delivery fail with the given class.</summary>
    public async Task<long[]> FailedRecordsAsync(string slug, int count, ErrorClass errorClass = ErrorClass.Transient, int? httpStatus = 503)
    {
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = await IngestAsync(slug, $"SRC-{slug}-{i}");
            Gateway.ThenFail(errorClass, $"Provider said no ({i})", httpStatus);
        }

        while ((await Orchestrator.DeliverDueAsync(CancellationToken.None)).Attempted > 0)
        {
        }

        return ids;
    }

    public async Task<SyncRecord> RecordAsync(long id)
    {
        await using var db = await Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        return await db.Records.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    public async Task<List<SyncAttempt>> AttemptsAsync(long recordId)
    {
        await using var db = await Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        return await db.Attempts.AsNoTracking().Where(a => a.RecordId == recordId).OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>The audit log, oldest entry first.</summary>
    public async Task<List<AuditEntry>> AuditLogAsync()
    {
        await using var db = await Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        return await db.AuditLog.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }

    public async Task<int> RecoverAsync() => await Get<InFlightRecovery>().RecoverAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _sqlite?.Dispose();
        if (_postgres is not null && _ownsDatabase)
        {
            await _postgres.DisposeAsync();
        }
    }
}
