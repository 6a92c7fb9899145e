using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SyncHub.Data;

namespace SyncHub.TestUtils;

/// <summary>
/// A test's own change straight in the store (a state no service makes), made in its turn at the write gate as
/// SyncHub's writers make theirs, so the gate's guard lets it through.
/// </summary>
public static class StoreWrites
{
    public static Task WriteAsync(this IServiceProvider services, Func<SyncHubDbContext, Task> write) =>
        services.GetRequiredService<WriteGate>().RunAsync(
            async token =>
            {
                await using var db = await services.GetRequiredService<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync(token);
                await write(db);
            },
            CancellationToken.None);

    /// <summary>Saves what the test changed on a context it already has open.</summary>
    public static Task SaveThroughGateAsync(this IServiceProvider services, DbContext db) =>
        services.GetRequiredService<WriteGate>().RunAsync(db.SaveChangesAsync, CancellationToken.None);

    /// <summary>Runs <paramref name="write"/> on a context the test already has open.</summary>
    public static Task WriteAsync(this WriteGate writes, Func<Task> write) => writes.RunAsync(_ => write(), CancellationToken.None);
}
