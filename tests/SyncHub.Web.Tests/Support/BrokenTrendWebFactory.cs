using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SyncHub.Core.Dashboard;
using SyncHub.TestUtils;

namespace SyncHub.Web.Tests.Support;

/// <summary>The web factory whose error trend query always fails; every other dashboard box has a working store.</summary>
public sealed class BrokenTrendWebFactory : SyncHubWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Replace(
            ServiceDescriptor.Singleton(_ => new ErrorTrendQuery(new ThrowingDbContextFactory(), TimeProvider.System))));
    }
}
