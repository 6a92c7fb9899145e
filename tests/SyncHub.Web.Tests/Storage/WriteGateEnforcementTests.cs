using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Web.Tests.Storage;

/// <summary>The test host refuses a write outside the gate, so every test that reaches an ungated writer fails.</summary>
public sealed class WriteGateEnforcementTests : IAsyncLifetime
{
    // The guard sits on the SQLite store, whose writers take turns.
    private readonly SyncHubWebFactory _factory = new() { Postgres = false };

    public Task InitializeAsync()
    {
        _factory.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SaveChanges_OutsideTheGate_IsRefused()
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        db.AuditLog.Add(new AuditEntry { At = DateTimeOffset.UnixEpoch, Actor = "test", Action = "test.write", Target = "gate" });

        var refused = await Should.ThrowAsync<InvalidOperationException>(db.SaveChangesAsync());

        refused.Message.ShouldContain("outside the write gate");
    }

    [Fact]
    public async Task SaveChanges_InsideTheGate_Writes()
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        db.AuditLog.Add(new AuditEntry { At = DateTimeOffset.UnixEpoch, Actor = "test", Action = "test.write", Target = "gate" });

        await _factory.Services.SaveThroughGateAsync(db);

        (await db.AuditLog.CountAsync(e => e.Target == "gate")).ShouldBe(1);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
