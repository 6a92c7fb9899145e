using System.Net;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Api;

public sealed class GetIntegrationTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task Get_IntegrationWithRecords_ReturnsCountsPerStatus()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("counted");
        for (var i = 0; i < 3; i++)
        {
            await api.IngestAsync("counted", $"INV-{i}");
        }

        factory.Gateway.ThenFail(ErrorClass.Validation, "Customer is missing", 422);
        await factory.DeliverPendingAsync();
        await api.IngestAsync("counted", "INV-new");

        var body = await api.GetJsonAsync("/api/v1/integrations/counted");

        body.GetProperty("slug").GetString().ShouldBe("counted");
        var counts = body.GetProperty("counts");
        counts.GetProperty("pending").GetInt32().ShouldBe(1);
        counts.GetProperty("inFlight").GetInt32().ShouldBe(0);
        counts.GetProperty("delivered").GetInt32().ShouldBe(2);
        counts.GetProperty("failed").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Get_SkippedRecord_CountedAsSkipped()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("skipping");
        factory.Gateway.FailNextFor("SKIP-1", ErrorClass.SchemaMismatch, "unexpected structure");
        await api.IngestAsync("skipping", "SKIP-1");
        await factory.DeliverPendingAsync();

        var counts = (await api.GetJsonAsync("/api/v1/integrations/skipping")).GetProperty("counts");

        counts.GetProperty("skipped").GetInt32().ShouldBe(1);
        counts.GetProperty("blocked").GetInt32().ShouldBe(0);
        counts.GetProperty("dismissed").GetInt32().ShouldBe(0);
        counts.GetProperty("failed").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Get_UnknownSlug_Returns404Problem()
    {
        using var api = factory.CreateApiClient();

        using var response = await api.GetAsync("/api/v1/integrations/does-not-exist");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_AfterCreating_IncludesTheIntegration()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("listed");

        var body = await api.GetJsonAsync("/api/v1/integrations");

        body.EnumerateArray().Select(i => i.GetProperty("slug").GetString()).ShouldContain("listed");
    }
}
