using System.Diagnostics;
using SyncHub.Benchmarks;

// SyncHub against its physical limits, side by side in one run; prints a markdown table. See docs/benchmarks.md.
if (args is [MinimalServer.Switch, var url])
{
    await MinimalServer.RunAsync(url);
    return 0;
}

if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var root = RepositoryRoot.Find();
var app = options.App ?? RepositoryRoot.WebAssembly("Release");
if (!File.Exists(app))
{
    Console.Error.WriteLine($"{app} is missing: build it first (dotnet build src/SyncHub.Web -c Release) or use scripts/bench.sh.");
    return 2;
}

var work = Directory.CreateTempSubdirectory("synchub-bench-");
var context = new BenchContext(options, root, app, work.FullName);
IScenario[] scenarios = [new DeliveryScenario(), new RetryAllScenario(), new PagesScenario(), new IngestScenario(), new StartupScenario()];
var rows = new List<ResultRow>();
var failures = 0;
try
{
    foreach (var scenario in scenarios.Where(s => options.Scenarios.Contains(s.Name)))
    {
        Console.Error.WriteLine($"== {scenario.Name}");
        var clock = Stopwatch.StartNew();
        try
        {
            rows.AddRange(await scenario.RunAsync(context));
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or IOException or OperationCanceledException)
        {
            failures++;
            Console.Error.WriteLine($"  {scenario.Name} failed: {ex}");
        }

        Console.Error.WriteLine($"  ({clock.Elapsed.TotalSeconds:0} s)");
    }
}
finally
{
    if (options.Keep)
    {
        Console.Error.WriteLine($"Databases kept in {work.FullName}");
    }
    else
    {
        work.Delete(recursive: true);
    }
}

Console.WriteLine($"Store: {(options.Store == BenchStore.Postgres ? "PostgreSQL" : "SQLite")}; SyncHub: {Path.GetRelativePath(root, app)}\n");
Console.WriteLine(ResultTable.Render(rows));
return failures == 0 ? 0 : 1;
