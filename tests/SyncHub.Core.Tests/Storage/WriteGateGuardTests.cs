using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Shouldly;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Storage;

public sealed class WriteGateGuardTests : IDisposable
{
    private readonly TempSqliteFile _file = new();
    private readonly WriteGate _gate = new();
    private readonly CapturedLogs _logs = new();
    private readonly ILoggerFactory _loggers;

    public WriteGateGuardTests()
    {
        _loggers = LoggerFactory.Create(logging => logging.AddProvider(_logs));
    }

    [Fact]
    public async Task SaveChanges_OutsideTheGate_ThrowsNamingTheChange()
    {
        await using var db = await OpenAsync(enforce: true);
        db.AuditLog.Add(Entry());

        var refused = await Should.ThrowAsync<InvalidOperationException>(db.SaveChangesAsync());

        refused.Message.ShouldContain("outside the write gate");
        refused.Message.ShouldContain("Added AuditEntry");
    }

    [Fact]
    public async Task ExecuteUpdate_OutsideTheGate_ThrowsNamingTheStatement()
    {
        await using var db = await OpenAsync(enforce: true);

        var refused = await Should.ThrowAsync<InvalidOperationException>(
            db.AuditLog.ExecuteUpdateAsync(s => s.SetProperty(e => e.Detail, "changed")));

        refused.Message.ShouldContain("\"UPDATE \"AuditLog\"");
    }

    [Fact]
    public async Task RawInsert_OutsideTheGate_Throws()
    {
        await using var db = await OpenAsync(enforce: true);

        await Should.ThrowAsync<InvalidOperationException>(
            db.Database.ExecuteSqlRawAsync("/* seed */ INSERT INTO \"Nodes\" (\"Id\", \"HostName\", \"StartedAt\", \"HeartbeatAt\") VALUES ('n', 'h', 0, 0)"));
    }

    [Fact]
    public async Task SaveChanges_InsideRunAsync_Writes()
    {
        await using var db = await OpenAsync(enforce: true);
        db.AuditLog.Add(Entry());

        await _gate.RunAsync(db.SaveChangesAsync, CancellationToken.None);

        (await db.AuditLog.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task ExecuteUpdate_InsideEnterAsync_Writes()
    {
        await using var db = await OpenAsync(enforce: true);

        using (await _gate.EnterAsync(CancellationToken.None))
        {
            await db.AuditLog.ExecuteUpdateAsync(s => s.SetProperty(e => e.Detail, "changed"));
        }
    }

    [Fact]
    public async Task ExecuteUpdate_WhileAnEnterAsyncHoldIsLentElsewhere_Writes()
    {
        await using var db = await OpenAsync(enforce: true);
        // Taken on another flow and handed on, as the engine's store lends its lease: this flow cannot see it.
        using var lease = await Task.Run(() => _gate.EnterAsync(CancellationToken.None));

        await db.AuditLog.ExecuteUpdateAsync(s => s.SetProperty(e => e.Detail, "changed"));
    }

    [Fact]
    public async Task Query_OutsideTheGate_Reads()
    {
        await using var db = await OpenAsync(enforce: true);

        var count = await db.AuditLog.CountAsync();

        count.ShouldBe(0);
    }

    [Fact]
    public async Task SaveChanges_OutsideTheGateWithoutEnforcement_WritesAndWarns()
    {
        await using var db = await OpenAsync(enforce: false);
        db.AuditLog.Add(Entry());

        await db.SaveChangesAsync();

        (await db.AuditLog.CountAsync()).ShouldBe(1);
        _logs.Lines.ShouldContain(line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("outside the write gate: INSERT INTO \"AuditLog\""));
    }

    public void Dispose()
    {
        _loggers.Dispose();
        _file.Dispose();
    }

    private static AuditEntry Entry() =>
        new() { At = DateTimeOffset.UnixEpoch, Actor = "test", Action = "test.write", Target = "guard" };

    private async Task<SyncHubDbContext> OpenAsync(bool enforce)
    {
        var guard = new WriteGateGuard(_gate, enforce, _loggers.CreateLogger<WriteGateGuard>());
        var db = new SyncHubDbContext(new DbContextOptionsBuilder<SyncHubDbContext>().UseSqlite(_file.ConnectionString).AddInterceptors(guard).Options);
        await DatabaseInitializer.InitializeAsync(db, _gate, CancellationToken.None);
        return db;
    }
}
