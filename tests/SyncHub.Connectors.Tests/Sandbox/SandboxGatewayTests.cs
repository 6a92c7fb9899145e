using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using SyncHub.Connectors.Sandbox;

namespace SyncHub.Connectors.Tests.Sandbox;

public sealed class SandboxGatewayTests : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => _http.Dispose();

    [Fact]
    public void Info_Always_DescribesTheSandboxConnector()
    {
        var info = CreateGateway().Info;

        info.Name.ShouldBe("sandbox");
        info.DisplayName.ShouldBe("Sandbox");
        info.Version.ShouldBe("1.0.0");
    }

    [Fact]
    public async Task DeliverAsync_NoSettings_DeliversWithExternalId()
    {
        var outcome = await CreateGateway().DeliverAsync(Requests.Create(), CancellationToken.None);

        outcome.IsDelivered.ShouldBeTrue();
        outcome.HttpStatus.ShouldBe(201);
        outcome.ExternalId.ShouldNotBeNull().ShouldStartWith("SBX-");
    }

    [Fact]
    public async Task DeliverAsync_ScriptedFaults_ReturnsThemInOrderThenDelivers()
    {
        var gateway = CreateGateway();
        var request = Requests.Create("""{"script": ["503", "timeout", "ok", "429"]}""");

        var classes = new List<ErrorClass>();
        for (var i = 0; i < 6; i++)
        {
            classes.Add((await gateway.DeliverAsync(request, CancellationToken.None)).ErrorClass);
        }

        classes.ShouldBe([ErrorClass.Transient, ErrorClass.Transient, ErrorClass.None, ErrorClass.RateLimited, ErrorClass.None, ErrorClass.None]);
    }

    [Theory]
    [InlineData("500", ErrorClass.ServerError, 500)]
    [InlineData("503", ErrorClass.Transient, 503)]
    [InlineData("timeout", ErrorClass.Transient, null)]
    [InlineData("429", ErrorClass.RateLimited, 429)]
    [InlineData("401", ErrorClass.Authentication, 401)]
    [InlineData("403", ErrorClass.Authorization, 403)]
    [InlineData("404", ErrorClass.NotFound, 404)]
    [InlineData("409", ErrorClass.Conflict, 409)]
    [InlineData("422", ErrorClass.Validation, 422)]
    public async Task DeliverAsync_ScriptedFault_MapsToClassifiedOutcome(string fault, ErrorClass expected, int? status)
    {
        var outcome = await CreateGateway().DeliverAsync(Requests.Create($$"""{"script": ["{{fault}}"]}"""), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(expected);
        outcome.HttpStatus.ShouldBe(status);
        outcome.Message.ShouldNotBeNull().ShouldContain("(simulated)");
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("201")]
    public async Task DeliverAsync_ScriptedSuccessEntry_Delivers(string entry)
    {
        var outcome = await CreateGateway().DeliverAsync(Requests.Create($$"""{"script": ["{{entry}}"]}"""), CancellationToken.None);

        outcome.IsDelivered.ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{"script": ["429"]}""", 30)]
    [InlineData("""{"script": ["429"], "retryAfterSeconds": 5}""", 5)]
    public async Task DeliverAsync_429_CarriesRetryAfter(string settings, int seconds)
    {
        var outcome = await CreateGateway().DeliverAsync(Requests.Create(settings), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.RateLimited);
        outcome.RetryAfter.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public async Task DeliverAsync_ScriptOnTwoIntegrations_KeepsSeparatePositions()
    {
        var gateway = CreateGateway();
        const string Settings = """{"script": ["503"]}""";

        var first = await gateway.DeliverAsync(Requests.Create(Settings, integration: "a"), CancellationToken.None);
        var second = await gateway.DeliverAsync(Requests.Create(Settings, integration: "b"), CancellationToken.None);
        var third = await gateway.DeliverAsync(Requests.Create(Settings, integration: "a"), CancellationToken.None);

        first.HttpStatus.ShouldBe(503);
        second.HttpStatus.ShouldBe(503);
        third.IsDelivered.ShouldBeTrue();
    }

    [Fact]
    public async Task DeliverAsync_ScriptChanged_StartsFromItsFirstEntry()
    {
        var gateway = CreateGateway();
        await gateway.DeliverAsync(Requests.Create("""{"script": ["503"]}"""), CancellationToken.None);
        (await gateway.DeliverAsync(Requests.Create("""{"script": ["503"]}"""), CancellationToken.None)).IsDelivered.ShouldBeTrue();

        var changed = await gateway.DeliverAsync(Requests.Create("""{"script": ["401", "503"]}"""), CancellationToken.None);

        changed.ErrorClass.ShouldBe(ErrorClass.Authentication);
    }

    [Fact]
    public async Task DeliverAsync_ConcurrentCalls_ConsumeEachScriptEntryOnce()
    {
        var gateway = CreateGateway();
        var script = string.Join(",", Enumerable.Repeat("\"503\"", 20));
        var request = Requests.Create($$"""{"script": [{{script}}]}""");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(
            i => Task.Run(() => gateway.DeliverAsync(request with { IdempotencyKey = $"key-{i}" }, CancellationToken.None))));

        outcomes.Count(o => o.HttpStatus == 503).ShouldBe(20);
        outcomes.Count(o => o.IsDelivered).ShouldBe(30);
    }

    [Fact]
    public async Task DeliverAsync_UnknownScriptEntry_ReturnsConnectorFault()
    {
        var outcome = await CreateGateway().DeliverAsync(Requests.Create("""{"script": ["418"]}"""), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.ConnectorFault);
        outcome.Message.ShouldNotBeNull().ShouldContain("'418'");
    }

    private SandboxGateway CreateGateway() => new(new ConnectorServices(_http, _time, NullLoggerFactory.Instance));
}
