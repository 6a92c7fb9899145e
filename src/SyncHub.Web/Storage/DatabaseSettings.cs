namespace SyncHub.Web.Storage;

/// <summary>
/// The store as configured: <c>SyncHub:Database:Provider</c> (Sqlite or Postgres) and <c>ConnectionStrings:SyncHub</c>.
/// Read straight from configuration because the scheduler is wired before the container exists.
/// </summary>
internal sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "SyncHub:Database:Provider";

    public const string EnforceWriteGateKey = "SyncHub:Database:EnforceWriteGate";

    private const string DefaultSqlite = "Data Source=data/synchub.db";

    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    /// <summary>
    /// Whether a write outside the write gate is refused (true) or only warned about. Unset, it is refused in Development,
    /// where the bug should fail loudly, and warned about elsewhere, where refusing would lose the work.
    /// </summary>
    public static bool EnforcesWriteGate(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>(EnforceWriteGateKey) ?? environment.IsDevelopment();

    public static DatabaseSettings Read(IConfiguration configuration)
    {
        var name = configuration[ProviderKey];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(name) && !Enum.TryParse(name, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException($"{ProviderKey} is '{name}'; use Sqlite or Postgres.");
        }

        var connectionString = configuration.GetConnectionString("SyncHub");
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"{ProviderKey} is Postgres but ConnectionStrings:SyncHub is empty; give the server's connection string.");
        }

        return new DatabaseSettings(provider, connectionString ?? DefaultSqlite);
    }
}
