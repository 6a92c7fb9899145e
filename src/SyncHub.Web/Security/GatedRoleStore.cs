using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using SyncHub.Data;

namespace SyncHub.Web.Security;

/// <summary>Identity's role store, whose saves take their turn at the write gate.</summary>
internal sealed class GatedRoleStore(SyncHubDbContext db, WriteGate writes, IdentityErrorDescriber? describer = null)
    : RoleStore<IdentityRole, SyncHubDbContext>(db, describer)
{
    public override Task<IdentityResult> CreateAsync(IdentityRole role, CancellationToken cancellationToken = default) =>
        writes.RunAsync(token => base.CreateAsync(role, token), cancellationToken);

    public override Task<IdentityResult> UpdateAsync(IdentityRole role, CancellationToken cancellationToken = default) =>
        writes.RunAsync(token => base.UpdateAsync(role, token), cancellationToken);

    public override Task<IdentityResult> DeleteAsync(IdentityRole role, CancellationToken cancellationToken = default) =>
        writes.RunAsync(token => base.DeleteAsync(role, token), cancellationToken);
}
