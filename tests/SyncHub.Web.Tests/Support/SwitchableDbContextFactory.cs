using Microsoft.EntityFrameworkCore;
using SyncHub.Data;

namespace SyncHub.Web.Tests.Support;

/// <summary>The real store until a test takes it down (<see cref="Down"/>); then every context it is asked for fails.</summary>
internal sealed class SwitchableDbContextFactory(IDbContextFactory<SyncHubDbContext> store) : IDbContextFactory<SyncHubDbContext>
{
    private volatile bool _down;

    public bool Down
    {
        get => _down;
        set => _down = value;
    }

    public SyncHubDbContext CreateDbContext() =>
        _down ? throw new InvalidOperationException("The store is down (test double).") : store.CreateDbContext();
}
