namespace SyncHub.Benchmarks;

/// <summary>One scenario: runs SyncHub and its physical limit side by side and returns their rows.</summary>
internal interface IScenario
{
    string Name { get; }

    Task<IReadOnlyList<ResultRow>> RunAsync(BenchContext context);
}
