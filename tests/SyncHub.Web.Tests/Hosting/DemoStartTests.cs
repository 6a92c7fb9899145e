using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SyncHub.Core.Demo;
using SyncHub.Data;
using SyncHub.TestUtils;

namespace SyncHub.Web.Tests.Hosting;

/// <summary>What the README's run command shows a new user: the demo integrations, records, and budgets that fit them.</summary>
public sealed class DemoStartTests : IAsyncLifetime
{
    private readonly SyncHubWebFactory _factory = new();

    public Task InitializeAsync()
    {
        _factory.Settings["SyncHub:Demo:Enabled"] = "true";
        _factory.Settings["SyncHub:Demo:InitialRecords"] = "20";
        _factory.Settings["SyncHub:Demo:MaxRecords"] = "20";
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Start_EmptyDatabase_SeedsTheDemoIntegrationsWithRecordsAndATenPercentBudget()
    {
        using var client = await _factory.CreateSignedInClientAsync();

        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        var integrations = await db.Integrations.OrderBy(i => i.Slug).ToListAsync();
        integrations.Select(i => i.Slug).ShouldBe([DemoSeeder.AccountingSlug, DemoSeeder.PosSlug, DemoSeeder.ShopSlug]);
        integrations.ShouldAllBe(i => i.Connector == "sandbox" && i.ErrorBudgetPercent == 10 && !i.PauseOnBudgetExhausted);
        (await db.Records.CountAsync(r => r.Integration!.Slug != DemoSeeder.ShopSlug)).ShouldBe(20);
        var dashboard = await client.GetStringAsync("/");
        dashboard.ShouldContain("Demo Accounting");
        dashboard.ShouldContain("Demo Shop orders");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
