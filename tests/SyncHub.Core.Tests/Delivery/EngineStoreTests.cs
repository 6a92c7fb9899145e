using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Core.Delivery.Pipeline;
using SyncHub.Data;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Delivery;

public sealed class EngineStoreTests
{
    [Fact]
    public async Task EnterAsync_Sqlite_TheWritersConnectionHasTheLargerPageCache()
    {
        await using var harness = await EngineHarness.StartAsync(postgres: false);
        await using var store = new EngineStore(harness.Get<IDbContextFactory<SyncHubDbContext>>(), harness.Get<WriteGate>());

        await using var lease = await store.EnterAsync(CancellationToken.None);

        (await lease.Db.Database.SqlQueryRaw<long>("""SELECT cache_size AS "Value" FROM pragma_cache_size""").SingleAsync()).ShouldBe(-16384);
    }

    [Fact]
    public async Task EnterAsync_Sqlite_PooledConnectionsKeepTheDefaultPageCache()
    {
        await using var harness = await EngineHarness.StartAsync(postgres: false);
        await using var store = new EngineStore(harness.Get<IDbContextFactory<SyncHubDbContext>>(), harness.Get<WriteGate>());
        await using (await store.EnterAsync(CancellationToken.None))
        {
        }

        await using var reader = await harness.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();

        (await reader.Database.SqlQueryRaw<long>("""SELECT cache_size AS "Value" FROM pragma_cache_size""").SingleAsync()).ShouldBe(-2000);
    }
}
