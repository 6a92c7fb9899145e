using Microsoft.EntityFrameworkCore.Infrastructure;

namespace SyncHub.Data;

/// <summary>Which store a context talks to, without the engine referencing the PostgreSQL provider.</summary>
public static class DatabaseProviderExtensions
{
    public const string NpgsqlProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>True on PostgreSQL, the shared store of several nodes; false on the embedded SQLite file.</summary>
    public static bool IsPostgres(this DatabaseFacade database) => database.ProviderName == NpgsqlProviderName;
}
