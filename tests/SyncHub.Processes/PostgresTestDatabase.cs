using System.Diagnostics;
using Npgsql;

namespace SyncHub.Processes;

/// <summary>
/// A fresh, empty PostgreSQL database for one test (class), dropped afterwards. The server comes from
/// <c>SYNCHUB_TEST_POSTGRES</c> (an admin connection string that may create databases; scripts/test.sh sets it), or
/// else scripts/start-postgres.sh is run, which starts the local server and creates the test role.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "SYNCHUB_TEST_POSTGRES";

    /// <summary>Set to <c>postgres</c> to run the engine and web suites on PostgreSQL instead of SQLite.</summary>
    public const string StoreVariable = "SYNCHUB_TEST_STORE";

    private static readonly SemaphoreSlim ServerLock = new(1, 1);
    private static string? _server;

    private readonly string _admin;

    private PostgresTestDatabase(string admin, string name)
    {
        _admin = admin;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>True when the suites are asked to run on PostgreSQL.</summary>
    public static bool Selected =>
        string.Equals(Environment.GetEnvironmentVariable(StoreVariable), "postgres", StringComparison.OrdinalIgnoreCase);

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var admin = await ServerAsync();
        var name = $"synchub_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new PostgresTestDatabase(admin, name);
    }

    /// <summary>Synchronous, for fixtures built in constructors.</summary>
    public static PostgresTestDatabase Create() => CreateAsync().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> ServerAsync()
    {
        await ServerLock.WaitAsync();
        try
        {
            return _server ??= Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } configured
                ? configured
                : await StartLocalServerAsync();
        }
        finally
        {
            ServerLock.Release();
        }
    }

    private static async Task<string> StartLocalServerAsync()
    {
        var script = Path.Combine(RepositoryRoot.Find(), "scripts", "start-postgres.sh");
        using var process = Process.Start(new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed ({process.ExitCode}): {errors}");
        }

        var connectionString = output.Trim().Split('\n')[^1];
        if (!connectionString.StartsWith("Host=", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{script} printed no connection string last: {output}");
        }

        return connectionString;
    }
}
