namespace SyncHub.Web.Hosting;

/// <summary>
/// Run from source, SyncHub's content (wwwroot/, appsettings.json) lives at the repository root, not in the
/// project folder: find the folder that holds SyncHub.sln above wherever the host would otherwise start.
/// Published builds have no solution file above them and keep the default.
/// </summary>
internal static class ContentRootLocator
{
    private const string Marker = "SyncHub.sln";

    public static WebApplicationOptions CreateOptions(string[] args)
    {
        var root = FindRepositoryRoot(AppContext.BaseDirectory) ?? FindRepositoryRoot(Directory.GetCurrentDirectory());
        return root is null
            ? new WebApplicationOptions { Args = args }
            : new WebApplicationOptions { Args = WithoutContentRoot(args), ContentRootPath = root, WebRootPath = Path.Combine(root, "wwwroot") };
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
