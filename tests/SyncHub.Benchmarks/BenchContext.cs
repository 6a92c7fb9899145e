namespace SyncHub.Benchmarks;

/// <summary>What every scenario needs: the options, where SyncHub is, a scratch folder and a progress line.</summary>
internal sealed class BenchContext(BenchOptions options, string repositoryRoot, string appPath, string workDirectory)
{
    public BenchOptions Options { get; } = options;

    public string RepositoryRoot { get; } = repositoryRoot;

    public string AppPath { get; } = appPath;

    public string WorkDirectory { get; } = workDirectory;

    public string NewDatabasePath(string name) => Path.Combine(WorkDirectory, name + ".db");

    public static void Progress(string message) => Console.Error.WriteLine($"  {message}");
}
