using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Connectors;
using SyncHub.Core.Integrations;
using SyncHub.Core.Plugins;
using SyncHub.Core.Validation;
using SyncHub.Data.Entities;
using SyncHub.Web.Security;

namespace SyncHub.Web.Pages.Integrations;

/// <summary>Edits an integration's connection: settings (secrets write-only), name, retries, duplicates and fixes.</summary>
public sealed class EditModel(IntegrationService integrations, ConnectionTester tester, IConnectorCatalog catalog) : PageModel
{
    [BindProperty]
    public IntegrationForm Form { get; set; } = new();

    public IntegrationFormView View { get; private set; } = null!;

    public Integration Integration { get; private set; } = null!;

    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, bool created, CancellationToken cancellationToken)
    {
        if (await integrations.FindAsync(slug, cancellationToken) is not { } integration)
        {
            return NotFound();
        }

        Integration = integration;
        Form = IntegrationForm.From(integration, Info(), integrations.StoredSettings(integration));
        Saved = created ? "Integration added." : null;
        View = ViewFor(FormErrors.None);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await integrations.FindAsync(slug, cancellationToken) is not { } integration)
        {
            return NotFound();
        }

        Integration = integration;
        var errors = new FormErrors();
        foreach (var (key, _) in ModelState.Where(e => e.Value?.Errors.Count > 0))
        {
            errors.Add(IntegrationForm.KeyFor(key.Split('.').Last()), "must be a number.");
        }

        if (errors.IsEmpty)
        {
            errors.AddAll(await integrations.UpdateAsync(slug, Form.ToUpdate(), User.ToActor().Name, cancellationToken));
        }

        if (errors.IsEmpty)
        {
            Saved = "Saved.";
            Integration = (await integrations.FindAsync(slug, cancellationToken))!;
            Form = IntegrationForm.From(Integration, Info(), integrations.StoredSettings(Integration));
        }

        View = ViewFor(errors);
        return Page();
    }

    /// <summary>Tests the settings as entered, blank secrets falling back to the stored ones; nothing is saved.</summary>
    public async Task<IActionResult> OnPostTestAsync(string slug, CancellationToken cancellationToken)
    {
        if (await integrations.FindAsync(slug, cancellationToken) is not { } integration)
        {
            return NotFound();
        }

        Integration = integration;
        var errors = new FieldErrors();
        var settings = integrations.PreviewSettings(Info()?.Settings ?? [], Form.ToSettingsInput(), integration, errors);
        var report = errors.IsEmpty
            ? await tester.TestAsync(integration.Connector, integration.Slug, settings, cancellationToken)
            : new ConnectionTestReport(true, false, "Validation", errors.ToString());
        if (Request.IsHtmx())
        {
            Response.Headers.Vary = "HX-Request";
            return Partial("Partials/_TestResult", report);
        }

        View = ViewFor(FormErrors.None) with { Test = report };
        return Page();
    }

    private ConnectorInfo? Info() => catalog.Find(Integration.Connector)?.Info;

    private IntegrationFormView ViewFor(FormErrors errors)
    {
        Form.Slug = Integration.Slug;
        Form.Connector = Integration.Connector;
        var stored = SettingsFieldsView.NamesOf(integrations.StoredSettings(Integration));
        var settings = new SettingsFieldsView(Info(), Form, errors) { Editing = true, StoredNames = stored };
        return new IntegrationFormView(Form, errors, settings, catalog.Connectors, $"/integrations/{Integration.Slug}/edit");
    }
}
