using System.Globalization;
using SyncHub.Processes;

namespace SyncHub.Benchmarks;

/// <summary>
/// SyncHub as the benchmarks run it: its Release build as its own OS process, on its own database (SQLite or PostgreSQL, as the run says), with an API key
/// and an administrator from the command line and the demo off, the way an operator would run it.
/// </summary>
internal static class BenchApp
{
    public const string ApiKey = "bench-key-0123456789abcdef";
    public const string AdminEmail = "admin@bench.test";
    public const string AdminPassword = "bench-password-123";

    /// <summary>Starts the process and returns at once, so start-up can be timed from the first moment.</summary>
    public static SyncHubProcess Start(BenchContext context, BenchDatabase database, params string[] settings) =>
        SyncHubProcess.Start(context.AppPath, $"http://127.0.0.1:{LoopbackPort.Free()}", Settings(context, database, settings));

    public static Task<SyncHubProcess> StartHealthyAsync(BenchContext context, BenchDatabase database, params string[] settings) =>
        SyncHubProcess.StartHealthyAsync(context.AppPath, $"http://127.0.0.1:{LoopbackPort.Free()}", Settings(context, database, settings), TimeSpan.FromMinutes(2));

    public static SyncHubApi Api(SyncHubProcess app) => new(app.CreateApiClient(ApiKey, TimeSpan.FromSeconds(120)));

    private static string[] Settings(BenchContext context, BenchDatabase database, string[] settings) =>
    [
        .. database.Settings, "--SyncHub:Demo:Enabled=false", $"--SyncHub:ApiKeys:0={ApiKey}",
        $"--SyncHub:Admin:Email={AdminEmail}", $"--SyncHub:Admin:Password={AdminPassword}", "--SyncHub:Delivery:InCallRetries=0",
        $"--SyncHub:Delivery:Concurrency={context.Options.Concurrency.ToString(CultureInfo.InvariantCulture)}",
        // The per-key API limit (60,000 a minute by default) is a guard, not the subject: raised so it never answers 429 here.
        "--SyncHub:Security:ApiRequestsPerMinute=10000000", "--Logging:LogLevel:Default=Warning", .. settings,
    ];
}
