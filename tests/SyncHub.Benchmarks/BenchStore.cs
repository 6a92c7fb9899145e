namespace SyncHub.Benchmarks;

/// <summary>The store a run measures SyncHub on.</summary>
internal enum BenchStore
{
    Sqlite,
    Postgres,
}
