using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Core.Budgets;
using SyncHub.Core.Integrations;
using SyncHub.Core.Runs;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Schedules;

/// <summary>An integration's schedule (interval or cron), run retries, timeout, run breaker, cut-off date and duplicate detection.</summary>
public sealed partial class IndexModel(IntegrationService integrations, RunPolicyService policies, ErrorBudgetQuery budgets) : PageModel
{
    [BindProperty]
    public RunPolicyForm Form { get; set; } = new();

    public Integration Integration { get; private set; } = null!;

    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await integrations.FindAsync(slug, cancellationToken) is not { } integration)
        {
            return NotFound();
        }

        Integration = integration;
        Form = RunPolicyForm.From(integration);
        Budget = ErrorBudgetForm.From(integration);
        Burn = await budgets.ForAsync(integration, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await integrations.FindAsync(slug, cancellationToken) is not { } integration)
        {
            return NotFound();
        }

        Integration = integration;
        Budget = ErrorBudgetForm.From(integration);
        Burn = await budgets.ForAsync(integration, cancellationToken);
        foreach (var entry in ModelState.Values.Where(v => v.Errors.Count > 0))
        {
            // A number or date field that did not parse: the message sits next to that field.
            entry.Errors.Clear();
            entry.Errors.Add("Enter a valid value.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var errors = await policies.SaveAsync(integration.Id, Form.ToRequest(), User.Identity?.Name ?? "unknown", cancellationToken);
        if (errors is not null)
        {
            foreach (var (field, messages) in errors.ToDictionary())
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError($"{nameof(Form)}.{RunPolicyForm.FieldFor(field)}", message);
                }
            }

            return Page();
        }

        Saved = "Saved. The scheduler picks the change up within a few seconds.";
        Integration = (await integrations.FindAsync(slug, cancellationToken))!;
        return Page();
    }
}
