namespace SyncHub.Web.Tests.Observability;

/// <summary>
/// The metrics tests run alone, after the parallel classes: seen here, another test host being disposed while a
/// scrape's host was running left that host's Prometheus output with no SyncHub instruments.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics";
}
