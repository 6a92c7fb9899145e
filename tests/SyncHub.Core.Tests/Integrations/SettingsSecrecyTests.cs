using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Data;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Integrations;

/// <summary>Credentials in integration settings are encrypted at rest and never reach the logs.</summary>
public sealed class SettingsSecrecyTests
{
    private const string Secret = "Bearer SECRET-TOKEN-7f3a9c";

    [Fact]
    public async Task CreateIntegration_SettingsWithSecret_StoredEncryptedButDeliveredInClear()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync(settingsJson: $$$"""{"url": "https://example.org/hook", "headers": {"Authorization": "{{{Secret}}}"}}""");
        await engine.IngestAsync("books", "INV-1");

        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        var stored = await db.Integrations.Select(i => i.SettingsJson).SingleAsync();
        stored.ShouldNotContain("SECRET-TOKEN");
        stored.ShouldNotContain("example.org");
        var settings = engine.Gateway.Requests.Single().Settings;
        settings.Root.GetProperty("headers").GetProperty("Authorization").GetString().ShouldBe(Secret);
    }

    [Fact]
    public async Task Delivery_SucceedingAndFailing_NeverLogsTheSecret()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync(settingsJson: $$$"""{"headers": {"Authorization": "{{{Secret}}}"}}""");
        await engine.IngestAsync("books", "INV-1");
        await engine.IngestAsync("books", "INV-2");
        engine.Gateway.ThenFail(ErrorClass.Authentication, "Unauthorized", 401).ThenThrow(new InvalidOperationException("connector blew up"));

        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);
        await engine.Operations.RunNowAsync(Core.Operations.RetryScope.All(), CancellationToken.None);

        engine.Logs.Lines.ShouldNotBeEmpty();
        engine.Logs.Lines.ShouldAllBe(line => !line.Contains("SECRET-TOKEN"));
    }
}
