namespace SyncHub.TestUtils;

/// <summary>A fresh SQLite database file per test (class), removed with its WAL files afterwards.</summary>
public sealed class TempSqliteFile : IDisposable
{
    public TempSqliteFile()
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "synchub-tests");
        Directory.CreateDirectory(folder);
        Path = System.IO.Path.Combine(folder, $"{Guid.NewGuid():N}.db");
    }

    public string Path { get; }

    public string ConnectionString => $"Data Source={Path};Pooling=False";

    public void Dispose()
    {
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A pooled connection may still hold it; the temp folder is cleaned by the OS.
            }
        }
    }
}
