using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SyncHub.Data;

namespace SyncHub.Web.Storage;

internal static class DatabaseServiceCollectionExtensions
{
    private const string DefaultConnection = "Data Source=data/synchub.db";

    /// <summary>SQLite from <c>ConnectionStrings:SyncHub</c>; a relative file path is relative to the content root.</summary>
    public static IServiceCollection AddSyncHubDatabase(this IServiceCollection services)
    {
        // Read when first resolved, so configuration added by a test host or late providers is honoured.
        services.AddPooledDbContextFactory<SyncHubDbContext>((provider, options) =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var contentRoot = provider.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var connectionString = ResolveSqlitePath(configuration.GetConnectionString("SyncHub") ?? DefaultConnection, contentRoot);
            options.UseSqlite(connectionString).AddInterceptors(new SqliteConnectionTuning());
        });
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
