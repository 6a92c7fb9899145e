using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Pages;

public sealed class DashboardRunsTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task ExpiredConnectionAndLastRun_ShowOnTheCardAndInTheApi()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("dash-runs", FakeSource.Name);
        factory.Source.RefreshSucceeds = false;
        factory.Source.ThenReadFails(ErrorClass.Authentication, "token expired <b>now</b>", 401);
        using var started = await api.PostJsonAsync("/api/v1/integrations/dash-runs/runs", "{}");
        var location = started.Headers.Location!.ToString();
        await Eventually.MatchesAsync(() => api.GetJsonAsync(location), r => r.GetProperty("run").GetProperty("status").GetString() != "running", "the run to end");
        factory.Source.RefreshSucceeds = true;

        using var browser = await Browser.SignedInAsync(factory);
        var dashboard = await browser.OpenAsync("/");
        var integration = await api.GetJsonAsync("/api/v1/integrations/dash-runs");

        dashboard.Single("#connection-expired-dash-runs").TextContent.ShouldContain("token expired <b>now</b>");
        dashboard.Single("#last-run-dash-runs").TextContent.ShouldContain("Failed");
        integration.GetProperty("connection").GetString().ShouldBe("expired");
        integration.GetProperty("lastRunStatus").GetString().ShouldBe("failed");
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        (await db.Integrations.SingleAsync(i => i.Slug == "dash-runs")).ConnectionState.ShouldBe(ConnectionState.Expired);
    }
}
