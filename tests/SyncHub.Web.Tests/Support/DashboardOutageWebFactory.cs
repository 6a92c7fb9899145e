using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SyncHub.Core.Dashboard;
using SyncHub.Core.Queries;
using SyncHub.Data;
using SyncHub.TestUtils;

namespace SyncHub.Web.Tests.Support;

/// <summary>The web factory whose dashboard queries read a store a test can take down and bring back (<see cref="Store"/>).</summary>
public sealed class DashboardOutageWebFactory : SyncHubWebFactory
{
    internal SwitchableDbContextFactory Store => Services.GetRequiredService<SwitchableDbContextFactory>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(sp => new SwitchableDbContextFactory(sp.GetRequiredService<IDbContextFactory<SyncHubDbContext>>()));
            Replace<IntegrationStatusQuery>(services);
            Replace<ErrorTrendQuery>(services);
            Replace<RecentErrorsQuery>(services);
            Replace<MoneyAtRiskQuery>(services);
        });
    }

    private static void Replace<TQuery>(IServiceCollection services) where TQuery : class =>
        services.Replace(ServiceDescriptor.Singleton(sp => ActivatorUtilities.CreateInstance<TQuery>(sp, sp.GetRequiredService<SwitchableDbContextFactory>())));
}
