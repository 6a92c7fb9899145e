using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Integrations;
using SyncHub.Core.Plugins;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Integrations;

public sealed class ConnectionTesterTests
{
    private readonly FakeConnectionGateway _secure = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Test_ConnectorHangs_ReportsTheTimeoutAfterFifteenSeconds()
    {
        _secure.Hang = true;
        var tester = new ConnectionTester(new Catalog(_secure), _time, NullLogger<ConnectionTester>.Instance);

        var test = tester.TestAsync(FakeConnectionGateway.Name, "books", ConnectorSettings.Empty, CancellationToken.None);
        while (_secure.Tested.IsEmpty)
        {
            await Task.Yield();
        }

        test.IsCompleted.ShouldBeFalse();
        _time.Advance(ConnectionTester.Timeout);
        var report = await test;

        report.Succeeded.ShouldBeFalse();
        report.Message.ShouldBe("No answer within 15 seconds.");
    }

    [Fact]
    public async Task Test_RefusalQuotesTheSecret_ReportOmitsIt()
    {
        _secure.EchoSecret = true;
        var tester = new ConnectionTester(new Catalog(_secure), _time, NullLogger<ConnectionTester>.Instance);

        var report = await tester.TestAsync(FakeConnectionGateway.Name, "books", ConnectorSettings.Parse("""{"clientSecret": "wrong-secret-9z8y"}"""), CancellationToken.None);

        report.Succeeded.ShouldBeFalse();
        report.Message.ShouldBe("invalid_client: client_secret [redacted] is not known");
    }

    [Fact]
    public async Task Test_ConnectorWithoutConnectionTest_SaysItCannot()
    {
        var tester = new ConnectionTester(new Catalog(new FakeGateway()), _time, NullLogger<ConnectionTester>.Instance);

        var report = await tester.TestAsync(FakeGateway.Name, "books", ConnectorSettings.Empty, CancellationToken.None);

        report.Supported.ShouldBeFalse();
        report.Message.ShouldBe("This connector cannot test connections.");
    }

    private sealed class Catalog(IConnectorGateway gateway) : IConnectorCatalog
    {
        public IReadOnlyList<ConnectorInfo> Connectors => [gateway.Info];

        public IReadOnlyList<PluginLoadError> LoadErrors => [];

        public IConnectorGateway? Find(string connectorName) => connectorName == gateway.Info.Name ? gateway : null;

        public Version? SdkVersionOf(string connectorName) => null;
    }
}
