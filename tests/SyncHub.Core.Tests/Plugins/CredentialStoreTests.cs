using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Integrations;
using SyncHub.Data;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Plugins;

/// <summary>A connector's rotated tokens are merged into the integration's settings, encrypted, and reach the next delivery.</summary>
public sealed class CredentialStoreTests
{
    [Fact]
    public async Task SavedValues_AreMergedEncrypted_AndReachTheNextDelivery()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync(settingsJson: """{"tenantId": "T-1", "refreshToken": "old-refresh"}""");
        var store = engine.Get<ConnectorServices>().Credentials.ShouldNotBeNull();

        await store.SaveAsync("books", new Dictionary<string, string> { ["refreshToken"] = "rotated-refresh-7c1f" }, CancellationToken.None);

        await using (var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync())
        {
            var stored = (await db.Integrations.SingleAsync()).SettingsJson;
            stored.ShouldNotContain("rotated-refresh-7c1f");
            var settings = engine.Get<SettingsProtector>().Read(stored);
            settings.GetString("refreshToken").ShouldBe("rotated-refresh-7c1f");
            settings.GetString("tenantId").ShouldBe("T-1");
        }

        await engine.IngestAsync("books", "INV-1");
        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);
        engine.Gateway.Requests.Single().Settings.GetString("refreshToken").ShouldBe("rotated-refresh-7c1f");
    }

    [Fact]
    public async Task UnknownIntegration_OrNoValues_AreRefused()
    {
        await using var engine = await EngineHarness.StartAsync();
        var store = engine.Get<ConnectorServices>().Credentials!;

        await Should.ThrowAsync<InvalidOperationException>(() => store.SaveAsync("nope", new Dictionary<string, string> { ["a"] = "b" }, CancellationToken.None));
        await Should.ThrowAsync<ArgumentException>(() => store.SaveAsync("nope", new Dictionary<string, string>(), CancellationToken.None));
    }
}
