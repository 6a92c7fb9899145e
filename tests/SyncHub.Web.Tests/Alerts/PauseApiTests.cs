using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Alerts;

public sealed class PauseApiTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task PauseThenResume_RecordsWaitAndThenDeliver_Audited()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync("api-pause");

        using var paused = await api.PostJsonAsync("/api/v1/integrations/api-pause/pause", """{"reason": "Month-end close"}""");

        paused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await paused.ReadJsonAsync();
        body.GetProperty("paused").GetBoolean().ShouldBeTrue();
        body.GetProperty("reason").GetString().ShouldBe("Month-end close");
        var id = await api.IngestAsync("api-pause", "INV-P1");
        await factory.DeliverPendingAsync();
        (await StatusAsync(id)).ShouldBe(RecordStatus.Pending);

        using var resumed = await api.PostAsync("/api/v1/integrations/api-pause/resume", null);

        resumed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await resumed.ReadJsonAsync()).GetProperty("paused").GetBoolean().ShouldBeFalse();
        await factory.DeliverPendingAsync();
        (await StatusAsync(id)).ShouldBe(RecordStatus.Delivered);
        await using var db = await Db();
        (await db.AuditLog.Where(a => a.Target == "integration api-pause").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync())
            .ShouldBe(["integration.create", "integration.pause", "integration.resume"]); // created through the API, audited too
    }

    [Fact]
    public async Task Pause_UnknownIntegration_Is404()
    {
        using var api = factory.CreateApiClient();

        using var response = await api.PostAsync("/api/v1/integrations/nope/pause", null);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Pause_WithoutKey_IsRefused()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/v1/integrations/api-pause/pause", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<RecordStatus> StatusAsync(long id)
    {
        await using var db = await Db();
        return await db.Records.Where(r => r.Id == id).Select(r => r.Status).SingleAsync();
    }

    private Task<SyncHubDbContext> Db() => factory.Services.GetRequiredService<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
}
