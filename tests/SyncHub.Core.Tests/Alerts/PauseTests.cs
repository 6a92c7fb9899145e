using Shouldly;
using SyncHub.Core.Integrations;
using SyncHub.Core.Runs;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using Xunit;

namespace SyncHub.Core.Tests.Alerts;

public sealed class PauseTests
{
    [Fact]
    public async Task Pause_RecordsQueueUntilResume_ThenDeliver()
    {
        await using var harness = await EngineHarness.StartAsync();
        var books = await harness.CreateIntegrationAsync("books");
        await harness.CreateIntegrationAsync("shop");
        var pauses = harness.Get<IntegrationPauseService>();
        (await pauses.PauseAsync(books.Id, "Destination maintenance", "admin", CancellationToken.None)).ShouldBeTrue();
        var paused = await harness.IngestAsync("books", "INV-1");
        var other = await harness.IngestAsync("shop", "INV-2");

        await harness.Orchestrator.DeliverDueAsync(CancellationToken.None);

        (await harness.RecordAsync(paused)).Status.ShouldBe(RecordStatus.Pending);
        (await harness.AttemptsAsync(paused)).ShouldBeEmpty();
        (await harness.RecordAsync(other)).Status.ShouldBe(RecordStatus.Delivered);

        await pauses.ResumeAsync(books.Id, "admin", CancellationToken.None);
        await harness.Orchestrator.DeliverDueAsync(CancellationToken.None);

        (await harness.RecordAsync(paused)).Status.ShouldBe(RecordStatus.Delivered);
        var audit = await harness.AuditLogAsync();
        audit.ShouldContain(a => a.Action == "integration.pause" && a.Actor == "admin" && a.Detail == "Destination maintenance");
        audit.ShouldContain(a => a.Action == "integration.resume" && a.Actor == "admin");
    }

    [Fact]
    public async Task StartRun_WhilePaused_IsRefusedWithAClearMessage()
    {
        await using var harness = await EngineHarness.StartAsync();
        var source = await harness.CreateIntegrationAsync("feed", connector: FakeSource.Name);
        await harness.Get<IntegrationPauseService>().PauseAsync(source.Id, "Budget", "admin", CancellationToken.None);

        var result = await harness.Get<RunService>().StartAsync(new RunRequest(source.Id, RunTrigger.Manual, RunMode.Incremental), CancellationToken.None);

        result.Started.ShouldBeFalse();
        result.Errors!.ToString().ShouldContain("is paused");

        await harness.Get<IntegrationPauseService>().ResumeAsync(source.Id, "admin", CancellationToken.None);
        (await harness.Get<RunService>().StartAsync(new RunRequest(source.Id, RunTrigger.Manual, RunMode.Incremental), CancellationToken.None)).Started.ShouldBeTrue();
    }
}
