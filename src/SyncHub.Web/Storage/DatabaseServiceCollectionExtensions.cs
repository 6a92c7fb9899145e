using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SyncHub.Data;

namespace SyncHub.Web.Storage;

internal static class DatabaseServiceCollectionExtensions
{
    private const string DefaultConnection = "Data Source=data/synchub.db";

    /// <summary>SQLite from <c>ConnectionStrings:SyncHub</c>; a relative file path is relative to the content root.</summary>
    public static IServiceCollection AddSyncHubDatabase(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var connectionString = ResolveSqlitePath(configuration.GetConnectionString("SyncHub") ?? DefaultConnection, environment.ContentRootPath);
        services.AddPooledDbContextFactory<SyncHubDbContext>(options => options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SyncHubDbContext).Assembly.GetName().Name))
            .AddInterceptors(new SqliteConnectionTuning()));
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
