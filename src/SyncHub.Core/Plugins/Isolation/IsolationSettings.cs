namespace SyncHub.Core.Plugins.Isolation;

/// <summary>How isolated plugins are started and watched, resolved once from <see cref="PluginOptions"/>.</summary>
internal sealed record IsolationSettings(string Dotnet, string HostPath, long MemoryLimitBytes, TimeSpan CheckInterval, TimeSpan StartTimeout)
{
    public const long Megabyte = 1024 * 1024;

    public long MemoryLimitMb => MemoryLimitBytes / Megabyte;

    public static IsolationSettings From(PluginOptions options) => new(
        DotnetMuxer(),
        Path.GetFullPath(options.HostPath, AppContext.BaseDirectory),
        options.MemoryLimitMb * Megabyte,
        TimeSpan.FromSeconds(options.MemoryCheckSeconds),
        TimeSpan.FromSeconds(options.StartTimeoutSeconds));

    // The child runs on the same runtime as the host: the dotnet muxer three levels above the shared framework
    // folder this process runs on (<root>/shared/Microsoft.NETCore.App/<version>/), else the one on PATH.
    private static string DotnetMuxer()
    {
        var executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var muxer = runtime is null ? null : Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", executable));
        return muxer is not null && File.Exists(muxer) ? muxer : executable;
    }
}
