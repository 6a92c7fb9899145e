using Microsoft.AspNetCore.Mvc;
using SyncHub.Core.Budgets;
using SyncHub.Core.Integrations;

namespace SyncHub.Web.Pages.Schedules;

/// <summary>Error budget settings, and Pause / Resume (audited as integration.pause / integration.resume).</summary>
public sealed partial class IndexModel
{
    [BindProperty]
    public ErrorBudgetForm Budget { get; set; } = new();

    [BindProperty]
    public string? PauseReason { get; set; }

    public ErrorBudgetBurn? Burn { get; private set; }

    public async Task<IActionResult> OnPostBudgetAsync(string slug, [FromServices] ErrorBudgetSettings settings, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        Form = RunPolicyForm.From(Integration);
        if (!ModelState.IsValid)
        {
            ModelState.AddModelError($"{nameof(Budget)}.{nameof(ErrorBudgetForm.Percent)}", "Enter a valid value.");
            return Page();
        }

        var errors = await settings.SaveAsync(Integration.Id, Budget.ToRequest(), Actor, cancellationToken);
        foreach (var (field, messages) in errors?.ToDictionary() ?? [])
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError($"{nameof(Budget)}.{ErrorBudgetForm.FieldFor(field)}", message);
            }
        }

        Saved = errors is null ? "Error budget saved." : null;
        return await ReloadAsync(slug, keepBudgetInput: errors is not null, cancellationToken);
    }

    public async Task<IActionResult> OnPostPauseAsync(string slug, [FromServices] IntegrationPauseService pauses, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        await pauses.PauseAsync(Integration.Id, PauseReason, Actor, cancellationToken);
        Saved = "Paused. Records queue up and are delivered after Resume.";
        return await ReloadAsync(slug, keepBudgetInput: false, cancellationToken);
    }

    public async Task<IActionResult> OnPostResumeAsync(string slug, [FromServices] IntegrationPauseService pauses, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        await pauses.ResumeAsync(Integration.Id, Actor, cancellationToken);
        Saved = "Resumed. Queued records are delivered again.";
        return await ReloadAsync(slug, keepBudgetInput: false, cancellationToken);
    }

    private string Actor => User.Identity?.Name ?? "unknown";

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await integrations.FindAsync(slug, cancellationToken) is not { } integration)
        {
            return NotFound();
        }

        Integration = integration;
        Burn = await budgets.ForAsync(integration, cancellationToken);
        return null;
    }

    private async Task<IActionResult> ReloadAsync(string slug, bool keepBudgetInput, CancellationToken cancellationToken)
    {
        await LoadAsync(slug, cancellationToken);
        Form = RunPolicyForm.From(Integration);
        if (!keepBudgetInput)
        {
            Budget = ErrorBudgetForm.From(Integration);
        }

        return Page();
    }
}
