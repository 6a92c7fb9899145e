using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace SyncHub.Benchmarks;

/// <summary>
/// 5. Start-up and idle memory. SyncHub starts once on a fresh database (migrations, administrator) and is signed in
/// to; then it starts again and is timed from process start to the first 200 of the dashboard with that cookie, and
/// its resident memory is read after ten idle seconds. The limit is the smallest ASP.NET Core app serving a page,
/// started and measured the same way.
/// </summary>
internal sealed class StartupScenario : IScenario
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(10);

    public string Name => "startup";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchContext context)
    {
        await using var database = await context.NewDatabaseAsync("startup");
        var cookies = new CookieContainer();
        TimeSpan fresh;
        await using (var first = BenchApp.Start(context, database))
        {
            await first.WaitForAsync("/account/sign-in", TimeSpan.FromMinutes(1));
            fresh = first.SinceStart.Elapsed;
            using var signIn = await SignedInClient.CreateAsync(first.BaseUrl, cookies);
        }

        TimeSpan synchub;
        long synchubIdle;
        await using (var app = BenchApp.Start(context, database))
        {
            using var browser = await SignedInClient.CreateAsync(app.BaseUrl, cookies, signIn: false);
            await app.WaitForAsync("/", TimeSpan.FromMinutes(1), browser);
            synchub = app.SinceStart.Elapsed;
            await Task.Delay(Idle, TimeProvider.System);
            synchubIdle = app.Memory().Resident;
        }

        var (limit, limitIdle) = await MeasureMinimalAsync(context);
        BenchContext.Progress(string.Create(CultureInfo.InvariantCulture, $"first start on a fresh database, to the sign-in page: {fresh.TotalSeconds:0.00} s"));
        return
        [
            new("5. Start-up: process start to first dashboard 200", Figures.Seconds(synchub), Figures.Seconds(limit), limit / synchub, "≤ 2 s", synchub <= TimeSpan.FromSeconds(2)),
            new("5. Start-up, fresh database (migrations) to the sign-in page", Figures.Seconds(fresh), Figures.Seconds(limit), limit / fresh, "–", true),
            new($"5. Idle memory (VmRSS, {Idle.TotalSeconds:0} s after the first page)", Figures.Megabytes(synchubIdle), Figures.Megabytes(limitIdle), (double)limitIdle / synchubIdle, "≤ 150 MB", synchubIdle <= 150L * 1024 * 1024),
        ];
    }

    private static async Task<(TimeSpan Start, long Idle)> MeasureMinimalAsync(BenchContext context)
    {
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = context.RepositoryRoot };
        start.ArgumentList.Add(typeof(MinimalServer).Assembly.Location);
        start.ArgumentList.Add(MinimalServer.Switch);
        start.ArgumentList.Add(url);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
            while (true)
            {
                try
                {
                    using var response = await client.GetAsync("/");
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
            }

            var elapsed = clock.Elapsed;
            await Task.Delay(Idle, TimeProvider.System);
            var rss = File.ReadAllLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return (elapsed, long.Parse(rss["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
