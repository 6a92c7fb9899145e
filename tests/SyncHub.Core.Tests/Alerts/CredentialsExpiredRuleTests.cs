using Shouldly;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using Xunit;

namespace SyncHub.Core.Tests.Alerts;

public sealed class CredentialsExpiredRuleTests
{
    private const string Rule = "credentials-expired";

    [Fact]
    public async Task Evaluate_ConnectionExpired_OpensThenResolvesWhenFixed()
    {
        await using var harness = await EngineHarness.StartAsync();
        var books = await harness.CreateIntegrationAsync("books");
        await harness.CreateIntegrationAsync("shop");
        await harness.UpdateIntegrationAsync(books.Id, i =>
        {
            i.ConnectionState = ConnectionState.Expired;
            i.ConnectionNote = "Refresh token revoked";
        });

        await harness.EvaluateAsync();

        var alert = (await harness.OpenAlertsAsync(Rule)).ShouldHaveSingleItem();
        alert.Subject.ShouldBe("books");
        alert.Detail.ShouldBe("Refresh token revoked");

        await harness.UpdateIntegrationAsync(books.Id, i => i.ConnectionState = ConnectionState.Healthy);
        await harness.EvaluateAsync();
        (await harness.AlertsAsync(Rule)).ShouldHaveSingleItem().Status.ShouldBe(AlertStatus.Resolved);
    }

    [Fact]
    public async Task Evaluate_HealthyConnections_DoNotAlert()
    {
        await using var harness = await EngineHarness.StartAsync();
        await harness.CreateIntegrationAsync("books");

        await harness.EvaluateAsync();

        (await harness.AlertsAsync(Rule)).ShouldBeEmpty();
    }
}
