using Microsoft.EntityFrameworkCore;

namespace SyncHub.Data;

/// <summary>Applies the database migrations and SQLite's WAL settings once at start-up.</summary>
public static class DatabaseInitializer
{
    /// <summary>Migrations write like any writer, so they hold the gate; nothing else is writing yet, so they never wait.</summary>
    public static Task InitializeAsync(SyncHubDbContext db, WriteGate writes, CancellationToken cancellationToken) =>
        writes.RunAsync(token => InitializeAsync(db, token), cancellationToken);

    private static async Task InitializeAsync(SyncHubDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            // WAL lets the dashboard read while the engine writes; it is a property of the file, so set it once.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        // Migrate() compares the model with the migrations' snapshot before it looks at the history, which costs a
        // noticeable part of start-up; when every migration is already applied there is nothing for it to do.
        var applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken);
        if (db.Database.GetMigrations().Except(applied).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            // Refreshes the planner's statistics where they are stale, so it keeps picking the right indexes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;", cancellationToken);
        }
    }
}
