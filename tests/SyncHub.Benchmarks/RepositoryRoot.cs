namespace SyncHub.Benchmarks;

internal static class RepositoryRoot
{
    /// <summary>The folder holding SyncHub.sln, above the program's output or the working directory.</summary>
    public static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "SyncHub.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the SyncHub repository.");
    }
}
