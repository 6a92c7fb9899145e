using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Core.Budgets;
using SyncHub.Core.Integrations;
using SyncHub.Core.Runs;
using SyncHub.Web.Security;

namespace SyncHub.Web.Pages.Schedules;

/// <summary>
/// An integration's schedule (interval or cron), run retries, timeout, run breaker, cut-off date and duplicate detection;
/// its error budget settings, and Pause / Resume (audited as integration.pause / integration.resume).
/// </summary>
public sealed class IndexModel(IntegrationScheduleQuery schedules, RunPolicyService policies, ErrorBudgetSettings budgetSettings, IntegrationPauseService pauses) : PageModel
{
    [BindProperty]
    public RunPolicyForm Form { get; set; } = new();

    [BindProperty]
    public ErrorBudgetForm Budget { get; set; } = new();

    [BindProperty]
    public string? PauseReason { get; set; }

    public IntegrationSchedule Integration { get; private set; } = null!;

    public ErrorBudgetBurn? Burn { get; private set; }

    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        Form = RunPolicyForm.From(Integration);
        Budget = ErrorBudgetForm.From(Integration);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        Budget = ErrorBudgetForm.From(Integration);
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

        var errors = await policies.SaveAsync(Integration.Id, Form.ToRequest(), User.ToActor().Name, cancellationToken);
        if (errors is not null)
        {
            FormFieldErrors.AddTo(ModelState, nameof(Form), errors, RunPolicyForm.FieldFor);
            return Page();
        }

        Saved = "Saved. The scheduler picks the change up within a few seconds.";
        Integration = (await schedules.FindAsync(slug, cancellationToken))!;
        return Page();
    }

    public async Task<IActionResult> OnPostBudgetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        Form = RunPolicyForm.From(Integration);
        if (!ModelState.IsValid)
        {
            ModelState.AddModelError($"{nameof(Budget)}.{nameof(ErrorBudgetForm.Percent)}", "Enter a valid value.");
            return Page();
        }

        var errors = await budgetSettings.SaveAsync(Integration.Id, Budget.ToRequest(), User.ToActor().Name, cancellationToken);
        FormFieldErrors.AddTo(ModelState, nameof(Budget), errors, ErrorBudgetForm.FieldFor);
        Saved = errors is null ? "Error budget saved." : null;
        return await ReloadAsync(slug, keepBudgetInput: errors is not null, cancellationToken);
    }

    public async Task<IActionResult> OnPostPauseAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        await pauses.PauseAsync(Integration.Id, PauseReason, User.ToActor().Name, cancellationToken);
        Saved = "Paused. Records queue up and are delivered after Resume.";
        return await ReloadAsync(slug, keepBudgetInput: false, cancellationToken);
    }

    public async Task<IActionResult> OnPostResumeAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        await pauses.ResumeAsync(Integration.Id, User.ToActor().Name, cancellationToken);
        Saved = "Resumed. Queued records are delivered again.";
        return await ReloadAsync(slug, keepBudgetInput: false, cancellationToken);
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await schedules.FindAsync(slug, cancellationToken) is not { } schedule)
        {
            return false;
        }

        Integration = schedule;
        Burn = schedule.Burn;
        return true;
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
