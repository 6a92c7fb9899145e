using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Security;

/// <summary>Identity's user store, whose saves (sign-in bookkeeping, role and password changes) take their turn at the write gate.</summary>
internal sealed class GatedUserStore(SyncHubDbContext db, WriteGate writes, IdentityErrorDescriber? describer = null)
    : UserStore<SyncHubUser, IdentityRole, SyncHubDbContext>(db, describer)
{
    public override Task<IdentityResult> CreateAsync(SyncHubUser user, CancellationToken cancellationToken = default) =>
        writes.RunAsync(token => base.CreateAsync(user, token), cancellationToken);

    public override Task<IdentityResult> UpdateAsync(SyncHubUser user, CancellationToken cancellationToken = default) =>
        writes.RunAsync(token => base.UpdateAsync(user, token), cancellationToken);

    public override Task<IdentityResult> DeleteAsync(SyncHubUser user, CancellationToken cancellationToken = default) =>
        writes.RunAsync(token => base.DeleteAsync(user, token), cancellationToken);
}
