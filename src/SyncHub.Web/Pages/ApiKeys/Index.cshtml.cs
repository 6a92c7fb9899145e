using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Audit;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.Web.Security;

namespace SyncHub.Web.Pages.ApiKeys;

/// <summary>API keys: created here (shown once, stored hashed), scoped to ingest or full, revoked here.</summary>
public sealed class IndexModel(IDbContextFactory<SyncHubDbContext> dbFactory, IAuditLog audit, IConfiguration configuration, TimeProvider time) : PageModel
{
    [BindProperty(Name = "Form")]
    public NewApiKeyForm Form { get; set; } = new();

    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    public int ConfiguredKeys { get; private set; }

    public string? NewKey { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (!Enum.IsDefined(Form.Scope))
        {
            ModelState.AddModelError("Form.Scope", "Pick Ingest only or Full.");
        }

        if (!ModelState.IsValid || !TryValidateModel(Form, nameof(Form)))
        {
            await LoadAsync();
            return Page();
        }

        var key = ApiKeyHasher.NewKey();
        var created = new ApiKey
        {
            Name = Form.Name.Trim(),
            Prefix = key[..10],
            Hash = ApiKeyHasher.Hash(key),
            Scope = Form.Scope,
            CreatedBy = User.Identity?.Name ?? "unknown",
            CreatedAt = time.GetUtcNow(),
        };
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            db.ApiKeys.Add(created);
            await db.SaveChangesAsync();
        }

        // The name, prefix and scope identify the key; the key itself is never written anywhere.
        await audit.WriteAsync(created.CreatedBy, AccountAuditActions.ApiKeyCreate, ApiKeyTarget(created), $"scope {created.Scope}, prefix {created.Prefix}", HttpContext.RequestAborted);

        NewKey = key;
        Message = $"Created '{Form.Name.Trim()}'. Copy the key now: SyncHub keeps only its hash and cannot show it again.";
        ModelState.Clear();
        Form = new NewApiKeyForm();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var revoked = await db.ApiKeys.Where(k => k.Id == id && k.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, time.GetUtcNow()));
            Message = revoked == 1 ? "Revoked. Calls with that key are refused from now on." : "That key was already revoked.";
            if (revoked == 1 && await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id) is { } key)
            {
                await audit.WriteAsync(User.Identity?.Name ?? "unknown", AccountAuditActions.ApiKeyRevoke, ApiKeyTarget(key), $"prefix {key.Prefix}", HttpContext.RequestAborted);
            }
        }

        await LoadAsync();
        return Page();
    }

    private static string ApiKeyTarget(ApiKey key) => $"api key {key.Id} ({key.Name})";

    private async Task LoadAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        Keys = await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.Id).ToListAsync();
        ConfiguredKeys = (configuration.GetSection(ApiKeyAuthenticationHandler.ApiKeysSection).Get<string[]>() ?? []).Count(k => !string.IsNullOrWhiteSpace(k));
    }
}
