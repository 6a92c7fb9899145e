using System.Net;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Api;

public sealed class RunsApiTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task SyncNow_StartsARun_ThatDeliversTheSourceRecords()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("runs-api", FakeSource.Name);
        factory.Source.Add("RA-1", DateTimeOffset.UtcNow.AddDays(-400)).Add("RA-2", DateTimeOffset.UtcNow.AddDays(-399));

        using var response = await api.PostJsonAsync("/api/v1/integrations/runs-api/runs", """{"mode": "incremental"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var started = await response.ReadJsonAsync();
        started.GetProperty("trigger").GetString().ShouldBe("manual");
        var location = response.Headers.Location!.ToString();
        var finished = await Eventually.MatchesAsync(
            () => api.GetJsonAsync(location),
            run => run.GetProperty("run").GetProperty("status").GetString() != "running",
            "the run to finish");
        var run = finished.GetProperty("run");
        run.GetProperty("status").GetString().ShouldBe("succeeded");
        run.GetProperty("counts").GetProperty("created").GetInt32().ShouldBe(2);

        var list = await api.GetJsonAsync("/api/v1/integrations/runs-api/runs");
        list.GetProperty("items")[0].GetProperty("id").GetInt64().ShouldBe(run.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task FullReimport_WithoutConfirm_Is400NamingConfirm()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync("runs-confirm");

        using var response = await api.PostJsonAsync("/api/v1/integrations/runs-confirm/runs", """{"mode": "full"}""");

        await response.ShouldBeValidationProblemAsync("confirm");
    }

    [Fact]
    public async Task DateRange_WithoutDates_Is400NamingThem()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("runs-range", FakeSource.Name);

        using var response = await api.PostJsonAsync("/api/v1/integrations/runs-range/runs", """{"mode": "dateRange", "from": "2026-01-01T00:00:00Z"}""");

        await response.ShouldBeValidationProblemAsync("to");
    }

    [Fact]
    public async Task Run_OnAPushOnlyConnector_Is400NamingTheIntegration()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync("runs-push-only");

        using var response = await api.PostJsonAsync("/api/v1/integrations/runs-push-only/runs", "{}");

        await response.ShouldBeValidationProblemAsync("integration");
    }

    [Fact]
    public async Task UnknownRunOrIntegration_Is404()
    {
        using var api = factory.CreateApiClient();

        using var run = await api.GetAsync("/api/v1/runs/999999");
        using var runs = await api.GetAsync("/api/v1/integrations/nope/runs");

        await run.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await runs.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Cancel_EndedRun_Is409()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("runs-cancel", FakeSource.Name);
        using var started = await api.PostJsonAsync("/api/v1/integrations/runs-cancel/runs", "{}");
        var location = started.Headers.Location!.ToString();
        await Eventually.MatchesAsync(() => api.GetJsonAsync(location), r => r.GetProperty("run").GetProperty("status").GetString() != "running", "the run to end");

        using var cancel = await api.PostAsync(location + "/cancel", null);

        await cancel.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }
}
