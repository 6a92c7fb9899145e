using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Connectors;
using SyncHub.Core.Integrations;
using SyncHub.Core.Plugins;
using SyncHub.Web.Security;

namespace SyncHub.Web.Pages.Integrations;

/// <summary>Adds an integration: pick a connector, fill in its declared settings, test the connection, save.</summary>
public sealed class NewModel(IntegrationService integrations, ConnectionTester tester, IConnectorCatalog catalog) : PageModel
{
    [BindProperty]
    public IntegrationForm Form { get; set; } = new();

    public IntegrationFormView View { get; private set; } = null!;

    public IActionResult OnGet(string? connector)
    {
        Form = IntegrationForm.ForNew(connector is null ? null : catalog.Find(connector)?.Info);
        View = ViewFor(FormErrors.None);
        return Page();
    }

    /// <summary>The settings fields of the connector just picked.</summary>
    public IActionResult OnGetFields([FromQuery(Name = "Form.Connector")] string? connector)
    {
        Response.Headers.Vary = "HX-Request";
        var info = string.IsNullOrEmpty(connector) ? null : catalog.Find(connector)?.Info;
        Form = IntegrationForm.ForNew(info);
        return Partial("Partials/_SettingsFields", new SettingsFieldsView(info, Form, FormErrors.None));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = BindingErrors();
        var info = Info();
        var fieldErrors = new Core.Validation.FieldErrors();
        var settings = SettingsBuilder.Build(info?.Settings ?? [], Form.ToSettingsInput(), null, fieldErrors);
        using var document = System.Text.Json.JsonDocument.Parse(settings.ToJsonString());
        var request = new CreateIntegrationRequest(Form.Slug, Form.Name, Form.Connector, document.RootElement.Clone(), null, Form.ToRetry(),
            DuplicateDetection: Form.DuplicateDetection, AutoFixes: Form.AutoFixes);
        errors.AddAll(fieldErrors);
        errors.AddAll(integrations.Validate(request));
        if (errors.IsEmpty)
        {
            var result = await integrations.CreateAsync(request, User.ToActor().Name, cancellationToken);
            if (result.Outcome == CreateIntegrationOutcome.Created)
            {
                return Redirect($"/integrations/{result.Integration!.Slug}/edit?created=true");
            }

            if (result.Outcome == CreateIntegrationOutcome.SlugTaken)
            {
                errors.Add("slug", $"Slug '{Form.Slug}' is taken by another integration.");
            }

            errors.AddAll(result.Errors);
        }

        View = ViewFor(errors);
        return Page();
    }

    /// <summary>Tests the connection with the settings as entered; nothing is saved.</summary>
    public async Task<IActionResult> OnPostTestAsync(CancellationToken cancellationToken)
    {
        var info = Info();
        ConnectionTestReport report;
        var errors = new Core.Validation.FieldErrors();
        var settings = integrations.PreviewSettings(info?.Settings ?? [], Form.ToSettingsInput(), null, errors);
        report = info is null ? new ConnectionTestReport(true, false, "", "Pick a connector first.")
            : !errors.IsEmpty ? new ConnectionTestReport(true, false, "Validation", errors.ToString())
            : await tester.TestAsync(info.Name, string.IsNullOrWhiteSpace(Form.Slug) ? "new-integration" : Form.Slug, settings, cancellationToken);
        if (Request.IsHtmx())
        {
            Response.Headers.Vary = "HX-Request";
            return Partial("Partials/_TestResult", report);
        }

        View = ViewFor(FormErrors.None) with { Test = report };
        return Page();
    }

    private ConnectorInfo? Info() => string.IsNullOrEmpty(Form.Connector) ? null : catalog.Find(Form.Connector)?.Info;

    private IntegrationFormView ViewFor(FormErrors errors) =>
        new(Form, errors, new SettingsFieldsView(Info(), Form, errors), catalog.Connectors, "/integrations/new");

    private FormErrors BindingErrors()
    {
        var errors = new FormErrors();
        foreach (var (key, entry) in ModelState.Where(e => e.Value?.Errors.Count > 0))
        {
            errors.Add(IntegrationForm.KeyFor(key.Split('.').Last()), "must be a number.");
        }

        return errors;
    }
}
