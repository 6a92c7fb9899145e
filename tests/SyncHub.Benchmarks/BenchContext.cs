namespace SyncHub.Benchmarks;

/// <summary>What every scenario needs: the options, where SyncHub is, a scratch folder and a progress line.</summary>
internal sealed class BenchContext(BenchOptions options, string repositoryRoot, string appPath, string workDirectory)
{
    public BenchOptions Options { get; } = options;

    public string RepositoryRoot { get; } = repositoryRoot;

    public string AppPath { get; } = appPath;

    public string WorkDirectory { get; } = workDirectory;

    /// <summary>A new, empty database for a scenario on the store the run measures.</summary>
    public async Task<BenchDatabase> NewDatabaseAsync(string name) => Options.Store == BenchStore.Postgres
        ? await PostgresBenchDatabase.CreateAsync(Options.Keep)
        : new SqliteBenchDatabase(Path.Combine(WorkDirectory, name + ".db"));

    public static void Progress(string message) => Console.Error.WriteLine($"  {message}");
}
