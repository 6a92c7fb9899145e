using Microsoft.EntityFrameworkCore;
using SyncHub.Data;

namespace SyncHub.Core.Delivery.Pipeline;

/// <summary>
/// Where the engine's claims and completions write. On SQLite: one long-lived context with its connection held open,
/// used under the write gate, so its page cache survives from one transaction to the next (a pooled connection finds its
/// whole cache discarded whenever another connection has written, and reads every page again). On PostgreSQL, whose
/// writers do not take turns: a pooled context per unit of work.
/// </summary>
internal sealed class EngineStore(IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes) : IAsyncDisposable
{
    // The writer's connection alone gets a larger page cache (16 MB; SQLite's default is 2 MB): with a million records
    // queued, the claims' and completions' index pages did not fit and were read again from the OS on every statement.
    // Pooled connections (pages, APIs) keep the default, so memory grows by this one cache, not by one per connection.
    private const string WriterCache = "PRAGMA cache_size = -16384";

    private SyncHubDbContext? _shared;

    /// <summary>Takes the write gate (SQLite) and hands out the context to write with until the lease is disposed.</summary>
    public async Task<EngineLease> EnterAsync(CancellationToken cancellationToken)
    {
        if (!writes.Serializes)
        {
            return new EngineLease(await dbFactory.CreateDbContextAsync(cancellationToken), null, owned: true);
        }

        var gate = await writes.EnterAsync(cancellationToken);
        try
        {
            _shared ??= await dbFactory.CreateDbContextAsync(CancellationToken.None);
            if (_shared.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
            {
                await _shared.Database.OpenConnectionAsync(cancellationToken);
                await _shared.Database.ExecuteSqlRawAsync(WriterCache, cancellationToken);
            }

            if (_shared.Database.CurrentTransaction is { } abandoned)
            {
                // A unit that failed before it could end its transaction must not leave it to the next one.
                await abandoned.DisposeAsync();
            }

            return new EngineLease(_shared, gate, owned: false);
        }
        catch
        {
            gate.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_shared is not null)
        {
            await _shared.DisposeAsync();
        }
    }
}
