using SyncHub.Data;

namespace SyncHub.Core.Delivery.Pipeline;

/// <summary>The engine's context for one unit of work; disposing it ends the unit (and lets the next writer in on SQLite).</summary>
internal sealed class EngineLease(SyncHubDbContext db, IDisposable? gate, bool owned) : IAsyncDisposable
{
    public SyncHubDbContext Db { get; } = db;

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (owned)
            {
                await Db.DisposeAsync();
            }
            else
            {
                // The shared context outlives the unit: nothing it tracked may leak into the next one.
                Db.ChangeTracker.Clear();
            }
        }
        finally
        {
            gate?.Dispose();
        }
    }
}
