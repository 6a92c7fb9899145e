using SyncHub.Processes;

namespace SyncHub.Benchmarks;

/// <summary>
/// What SyncHub's process spent on a stretch of work: CPU time from /proc and bytes allocated from its runtime meter,
/// read before and after, so each delivered record's share can be set beside the targets.
/// </summary>
internal sealed class ProcessCost
{
    private readonly SyncHubProcess _app;
    private readonly SyncHubApi _api;
    private TimeSpan _cpu;
    private long _allocated;

    private ProcessCost(SyncHubProcess app, SyncHubApi api)
    {
        _app = app;
        _api = api;
    }

    public static async Task<ProcessCost> StartAsync(SyncHubProcess app, SyncHubApi api)
    {
        var cost = new ProcessCost(app, api);
        cost._allocated = await api.AllocatedBytesAsync();
        cost._cpu = app.CpuTime();
        return cost;
    }

    /// <summary>CPU microseconds and allocated kilobytes per record since the start.</summary>
    public async Task<(double CpuMicroseconds, double AllocatedKilobytes)> PerRecordAsync(int records)
    {
        var cpu = _app.CpuTime() - _cpu;
        var allocated = await _api.AllocatedBytesAsync() - _allocated;
        return (cpu.TotalMilliseconds * 1000 / records, allocated / 1024.0 / records);
    }

    public static IReadOnlyList<ResultRow> Rows(string scenario, (double CpuMicroseconds, double AllocatedKilobytes) cost) =>
    [
        new($"{scenario}: CPU per delivered record", Figures.Micros(cost.CpuMicroseconds), "–", null, "≤ 150 µs", cost.CpuMicroseconds <= 150),
        new($"{scenario}: allocated per delivered record", Figures.Kilobytes(cost.AllocatedKilobytes), "–", null, "≤ 10 KB", cost.AllocatedKilobytes <= 10),
    ];
}
