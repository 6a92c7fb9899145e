using Microsoft.EntityFrameworkCore;
using SyncHub.Data;

namespace SyncHub.Web.Tests.Support;

/// <summary>A store that is down: every context it is asked for fails, as a locked or corrupt database would.</summary>
internal sealed class ThrowingDbContextFactory : IDbContextFactory<SyncHubDbContext>
{
    public SyncHubDbContext CreateDbContext() => throw new InvalidOperationException("The store is down (test double).");
}
