namespace SyncHub.Web.Hosting;

/// <summary>
/// Run from source, SyncHub's content (wwwroot/, appsettings.json) lives at the repository root, not in the
/// project folder: find the folder that holds SyncHub.sln above wherever the host would otherwise start.
/// Published builds have no solution file above them: their content sits beside the binaries, so the content root is
/// the application's folder whatever the working directory (unless --contentRoot says otherwise).
/// </summary>
internal static class ContentRootLocator
{
    private const string Marker = "SyncHub.sln";

    public static WebApplicationOptions CreateOptions(string[] args) =>
        CreateOptions(args, AppContext.BaseDirectory, Directory.GetCurrentDirectory());

    /// <param name="appDirectory">Where the application's binaries are.</param>
    /// <param name="workingDirectory">Where it was started from.</param>
    public static WebApplicationOptions CreateOptions(string[] args, string appDirectory, string workingDirectory)
    {
        var root = FindRepositoryRoot(appDirectory) ?? FindRepositoryRoot(workingDirectory);
        if (root is null)
        {
            return HasContentRoot(args)
                ? new WebApplicationOptions { Args = args }
                : new WebApplicationOptions { Args = args, ContentRootPath = appDirectory };
        }

        return new WebApplicationOptions { Args = WithoutContentRoot(args), ContentRootPath = root, WebRootPath = Path.Combine(root, "wwwroot") };
    }

    public static string? FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, Marker)))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    private static bool HasContentRoot(string[] args) =>
        args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase));

    // Test hosts pass the project folder as --contentRoot; the repository root found above replaces it.
    private static string[] WithoutContentRoot(string[] args)
    {
        var result = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--contentRoot=", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (args[i].Equals("--contentRoot", StringComparison.OrdinalIgnoreCase))
            {
                i++;
                continue;
            }

            result.Add(args[i]);
        }

        return [.. result];
    }
}
