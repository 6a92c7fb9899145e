using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncHub.Core.Budgets;
using SyncHub.Core.Integrations;
using SyncHub.Core.Records;
using SyncHub.Core.Runs;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Demo;

/// <summary>
/// Creates the demo integrations on an empty database (both on the Sandbox connector, which fails a share
/// of calls the way real providers do) and feeds them records, so a new user sees deliveries and failures.
/// </summary>
public sealed class DemoSeeder(
    IDbContextFactory<SyncHubDbContext> dbFactory,
    IntegrationService integrations,
    IngestService ingest,
    RunPolicyService runPolicies,
    RunService runs,
    ErrorBudgetSettings budgets,
    TimeProvider time,
    IOptions<DemoOptions> options)
{
    public const string AccountingSlug = "demo-accounting";
    public const string PosSlug = "demo-pos";
    public const string ShopSlug = "demo-shop";

    private const string SandboxFaults = """
        {"latencyMs": 120, "failureRates": {"503": 0.08, "timeout": 0.04, "429": 0.04, "401": 0.02, "422": 0.05, "409": 0.03, "lost": 0.03}}
        """;

    // The POS also meets members who registered twice: a few land on the duplicate review.
    private const string PosFaults = """
        {"latencyMs": 120, "failureRates": {"503": 0.08, "timeout": 0.04, "429": 0.04, "401": 0.02, "422": 0.05, "duplicate": 0.04, "lost": 0.03}}
        """;

    private const string AccountingMapping = """
        {
          "type": "{{ if record.entity_type == "invoice" }}ACCREC{{ else }}ACCPAY{{ end }}",
          "reference": {{ record.source_id | object.to_json }},
          "contact": {{ (payload.customer ?? payload.volunteer) | object.to_json }},
          "description": {{ (payload.description ?? "Invoice " + payload.number) | object.to_json }},
          "amount": {{ payload.amount }},
          "currency": {{ payload.currency | object.to_json }}
        }
        """;

    // The sandbox fails about a quarter of first attempts on purpose; a 10 % budget shows burn levels that vary
    // (the default 1 % would show every demo integration as exhausted all the time).
    private static readonly ErrorBudgetRequest DemoBudget = new(10, 24, PauseOnExhausted: false);

    private readonly Random _random = new(20261123);
    private int _made;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Integrations.AnyAsync(cancellationToken))
            {
                _made = await db.Records.CountAsync(cancellationToken);
                return;
            }
        }

        var settings = JsonDocument.Parse(SandboxFaults).RootElement;
        await CreateAsync(new CreateIntegrationRequest(AccountingSlug, "Demo Accounting", "sandbox", settings, AccountingMapping, null), cancellationToken);
        var posSettings = JsonDocument.Parse(PosFaults).RootElement;
        await CreateAsync(new CreateIntegrationRequest(PosSlug, "Demo POS", "sandbox", posSettings, null, null), cancellationToken);
        await AddRecordsAsync(options.Value.InitialRecords, cancellationToken);
        await CreateShopAsync(cancellationToken);
    }

    /// <summary>
    /// A source-side demo: the sandbox plays a web shop whose orders appear hourly (a week's worth at start, one in
    /// fifty in an unexpected shape); runs read them every five minutes and deliver them.
    /// </summary>
    private async Task CreateShopAsync(CancellationToken cancellationToken)
    {
        var start = time.GetUtcNow().AddDays(-7).ToString("yyyy-MM-ddTHH:00:00Z", CultureInfo.InvariantCulture);
        var settings = JsonDocument.Parse($$"""
            {"latencyMs": 80, "failureRates": {"503": 0.05, "422": 0.03},
             "source": {"records": 5000, "entityType": "invoice", "start": "{{start}}", "everyMinutes": 60, "schemaMismatchEvery": 50}
            }
            """).RootElement;
        if (await CreateAsync(new CreateIntegrationRequest(ShopSlug, "Demo Shop orders", "sandbox", settings, null, null), cancellationToken) is { } integration)
        {
            var policy = new RunPolicyRequest("00:05:00", true, true, "00:05:00,00:30:00,02:00:00", 3600, 100, 10, 0.5, null, true);
            await runPolicies.SaveAsync(integration.Id, policy, "demo", cancellationToken);
            await runs.StartInBackgroundAsync(new RunRequest(integration.Id, RunTrigger.Manual, RunMode.Incremental, StartedBy: "demo"), cancellationToken);
        }
    }

    private async Task<Integration?> CreateAsync(CreateIntegrationRequest request, CancellationToken cancellationToken)
    {
        var created = await integrations.CreateAsync(request, cancellationToken);
        if (created.Integration is { } integration)
        {
            await budgets.SaveAsync(integration.Id, DemoBudget, "demo", cancellationToken);
        }

        return created.Integration;
    }

    /// <summary>Adds a few records, until the demo's cap; called on a schedule to keep the dashboard alive.</summary>
    public async Task AddRecordsAsync(int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count && _made < options.Value.MaxRecords; i++, _made++)
        {
            var (slug, item) = _made % 2 == 0
                ? (AccountingSlug, DemoPayloads.Accounting(_made, _random))
                : (PosSlug, DemoPayloads.Pos(_made, _random));
            using var payload = JsonDocument.Parse(item.Payload);
            await ingest.IngestAsync(slug, new IngestRequest(item.EntityType, item.SourceId, payload.RootElement.Clone()), cancellationToken);
        }
    }
}
