using SyncHub.TestUtils;

namespace SyncHub.Web.Tests.Support;

/// <summary>The web factory behind a trusted reverse proxy on the same host (<c>TrustForwardedHeaders</c>).</summary>
public sealed class ProxiedWebFactory : SyncHubWebFactory
{
    public ProxiedWebFactory() => Settings["SyncHub:Security:TrustForwardedHeaders"] = "true";
}
