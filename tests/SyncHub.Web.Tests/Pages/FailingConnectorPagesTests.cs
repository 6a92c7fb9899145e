using System.Text.Json;
using Shouldly;
using SyncHub.Core.Plugins;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Pages;

/// <summary>A connector failing in its own code on every call shows as unhealthy, with its error encoded, in every place that reports health.</summary>
public sealed class FailingConnectorPagesTests : IDisposable
{
    private readonly SyncHubWebFactory _factory = new();

    [Fact]
    public async Task DashboardApiAndReadiness_ConnectorThrowsOnEveryCall_ShowItUnhealthyWithItsError()
    {
        using var api = _factory.CreateApiClient();
        await api.EnsureIntegrationAsync("throws");
        for (var i = 0; i < ConnectorFaults.Threshold; i++)
        {
            await api.IngestAsync("throws", $"T-{i}");
            _factory.Gateway.ThenThrow(new InvalidOperationException("bug <img src=x onerror=alert(1)>"));
        }

        await _factory.DeliverPendingAsync();
        using var browser = await Browser.SignedInAsync(_factory, SyncHub.Web.Security.Roles.Viewer);

        var dashboard = await browser.OpenAsync("/");

        var problems = dashboard.Single("#plugin-problems");
        problems.TextContent.ShouldContain("failed in its own code on its last 5 calls");
        problems.TextContent.ShouldContain("bug <img src=x onerror=alert(1)>");
        problems.QuerySelector("img").ShouldBeNull("the connector's text is encoded, never markup");
        dashboard.Single("#connector-problem-throws").TextContent.ShouldContain("InvalidOperationException");
        using var integration = JsonDocument.Parse(await api.GetStringAsync("/api/v1/integrations/throws"));
        integration.RootElement.GetProperty("connectorProblem").GetString().ShouldNotBeNull().ShouldContain("last 5 calls");
        using var anonymous = _factory.CreateClient();
        (await anonymous.GetStringAsync("/readyz")).ShouldContain("Degraded");
    }

    public void Dispose() => _factory.Dispose();
}
