using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using SyncHub.Connectors.Sandbox;

namespace SyncHub.Connectors.Tests.Sandbox;

/// <summary>Idempotency, body checks, random faults and latency.</summary>
public sealed class SandboxGatewayDeliveryTests : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task DeliverAsync_SameIdempotencyKeyTwice_ReturnsSameExternalId()
    {
        var gateway = CreateGateway();

        var first = await gateway.DeliverAsync(Requests.Create(idempotencyKey: "k-1"), CancellationToken.None);
        var second = await gateway.DeliverAsync(Requests.Create(idempotencyKey: "k-1"), CancellationToken.None);

        first.HttpStatus.ShouldBe(201);
        second.HttpStatus.ShouldBe(200);
        second.ExternalId.ShouldBe(first.ExternalId);
    }

    [Fact]
    public async Task DeliverAsync_DifferentIdempotencyKeys_ReturnDistinctExternalIds()
    {
        var gateway = CreateGateway();

        var first = await gateway.DeliverAsync(Requests.Create(idempotencyKey: "k-1"), CancellationToken.None);
        var second = await gateway.DeliverAsync(Requests.Create(idempotencyKey: "k-2"), CancellationToken.None);

        second.HttpStatus.ShouldBe(201);
        second.ExternalId.ShouldNotBe(first.ExternalId);
    }

    [Fact]
    public async Task DeliverAsync_RetryAfterFault_CreatesRecordOnce()
    {
        var gateway = CreateGateway();
        var request = Requests.Create("""{"script": ["503"]}""", idempotencyKey: "k-1");

        var failed = await gateway.DeliverAsync(request, CancellationToken.None);
        var retried = await gateway.DeliverAsync(request, CancellationToken.None);

        failed.IsDelivered.ShouldBeFalse();
        retried.HttpStatus.ShouldBe(201);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"text\"")]
    [InlineData("not json")]
    public async Task DeliverAsync_BodyNotJsonObject_ReturnsValidation(string body)
    {
        var outcome = await CreateGateway().DeliverAsync(Requests.Create(body: body), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.Validation);
        outcome.Message.ShouldBe("Body must be a JSON object");
    }

    [Theory]
    [InlineData(1.0, 20)]
    [InlineData(0.0, 0)]
    public async Task DeliverAsync_FailureRate_FailsThatShareOfCalls(double rate, int expectedFailures)
    {
        var gateway = CreateGateway();
        var request = Requests.Create($$$"""{"failureRates": {"503": {{{rate}}}}}""");

        var failures = 0;
        for (var i = 0; i < 20; i++)
        {
            failures += (await gateway.DeliverAsync(request, CancellationToken.None)).HttpStatus == 503 ? 1 : 0;
        }

        failures.ShouldBe(expectedFailures);
    }

    [Fact]
    public async Task DeliverAsync_SameSeed_RepeatsTheFaultSequence()
    {
        const string Settings = """{"seed": 42, "failureRates": {"503": 0.3, "429": 0.2, "422": 0.1}}""";

        var first = await RunAsync(CreateGateway(), Settings, 40);
        var second = await RunAsync(CreateGateway(), Settings, 40);

        second.ShouldBe(first);
        first.Distinct().Count().ShouldBeGreaterThan(2);
    }

    [Fact]
    public async Task DeliverAsync_Latency_WaitsOnTheTimeProvider()
    {
        var task = CreateGateway().DeliverAsync(Requests.Create("""{"latencyMs": 500}"""), CancellationToken.None);

        _time.Advance(TimeSpan.FromMilliseconds(499));
        task.IsCompleted.ShouldBeFalse();
        _time.Advance(TimeSpan.FromMilliseconds(1));

        (await task.WaitAsync(TimeSpan.FromSeconds(10))).IsDelivered.ShouldBeTrue();
    }

    [Fact]
    public async Task DeliverAsync_CancelledDuringLatency_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        var task = CreateGateway().DeliverAsync(Requests.Create("""{"latencyMs": 60000}"""), cancellation.Token);

        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private static async Task<List<ErrorClass>> RunAsync(SandboxGateway gateway, string settings, int calls)
    {
        var classes = new List<ErrorClass>();
        for (var i = 0; i < calls; i++)
        {
            classes.Add((await gateway.DeliverAsync(Requests.Create(settings, idempotencyKey: $"k-{i}"), CancellationToken.None)).ErrorClass);
        }

        return classes;
    }

    private SandboxGateway CreateGateway() => new(new ConnectorServices(_http, _time, NullLoggerFactory.Instance));
}
