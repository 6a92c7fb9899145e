using SyncHub.TestUtils;

namespace SyncHub.Web.Tests.Support;

/// <summary>The web factory with connection circuit breakers on (the shared factory keeps them off).</summary>
public sealed class BreakerWebFactory : SyncHubWebFactory
{
    public BreakerWebFactory() => Settings["SyncHub:Breakers:Enabled"] = "true";
}
