using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Postgres;

namespace SyncHub.Web.Storage;

internal static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// SQLite (default) or PostgreSQL, by <c>SyncHub:Database:Provider</c>, from <c>ConnectionStrings:SyncHub</c>; a
    /// relative SQLite file path is relative to the content root.
    /// </summary>
    public static IServiceCollection AddSyncHubDatabase(this IServiceCollection services)
    {
        // Read when first resolved, so configuration added by a test host or late providers is honoured.
        services.AddPooledDbContextFactory<SyncHubDbContext>((provider, options) =>
        {
            var settings = DatabaseSettings.Read(provider.GetRequiredService<IConfiguration>());
            if (settings.IsPostgres)
            {
                // No guard: the gate lets every writer through here, and the engine's store does not enter it at all.
                options.UsePostgresStore(settings.ConnectionString);
                return;
            }

            var contentRoot = provider.GetRequiredService<IHostEnvironment>().ContentRootPath;
            options.UseSqlite(ResolveSqlitePath(settings.ConnectionString, contentRoot))
                .AddInterceptors(new SqliteConnectionTuning(), provider.GetRequiredService<WriteGateGuard>());
        });

        // SQLite takes one writer at a time, so the engine's writers queue in-process. PostgreSQL takes concurrent
        // writers with row locks, and the other nodes' writers would not see an in-process queue anyway: no gate.
        services.AddSingleton(provider => new WriteGate(serialize: !DatabaseSettings.Read(provider.GetRequiredService<IConfiguration>()).IsPostgres));
        services.AddSingleton(provider => new WriteGateGuard(
            provider.GetRequiredService<WriteGate>(),
            DatabaseSettings.EnforcesWriteGate(provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>()),
            provider.GetRequiredService<ILogger<WriteGateGuard>>()));
        services.AddHostedService<DatabaseStartupService>();
        return services;
    }

    internal static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return builder.ToString();
        }

        builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        return builder.ToString();
    }
}
