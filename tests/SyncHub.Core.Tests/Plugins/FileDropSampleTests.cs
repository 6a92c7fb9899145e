using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Plugins;

namespace SyncHub.Core.Tests.Plugins;

/// <summary>The sample connector docs/writing-a-connector.md walks through: built with the solution, loaded as a plugin, and working.</summary>
public sealed class FileDropSampleTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "synchub-drop-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task LoadedAsAPlugin_WritesOneFilePerRecord_EvenWhenSentTwice()
    {
        var gateway = LoadSample();
        var request = Request("""{"amount": 12.5}""", _folder);

        (await gateway.DeliverAsync(request, CancellationToken.None)).IsDelivered.ShouldBeTrue();
        (await gateway.DeliverAsync(request, CancellationToken.None)).IsDelivered.ShouldBeTrue();

        var file = Directory.GetFiles(Path.Combine(_folder, "invoice")).ShouldHaveSingleItem();
        (await File.ReadAllTextAsync(file)).ShouldBe("""{"amount": 12.5}""");
        var lookup = await ((IRecordLookup)gateway).LookupAsync(
            new LookupRequest { RecordId = 1, IntegrationSlug = "drop", EntityType = "invoice", SourceId = "INV-1", IdempotencyKey = request.IdempotencyKey, Settings = request.Settings },
            CancellationToken.None);
        lookup.IsFound.ShouldBeTrue();
        gateway.Info.Settings.ShouldHaveSingleItem().Required.ShouldBeTrue();
    }

    [Fact]
    public async Task RelativeFolder_IsAFieldProblem_AndKeysCannotEscapeTheFolder()
    {
        var gateway = LoadSample();

        var invalid = await gateway.DeliverAsync(Request("{}", "relative/path"), CancellationToken.None);
        var escaping = await gateway.DeliverAsync(Request("{}", _folder) with { EntityType = "../../etc", IdempotencyKey = "../passwd" }, CancellationToken.None);

        invalid.ErrorClass.ShouldBe(ErrorClass.Validation);
        invalid.FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("folder");
        escaping.IsDelivered.ShouldBeTrue();
        Directory.GetFiles(_folder, "*", SearchOption.AllDirectories).ShouldAllBe(f => f.StartsWith(_folder, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static IConnectorGateway LoadSample()
    {
        var services = new ConnectorServices(new HttpClient(), TimeProvider.System, NullLoggerFactory.Instance);
        var options = Options.Create(new PluginOptions { Path = Path.Combine(AppContext.BaseDirectory, "plugins") });
        var loaded = new PluginLoader(options, services, NullLogger<PluginLoader>.Instance).LoadAll();
        return loaded.Gateways.Single(g => g.Info.Name == "file-drop");
    }

    private static DeliveryRequest Request(string body, string folder) => new()
    {
        RecordId = 1,
        IntegrationSlug = "drop",
        EntityType = "invoice",
        SourceId = "INV-1",
        IdempotencyKey = "abc123.1",
        Body = body,
        Settings = ConnectorSettings.Parse($$"""{"folder": "{{folder}}"}"""),
    };
}
