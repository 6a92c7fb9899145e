using SyncHub.Processes;

namespace SyncHub.Specs;

/// <summary>
/// Finds the providers' published specs in place: <c>../shared/specs/</c> next to the repository root (the folder
/// holding <c>SyncHub.sln</c>), or the folder named by <c>SYNCHUB_SPECS_DIR</c>. Specs are never copied into the repo.
/// </summary>
public static class SpecFiles
{
    /// <summary>The environment variable that overrides where the specs are.</summary>
    public const string DirectoryVariable = "SYNCHUB_SPECS_DIR";

    /// <summary>The full path of a spec, for example <c>square_api.json</c>; an absolute path is returned as is.</summary>
    public static string Locate(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (Path.IsPathRooted(fileName))
        {
            return fileName;
        }

        var folder = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (string.IsNullOrWhiteSpace(folder))
        {
            folder = Path.Combine(RepositoryRoot.Find(), "..", "shared", "specs");
        }

        var path = Path.GetFullPath(Path.Combine(folder, fileName));
        return File.Exists(path) ? path : throw new FileNotFoundException($"Spec '{fileName}' is not in {Path.GetFullPath(folder)}.", path);
    }
}
