using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Core.Integrations;
using SyncHub.Core.Mapping;
using SyncHub.Core.Plugins;
using SyncHub.Core.Queries;
using SyncHub.Data.Entities;
using SyncHub.Web.Security;

namespace SyncHub.Web.Pages.Integrations;

/// <summary>Edits an integration's mapping templates and field defaults, with a preview against a sample record.</summary>
public sealed class MappingModel(IntegrationService integrations, MappingSamplesQuery samples, MappingPreview preview, IConnectorCatalog catalog) : PageModel
{
    [BindProperty]
    public MappingForm Form { get; set; } = new();

    public Integration Integration { get; private set; } = null!;

    public IReadOnlyList<string> EntityTypes { get; private set; } = [];

    public IReadOnlyList<MappingSample> Samples { get; private set; } = [];

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public MappingPreviewResult? Preview { get; private set; }

    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        Form = MappingForm.From(Integration);
        await OfferAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        var errors = new FormErrors();
        errors.AddAll(await integrations.SaveMappingAsync(slug, Form.ToRequest(), User.ToActor().Name, cancellationToken));
        if (errors.IsEmpty)
        {
            Saved = "Mapping saved. New deliveries use it.";
            await LoadAsync(slug, cancellationToken);
            Form = MappingForm.From(Integration);
        }

        Errors = errors;
        await OfferAsync(cancellationToken);
        return Page();
    }

    /// <summary>Renders the template as entered (not saved) against the chosen record or the pasted sample.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        var (payload, entityType, sourceId) = (Form.SampleJson, Form.PreviewEntityType ?? "", "sample");
        if (string.IsNullOrWhiteSpace(Form.SampleJson) && Form.SampleRecordId is { } id
            && await samples.FindAsync(Integration.Id, id, cancellationToken) is { } record)
        {
            (payload, sourceId) = (record.Payload, record.SourceId);
            entityType = string.IsNullOrEmpty(Form.PreviewEntityType) ? record.EntityType : Form.PreviewEntityType;
        }

        Preview = preview.Render(Form.TemplateFor(entityType), Form.DefaultsJson, payload, entityType, sourceId);
        if (Request.IsHtmx())
        {
            Response.Headers.Vary = "HX-Request";
            return Partial("Partials/_Preview", Preview);
        }

        await OfferAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await integrations.FindAsync(slug, cancellationToken) is not { } integration)
        {
            return false;
        }

        Integration = integration;
        return true;
    }

    private async Task OfferAsync(CancellationToken cancellationToken)
    {
        var declared = catalog.Find(Integration.Connector)?.Info.EntityTypes ?? [];
        var seen = await samples.EntityTypesAsync(Integration.Id, cancellationToken);
        EntityTypes = [.. declared.Concat(seen).Concat(Form.Templates.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Samples = await samples.RecentAsync(Integration.Id, cancellationToken);
    }
}
