using System.Text.Json;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Integrations;
using SyncHub.Core.Plugins;
using SyncHub.Core.Plugins.Isolation;
using SyncHub.Core.Queries;
using SyncHub.Data.Entities;
using SyncHub.Plugins.Protocol;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Plugins;

/// <summary>
/// A plugin named in SyncHub:Plugins:Isolated runs in a process of its own: it delivers as it would in-process,
/// and when it leaks memory or dies, only it is restarted and reported while every other connector keeps going.
/// </summary>
public sealed class IsolatedPluginTests : IDisposable
{
    private const string Leaky = "SyncHub.Connectors.LeaksMemory";
    private readonly PluginFolder _plugins = new();
    private readonly string _drop = Path.Combine(Path.GetTempPath(), "synchub-drop-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Deliver_IsolatedFileDrop_DeliversLooksUpAndTestsThroughItsOwnProcess()
    {
        _plugins.AddBuilt("SyncHub.Connectors.FileDrop");
        await using var engine = await EngineHarness.StartAsync(settings: _plugins.Settings(isolated: "syncHub.connectors.filedrop"));
        var catalog = engine.Get<IConnectorCatalog>();
        var gateway = catalog.Find("file-drop").ShouldBeOfType<IsolatedGateway>();
        gateway.Info.Capabilities.ShouldBe(ConnectorCapabilities.Lookup | ConnectorCapabilities.TestConnection);
        gateway.ProcessId.ShouldNotBeNull().ShouldNotBe(Environment.ProcessId);
        catalog.SdkVersionOf("file-drop")!.Major.ShouldBe(ConnectorSdk.MajorVersion);
        var settings = JsonSerializer.Serialize(new { folder = _drop });
        await engine.CreateIntegrationAsync("drop", settingsJson: settings, connector: "file-drop");
        long[] ids = [await engine.IngestAsync("drop", "INV-1"), await engine.IngestAsync("drop", "INV-2"), await engine.IngestAsync("drop", "INV-3")];

        var batch = await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        batch.Succeeded.ShouldBe(3);
        foreach (var id in ids)
        {
            (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Delivered);
        }

        var files = Directory.GetFiles(Path.Combine(_drop, "invoice"));
        files.Length.ShouldBe(3);
        var found = await gateway.LookupAsync(
            new LookupRequest { RecordId = ids[0], IntegrationSlug = "drop", EntityType = "invoice", SourceId = "INV-1", IdempotencyKey = Path.GetFileNameWithoutExtension(files[0]), Settings = ConnectorSettings.Parse(settings) },
            CancellationToken.None);
        found.IsFound.ShouldBeTrue();
        var test = await engine.Get<ConnectionTester>().TestAsync("file-drop", "drop", ConnectorSettings.Parse(settings), CancellationToken.None);
        test.Succeeded.ShouldBeTrue(test.Message);
        catalog.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Deliver_IsolatedPluginLeaksMemory_RestartedWithTheReasonWhileOthersKeepDelivering()
    {
        _plugins.AddTestPlugin(Leaky);
        await using var engine = await EngineHarness.StartAsync(concurrency: 2, settings: _plugins.Settings(memoryLimitMb: 160, isolated: Leaky));
        await engine.CreateIntegrationAsync("leaky", settingsJson: """{"leakMb": 40}""", connector: "leaks-memory");
        await engine.CreateIntegrationAsync("steady");
        var leaky = new List<long>();
        var steady = new List<long>();
        // 40 MB a call against a 160 MB limit: the process is killed within four calls.
        for (var i = 0; i < 6; i++)
        {
            leaky.Add(await engine.IngestAsync("leaky", $"LEAK-{i}"));
            steady.Add(await engine.IngestAsync("steady", $"OK-{i}"));
        }

        for (var round = 0; round < 40 && !await AllSettledAsync(engine, [.. leaky, .. steady]); round++)
        {
            await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);
            await engine.Orchestrator.RetryDueAsync(CancellationToken.None);
            engine.Time.Advance(TimeSpan.FromMinutes(10));
        }

        foreach (var id in steady)
        {
            (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Delivered);
        }

        foreach (var id in leaky)
        {
            // Calls cut off by the kill failed as transient and were retried with the same idempotency key.
            (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Delivered);
        }

        var problem = engine.Get<IConnectorCatalog>().Problems.ShouldHaveSingleItem();
        problem.Connector.ShouldBe("leaks-memory");
        problem.Reason.ShouldStartWith("Connector 'leaks-memory' used ");
        problem.Reason.ShouldContain("MB (limit 160 MB) and was restarted ");
        var status = await engine.Get<IntegrationStatusQuery>().FindAsync("leaky", CancellationToken.None);
        status!.ConnectorProblem.ShouldBe(problem.Reason);
        (await engine.Get<IntegrationStatusQuery>().FindAsync("steady", CancellationToken.None))!.ConnectorProblem.ShouldBeNull();
        engine.Logs.Lines.ShouldContain(m => m.Contains("over its limit of 160 MB", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Watchdog_IdleProcessOverTheLimit_KilledWhenTheTimerFires()
    {
        _plugins.AddTestPlugin(Leaky);
        var settings = _plugins.Settings(memoryLimitMb: 16, isolated: Leaky);
        settings["SyncHub:Plugins:MemoryCheckSeconds"] = "5";
        await using var engine = await EngineHarness.StartAsync(settings: settings);
        var catalog = engine.Get<IConnectorCatalog>();
        var gateway = catalog.Find("leaks-memory").ShouldBeOfType<IsolatedGateway>();
        gateway.ProcessId.ShouldNotBeNull();
        catalog.Problems.ShouldBeEmpty();

        engine.Time.Advance(TimeSpan.FromSeconds(5));

        await Eventually.TrueAsync(() => catalog.Problems.Count > 0, "the plugin's problem to be reported", TimeSpan.FromSeconds(10));
        catalog.Problems.ShouldHaveSingleItem().Reason.ShouldContain("(limit 16 MB) and was restarted once in 24 hours.");
        gateway.ProcessId.ShouldBeNull();
    }

    [Fact]
    public async Task Deliver_IsolatedPluginExits_CallFailsTransientReportedAndTheNextCallRestartsIt()
    {
        _plugins.AddTestPlugin(Leaky);
        await using var engine = await EngineHarness.StartAsync(settings: _plugins.Settings(isolated: Leaky));
        var catalog = engine.Get<IConnectorCatalog>();
        var gateway = catalog.Find("leaks-memory").ShouldBeOfType<IsolatedGateway>();
        var first = gateway.ProcessId;
        await engine.CreateIntegrationAsync("crashing", settingsJson: """{"exitCode": 3}""", connector: "leaks-memory");
        await engine.CreateIntegrationAsync("fine", settingsJson: """{"leakMb": 0}""", connector: "leaks-memory");
        var crashing = await engine.IngestAsync("crashing", "CRASH-1");

        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        var record = await engine.RecordAsync(crashing);
        record.Status.ShouldBe(RecordStatus.Failed);
        record.LastErrorClass.ShouldBe(ErrorClass.Transient);
        record.LastErrorMessage!.ShouldContain("exited unexpectedly (exit code 3) and was restarted before it answered");
        record.NextAttemptAt.ShouldNotBeNull();
        await Eventually.TrueAsync(() => catalog.Problems.Count > 0, "the plugin's problem to be reported", TimeSpan.FromSeconds(10));
        catalog.Problems.ShouldHaveSingleItem().Reason.ShouldBe("Connector 'leaks-memory' exited unexpectedly (exit code 3) and was restarted once in 24 hours.");

        var fine = await engine.IngestAsync("fine", "FINE-1");
        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        (await engine.RecordAsync(fine)).Status.ShouldBe(RecordStatus.Delivered);
        gateway.ProcessId.ShouldNotBeNull().ShouldNotBe(first!.Value);
    }

    [Fact]
    public void LoadAll_IsolatedPluginThrowsOnLoad_ReportedWithItsReason()
    {
        _plugins.AddTestPlugin("SyncHub.Connectors.ThrowsOnLoad").AddBuilt("SyncHub.Connectors.FileDrop");

        using var result = Load(_plugins.Settings(isolated: ["SyncHub.Connectors.ThrowsOnLoad", "SyncHub.Connectors.FileDrop"]));

        result.Value.Gateways.ShouldHaveSingleItem().Info.Name.ShouldBe("file-drop");
        var error = result.Value.Errors.ShouldHaveSingleItem();
        error.Plugin.ShouldBe("SyncHub.Connectors.ThrowsOnLoad");
        error.Reason.ShouldBe("license file <missing> could not be read");
    }

    [Fact]
    public async Task LoadAll_IsolatedPluginWithDeliveryOnly_ProxyOffersNothingElseAndAnswersNotSupported()
    {
        _plugins.AddTestPlugin(Leaky);

        using var result = Load(_plugins.Settings(isolated: Leaky));

        var gateway = result.Value.Gateways.ShouldHaveSingleItem();
        gateway.Info.Capabilities.ShouldBe(ConnectorCapabilities.None);
        gateway.Has(ConnectorCapabilities.Lookup).ShouldBeFalse();
        gateway.Offering<IConnectionTest>(ConnectorCapabilities.TestConnection).ShouldBeNull();
        var lookup = await ((IRecordLookup)gateway).LookupAsync(
            new LookupRequest { RecordId = 1, IntegrationSlug = "leaky", EntityType = "invoice", SourceId = "INV-1", IdempotencyKey = "k", Settings = ConnectorSettings.Empty },
            CancellationToken.None);
        lookup.IsNotSupported.ShouldBeTrue();
        var test = await ((IConnectionTest)gateway).TestConnectionAsync("leaky", ConnectorSettings.Empty, CancellationToken.None);
        test.Succeeded.ShouldBeFalse();
        test.Message.ShouldBe("This connector cannot test connections.");
        ((IDestinationReader)gateway).ReadMode(ConnectorSettings.Empty).ShouldBe(DestinationReadMode.None);
        (await ((IDuplicateResolver)gateway).LinkAsync(new DeliveryRequest { RecordId = 1, IntegrationSlug = "leaky", EntityType = "invoice", SourceId = "INV-1", IdempotencyKey = "k", Body = "{}", Settings = ConnectorSettings.Empty }, "EXT-1", CancellationToken.None))
            .ErrorClass.ShouldBe(ErrorClass.ConnectorFault);
    }

    [Fact]
    public void LoadAll_IsolatedPluginNeedsInProcessInterfaces_RefusedWithWhatToDo()
    {
        _plugins.AddBuilt("SyncHub.Connectors.Sandbox");

        using var result = Load(_plugins.Settings(isolated: "SyncHub.Connectors.Sandbox"));

        result.Value.Gateways.ShouldBeEmpty();
        var reason = result.Value.Errors.ShouldHaveSingleItem().Reason;
        reason.ShouldContain("Connector 'sandbox' implements IConnectorSource, ICredentialRefresh, IDuplicateResolver, which isolated plugins do not support yet");
        reason.ShouldContain("Remove SyncHub.Connectors.Sandbox from SyncHub:Plugins:Isolated");
    }

    public void Dispose()
    {
        _plugins.Dispose();
        if (Directory.Exists(_drop))
        {
            Directory.Delete(_drop, recursive: true);
        }
    }

    private static LoadedPlugins Load(Dictionary<string, string?> settings)
    {
        var options = new PluginOptions
        {
            Path = settings["SyncHub:Plugins:Path"]!,
            Isolated = [.. settings.Where(s => s.Key.StartsWith("SyncHub:Plugins:Isolated:", StringComparison.Ordinal)).Select(s => s.Value!)],
        };
        var services = new ConnectorServices(new HttpClient(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        var loader = new PluginLoader(Microsoft.Extensions.Options.Options.Create(options), services, Microsoft.Extensions.Logging.Abstractions.NullLogger<PluginLoader>.Instance);
        return new LoadedPlugins(loader.LoadAll());
    }

    private static async Task<bool> AllSettledAsync(EngineHarness engine, IEnumerable<long> ids)
    {
        foreach (var id in ids)
        {
            var record = await engine.RecordAsync(id);
            if (record.Status is RecordStatus.Pending or RecordStatus.InFlight || (record.Status == RecordStatus.Failed && record.NextAttemptAt is not null))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class LoadedPlugins(PluginLoadResult value) : IDisposable
    {
        public PluginLoadResult Value { get; } = value;

        public void Dispose() => Value.Isolation?.Dispose();
    }
}
