using Shouldly;
using SyncHub.Connectors;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Runs;

/// <summary>Seed 002's execution-level failures and their automatic responses.</summary>
public sealed class ExecutionFailureTests
{
    [Fact]
    public async Task ProviderDown_ThreeRetriesAt1s5s15s_ThenRecovers()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync();
        engine.Source.Add("A", engine.Time.GetUtcNow().AddMinutes(-5));
        for (var i = 0; i < 3; i++)
        {
            engine.Source.ThenReadFails(ErrorClass.Transient, "Service Unavailable", 503);
        }

        var started = engine.Time.GetUtcNow();
        var run = await engine.RunAsync(integration.Id);

        run.Status.ShouldBe(RunStatus.Succeeded);
        run.Created.ShouldBe(1);
        engine.Source.Queries.Count.ShouldBe(4);
        (engine.Time.GetUtcNow() - started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(21));
    }

    [Fact]
    public async Task ProviderDown_AfterThreeRetries_FailsTheRun()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync();
        for (var i = 0; i < 4; i++)
        {
            engine.Source.ThenReadFails(ErrorClass.ServerError, "Internal Server Error", 500);
        }

        var run = await engine.RunAsync(integration.Id);

        run.Status.ShouldBe(RunStatus.Failed);
        run.Note.ShouldNotBeNull().ShouldContain("The source is down: Internal Server Error");
        engine.Source.Queries.Count.ShouldBe(4);
    }

    [Fact]
    public async Task RateLimited_PausesForRetryAfter_ThenResumes()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync();
        engine.Source.Add("A", engine.Time.GetUtcNow().AddMinutes(-5));
        engine.Source.ThenReadFails(ErrorClass.RateLimited, "Too Many Requests", 429, TimeSpan.FromSeconds(30));

        var started = engine.Time.GetUtcNow();
        var run = await engine.RunAsync(integration.Id);

        run.Status.ShouldBe(RunStatus.Succeeded);
        run.Note.ShouldNotBeNull().ShouldContain("Paused 30 s");
        (engine.Time.GetUtcNow() - started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task CredentialsExpired_RefreshSucceeds_RunContinues()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync();
        engine.Source.Add("A", engine.Time.GetUtcNow().AddMinutes(-5));
        engine.Source.ThenReadFails(ErrorClass.Authentication, "token expired", 401);

        var run = await engine.RunAsync(integration.Id);

        run.Status.ShouldBe(RunStatus.Succeeded);
        engine.Source.Refreshes.ShouldBe(1);
        (await engine.IntegrationAsync(integration.Id)).ConnectionState.ShouldBe(ConnectionState.Healthy);
    }

    [Fact]
    public async Task CredentialsExpired_RefreshFails_RunFails_ConnectionExpiredUntilFixed()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync();
        engine.Source.RefreshSucceeds = false;
        engine.Source.ThenReadFails(ErrorClass.Authentication, "token expired", 401);

        var run = await engine.RunAsync(integration.Id);

        run.Status.ShouldBe(RunStatus.Failed);
        run.Note.ShouldNotBeNull().ShouldContain("Re-authenticate the connection");
        var expired = await engine.IntegrationAsync(integration.Id);
        expired.ConnectionState.ShouldBe(ConnectionState.Expired);
        expired.ConnectionNote.ShouldNotBeNull();
    }

    [Fact]
    public async Task DestinationRefusesCredentials_RefreshThenResend_Delivered()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync();
        engine.Source.Add("A", engine.Time.GetUtcNow().AddMinutes(-5));
        engine.Gateway.ThenFail(ErrorClass.Authentication, "token expired", 401);

        var run = await engine.RunAsync(integration.Id);

        run.Status.ShouldBe(RunStatus.Succeeded);
        run.Created.ShouldBe(1);
        engine.Source.Refreshes.ShouldBe(1);
        engine.Gateway.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Timeout_MarksTimedOut_KeepsProgress_NamesTheBatch()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync(i =>
        {
            i.Runs.TimeoutSeconds = 60;
            i.Runs.BatchSize = 2;
        });
        var now = engine.Time.GetUtcNow();
        engine.Source.Add("A", now.AddMinutes(-5)).Add("B", now.AddMinutes(-4)).Add("C", now.AddMinutes(-3));
        engine.Source.FailRead(2, ErrorClass.RateLimited, "slow down", 429, TimeSpan.FromHours(1));

        var finished = await engine.RunAsync(integration.Id);

        finished.Status.ShouldBe(RunStatus.TimedOut);
        finished.Created.ShouldBe(2);
        finished.Note.ShouldNotBeNull().ShouldContain("Timed out after 1 min while reading page 2 (records 3 onwards)");
        (await engine.IntegrationAsync(integration.Id)).Checkpoint.ShouldBeNull();
    }
}
