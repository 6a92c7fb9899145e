using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Core.ApiKeys;
using SyncHub.Web.Security;

namespace SyncHub.Web.Pages.ApiKeys;

/// <summary>API keys: created here (shown once, stored hashed), scoped to ingest or full, revoked here.</summary>
public sealed class IndexModel(ApiKeyService apiKeys, ConfiguredApiKeys configuredKeys) : PageModel
{
    [BindProperty(Name = "Form")]
    public NewApiKeyForm Form { get; set; } = new();

    public IReadOnlyList<ApiKeyView> Keys { get; private set; } = [];

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

        var created = await apiKeys.CreateAsync(Form.Name, Form.Scope, User.ToActor(), HttpContext.RequestAborted);
        NewKey = created.Key;
        Message = $"Created '{created.View.Name}'. Copy the key now: SyncHub keeps only its hash and cannot show it again.";
        ModelState.Clear();
        Form = new NewApiKeyForm();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        var revoked = await apiKeys.RevokeAsync(id, User.ToActor(), HttpContext.RequestAborted);
        Message = revoked ? "Revoked. Calls with that key are refused from now on." : "That key was already revoked.";
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Keys = await apiKeys.ListAsync(HttpContext.RequestAborted);
        ConfiguredKeys = configuredKeys.Count;
    }
}
