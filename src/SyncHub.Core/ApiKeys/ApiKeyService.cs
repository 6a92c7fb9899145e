using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Audit;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.ApiKeys;

/// <summary>API keys made in the UI: listed, created (stored as a hash) and revoked, each change audited.</summary>
public sealed class ApiKeyService(IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, IAuditLog audit, TimeProvider time)
{
    private const int PrefixLength = 10;

    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.Id)
            .Select(k => new ApiKeyView(k.Id, k.Name, k.Prefix, k.Scope, k.CreatedAt, k.CreatedBy, k.RevokedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<CreatedApiKey> CreateAsync(string name, ApiKeyScope scope, Actor actor, CancellationToken cancellationToken)
    {
        var key = ApiKeyHasher.NewKey();
        var created = new ApiKey
        {
            Name = name.Trim(), Prefix = key[..PrefixLength], Hash = ApiKeyHasher.Hash(key), Scope = scope,
            CreatedBy = actor.Name, CreatedAt = time.GetUtcNow(),
        };
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.ApiKeys.Add(created);
            await writes.RunAsync(db.SaveChangesAsync, cancellationToken);
        }

        var view = View(created);

        // The name, prefix and scope identify the key; the key itself is never written anywhere.
        await audit.WriteAsync(actor.Name, AccountAuditActions.ApiKeyCreate, view.AuditTarget, $"scope {created.Scope}, prefix {created.Prefix}", cancellationToken);
        return new CreatedApiKey(view, key);
    }

    /// <returns>False when there is no such key or it was already revoked.</returns>
    public async Task<bool> RevokeAsync(int id, Actor actor, CancellationToken cancellationToken)
    {
        ApiKeyView? revoked;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var changed = await writes.RunAsync(
                token => db.ApiKeys.Where(k => k.Id == id && k.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, time.GetUtcNow()), token),
                cancellationToken);
            revoked = changed == 1 ? View(await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == id, cancellationToken)) : null;
        }

        if (revoked is null)
        {
            return false;
        }

        await audit.WriteAsync(actor.Name, AccountAuditActions.ApiKeyRevoke, revoked.AuditTarget, $"prefix {revoked.Prefix}", cancellationToken);
        return true;
    }

    private static ApiKeyView View(ApiKey key) => new(key.Id, key.Name, key.Prefix, key.Scope, key.CreatedAt, key.CreatedBy, key.RevokedAt);
}
