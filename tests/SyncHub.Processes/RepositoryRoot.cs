namespace SyncHub.Processes;

public static class RepositoryRoot
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

        throw new InvalidOperationException("Run this from inside the SyncHub repository.");
    }

    /// <summary>SyncHub.Web.dll as built in <paramref name="configuration"/> (Debug or Release), with its plugins beside it.</summary>
    public static string WebAssembly(string configuration) =>
        Path.Combine(Find(), "src", "SyncHub.Web", "bin", configuration, "net10.0", "SyncHub.Web.dll");

    /// <summary>SyncHub.Web.dll built in the same configuration as the calling test assembly (bin/&lt;configuration&gt;/net10.0).</summary>
    public static string WebAssemblyLikeThisBuild() =>
        WebAssembly(new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name);
}
