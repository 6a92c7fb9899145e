using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using SyncHub.Connectors.Sandbox;

namespace SyncHub.Connectors.Tests.Sandbox;

/// <summary>The sandbox as a deterministic source: records appear as time passes, page by page, with scripted faults.</summary>
public sealed class SandboxSourceTests : IDisposable
{
    private const string Source = """{"source": {"records": 10, "start": "2026-11-01T00:00:00Z", "everyMinutes": 60}}""";

    private readonly HttpClient _http = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 4, 30, 0, TimeSpan.Zero));

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Read_OnlyRecordsThatExistByNow_OldestFirst()
    {
        var page = await CreateGateway().ReadAsync(Query(Source), CancellationToken.None);

        page.IsSuccess.ShouldBeTrue();
        page.Records.Select(r => r.SourceId).ShouldBe(["SBX-SRC-000000", "SBX-SRC-000001", "SBX-SRC-000002", "SBX-SRC-000003", "SBX-SRC-000004"]);
        page.Records[1].ChangedAt.ShouldBe(new DateTimeOffset(2026, 11, 1, 1, 0, 0, TimeSpan.Zero));
        page.NextCursor.ShouldBeNull();
    }

    [Fact]
    public async Task Read_SameQueryTwice_GivesTheSameRecords()
    {
        var gateway = CreateGateway();

        var first = await gateway.ReadAsync(Query(Source), CancellationToken.None);
        var second = await gateway.ReadAsync(Query(Source), CancellationToken.None);

        second.Records.ShouldBe(first.Records);
    }

    [Fact]
    public async Task Read_Window_IsFromInclusiveToExclusive()
    {
        var page = await CreateGateway().ReadAsync(
            Query(Source) with { ChangedFrom = new DateTimeOffset(2026, 11, 1, 1, 0, 0, TimeSpan.Zero), ChangedTo = new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero) },
            CancellationToken.None);

        page.Records.Select(r => r.SourceId).ShouldBe(["SBX-SRC-000001", "SBX-SRC-000002"]);
    }

    [Fact]
    public async Task Read_PageByPage_FollowsTheCursorToTheEnd()
    {
        _time.Advance(TimeSpan.FromDays(1));
        var gateway = CreateGateway();
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await gateway.ReadAsync(Query(Source) with { PageSize = 3, Cursor = cursor }, CancellationToken.None);
            seen.AddRange(page.Records.Select(r => r.SourceId));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        seen.Count.ShouldBe(10);
        seen.Distinct().Count().ShouldBe(10);
    }

    [Fact]
    public async Task Read_SchemaMismatchEvery_SendsAListInsteadOfAnObject()
    {
        var page = await CreateGateway().ReadAsync(
            Query("""{"source": {"records": 4, "start": "2026-11-01T00:00:00Z", "everyMinutes": 60, "schemaMismatchEvery": 2}}"""), CancellationToken.None);

        page.Records[1].Payload.ShouldStartWith("[");
        page.Records[0].Payload.ShouldStartWith("{");
    }

    [Fact]
    public async Task Read_ScriptedFaults_ComeFirstThenRecords()
    {
        var settings = """{"retryAfterSeconds": 12, "source": {"records": 3, "start": "2026-11-01T00:00:00Z", "faults": ["503", "429", "401"]}}""";
        var gateway = CreateGateway();

        var results = new List<SourcePage>();
        for (var i = 0; i < 4; i++)
        {
            results.Add(await gateway.ReadAsync(Query(settings), CancellationToken.None));
        }

        results.Select(r => r.ErrorClass).ShouldBe([ErrorClass.Transient, ErrorClass.RateLimited, ErrorClass.Authentication, ErrorClass.None]);
        results[1].RetryAfter.ShouldBe(TimeSpan.FromSeconds(12));
    }

    [Theory]
    [InlineData("{}", "no 'source' settings")]
    [InlineData("""{"source": {"records": -1}}""", "'records' must be")]
    [InlineData("""{"source": {"start": "yesterday"}}""", "'start' must be")]
    [InlineData("""{"source": {"faults": ["boom"]}}""", "unknown entry 'boom'")]
    public async Task Read_BadSettings_FailsAsConnectorFaultSayingWhy(string settings, string message)
    {
        var page = await CreateGateway().ReadAsync(Query(settings), CancellationToken.None);

        page.ErrorClass.ShouldBe(ErrorClass.ConnectorFault);
        page.Message.ShouldNotBeNull().ShouldContain(message);
    }

    [Theory]
    [InlineData("{}", true)]
    [InlineData("""{"refresh": "fail"}""", false)]
    public async Task RefreshCredentials_FollowsTheSetting(string settings, bool expected) =>
        (await CreateGateway().RefreshCredentialsAsync("acme", ConnectorSettings.Parse(settings), CancellationToken.None)).ShouldBe(expected);

    private static SourceQuery Query(string settings) => new() { IntegrationSlug = "acme", Settings = ConnectorSettings.Parse(settings) };

    private SandboxGateway CreateGateway() => new(new ConnectorServices(_http, _time, NullLoggerFactory.Instance));
}
