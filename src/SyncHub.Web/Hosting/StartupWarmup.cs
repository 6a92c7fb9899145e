using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Plugins;
using SyncHub.Data;

namespace SyncHub.Web.Hosting;

/// <summary>
/// Loads the connector plugins and EF Core's compiled model on a worker thread as soon as the services exist, while
/// the main thread maps the pages; each is loaded once, so whoever needs one first waits for this one instead.
/// </summary>
internal static class StartupWarmup
{
    public static void Start(IServiceProvider services) =>
        _ = Task.Run(() =>
        {
            try
            {
                services.GetRequiredService<IConnectorCatalog>();
                using var db = services.GetRequiredService<IDbContextFactory<SyncHubDbContext>>().CreateDbContext();
                _ = db.Model;
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or ObjectDisposedException or IOException)
            {
                // A bad plugin folder, connection string or model fails again, and is reported, where start-up uses it.
            }
        });
}
